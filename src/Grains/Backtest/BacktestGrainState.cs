using Polytraders.Contracts;

namespace Polytraders.Grains.Backtest;

/// <summary>What a Backtest grain stores: the request it runs and the run as it stands.</summary>
[GenerateSerializer]
[Alias("Polytraders.BacktestGrainState")]
public sealed class BacktestGrainState
{
    /// <summary>Read only from states stored before <see cref="RequestDocument"/>; new states leave it null.</summary>
    [Id(0)]
    public BacktestRequest? Request { get; set; }

    [Id(1)]
    public BacktestRun? Run { get; set; }

    /// <summary>
    /// The request as its contract JSON. The grain storage's own JSON gives decimals back with another scale (500 comes
    /// back as 500.0), and a run started again after a restart must run exactly the request the first attempt ran, down to
    /// the text of its audit details, or it no longer matches the links that attempt stored.
    /// </summary>
    [Id(2)]
    public string? RequestDocument { get; set; }

    public void Keep(BacktestRequest request)
    {
        RequestDocument = ContractJson.Serialize(request);
        Request = null;
    }

    public BacktestRequest? StoredRequest() =>
        RequestDocument is { } document ? ContractJson.Deserialize<BacktestRequest>(document) : Request;
}
