using Polytraders.Contracts;
using Polytraders.Trading.Backtest;
using Polytraders.Trading.Momentum;
using Polytraders.Trading.Scope;

namespace Polytraders.Core.Tests.Backtest;

/// <summary>A journal that keeps what the tests look at: scope changes, intents, fills, settlements, stranded positions.</summary>
internal sealed class RecordingJournal : IBacktestJournal
{
    public List<(ScopeChange Change, DateTimeOffset At)> Scopes { get; } = [];

    public List<OrderIntent> Intents { get; } = [];

    public List<Fill> Fills { get; } = [];

    public List<(string TokenId, decimal Size, decimal Payout)> Settlements { get; } = [];

    public List<(MomentumPosition Position, string Code)> Stranded { get; } = [];

    public void Scope(ScopeChange change, DateTimeOffset at) => Scopes.Add((change, at));

    public void Signal(Signal signal)
    {
    }

    public void Intent(OrderIntent intent) => Intents.Add(intent);

    public void Risk(Trading.Risk.RiskDecision decision, DateTimeOffset at)
    {
    }

    public void Filled(Fill fill) => Fills.Add(fill);

    public void Unfilled(OrderIntent order, string detail, DateTimeOffset at)
    {
    }

    void IBacktestJournal.Stranded(MomentumPosition position, string reasonCode, DateTimeOffset at) => Stranded.Add((position, reasonCode));

    public void Settled(Market market, string tokenId, decimal size, decimal payout, DateTimeOffset at) => Settlements.Add((tokenId, size, payout));

    public void Transition(Trading.Risk.TradingStateTransition transition, DateTimeOffset at)
    {
    }
}
