using System.Diagnostics;
using Orleans.Streams;
using Polytraders.Contracts;
using Polytraders.Grains.Telemetry;

namespace Polytraders.Grains.Markets;

/// <summary>
/// Holds one market's rules and latest price and fans every update out on the market's stream. Only the market's
/// definition is persisted: prices are re-published by the source, and writing storage per tick would make the
/// store the bottleneck of the whole cluster.
/// </summary>
public sealed class MarketGrain(
    [PersistentState("market", StreamNames.GrainStorage)] IPersistentState<MarketGrainState> state) : Grain, IMarketGrain
{
    private PriceUpdate? _last;
    private long _updates;
    private IAsyncStream<PriceUpdate>? _stream;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _stream = this.GetStreamProvider(StreamNames.Provider)
            .GetStream<PriceUpdate>(StreamId.Create(StreamNames.MarketNamespace, this.GetPrimaryKeyString()));
        return base.OnActivateAsync(cancellationToken);
    }

    public async Task Configure(Market market)
    {
        if (market.MarketId != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"Market {market.MarketId} configured on grain {this.GetPrimaryKeyString()}.", nameof(market));
        }

        state.State.Market = market;
        await state.WriteStateAsync();
    }

    public async Task Publish(PriceUpdate update)
    {
        if (state.State.Market is null || update.MarketId != state.State.Market.MarketId)
        {
            throw new InvalidOperationException($"Price for {update.MarketId} reached market grain {this.GetPrimaryKeyString()} before it was configured.");
        }

        // Replays and reconnects may resend: an update not newer than the last is already published.
        if (_last is not null && update.Sequence <= _last.Sequence)
        {
            return;
        }

        _last = update;
        _updates++;
        using var activity = GrainTracing.Source.StartActivity("market.publish", ActivityKind.Producer);
        activity?.SetTag("polytraders.market_id", update.MarketId);
        await _stream!.OnNextAsync(update);
        GrainMetrics.TicksPublished.Add(1);
    }

    /// <summary>
    /// Marks the market resolved and tells every subscriber on its stream, so it leaves each Market scope whatever
    /// the scope's mode. The last price is repeated: a resolution carries no new price.
    /// </summary>
    public async Task Resolve(string outcome)
    {
        var market = state.State.Market ?? throw new InvalidOperationException("Cannot resolve a market that is not configured.");
        state.State.Market = market with { Status = MarketStatus.Resolved, ResolvedOutcome = outcome };
        await state.WriteStateAsync();
        if (_last is { } last)
        {
            _last = last with { Sequence = last.Sequence + 1, MarketStatus = PriceUpdateMarketStatus.Resolved };
            _updates++;
            await _stream!.OnNextAsync(_last);
        }
    }

    public Task<MarketState?> GetState() => Task.FromResult(
        state.State.Market is { } market ? new MarketState { Market = market, Last = _last, Updates = _updates } : null);
}

[GenerateSerializer]
[Alias("Polytraders.MarketGrainState")]
public sealed class MarketGrainState
{
    [Id(0)]
    public Market? Market { get; set; }
}
