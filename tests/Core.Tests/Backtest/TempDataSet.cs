using Polytraders.Trading.Backtest.Data;

namespace Polytraders.Core.Tests.Backtest;

/// <summary>A throw-away data set: the sample's markets and Clusters with prices (and metadata) a test writes.</summary>
internal sealed class TempDataSet : IDisposable
{
    public TempDataSet(string? csv = null, IReadOnlyDictionary<string, string>? histories = null, string? metadata = null)
    {
        Root = Directory.CreateTempSubdirectory("polytraders-backtest-").FullName;
        var directory = Path.Combine(Root, Name);
        Directory.CreateDirectory(directory);
        var sample = Path.Combine(BacktestFixtures.Root(), "sample");
        File.Copy(Path.Combine(sample, "markets.json"), Path.Combine(directory, "markets.json"));
        File.Copy(Path.Combine(sample, "clusters.json"), Path.Combine(directory, "clusters.json"));
        if (metadata is not null)
        {
            File.WriteAllText(Path.Combine(directory, "metadata.json"), metadata);
        }

        if (csv is not null)
        {
            File.WriteAllText(Path.Combine(directory, "prices.csv"), csv);
        }

        if (histories is not null)
        {
            Directory.CreateDirectory(Path.Combine(directory, "prices-history"));
            foreach (var (token, json) in histories)
            {
                File.WriteAllText(Path.Combine(directory, "prices-history", token + ".json"), json);
            }
        }
    }

    public string Name => "scratch";

    public string Root { get; }

    public BacktestDataSet Open() => BacktestDataSet.Open(Root, Name);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
