using Polytraders.Contracts;
using Polytraders.Trading.Portfolios;

namespace Polytraders.Trading.Momentum;

/// <summary>Fills the venue matched and then failed to settle (FAILED after MATCHED): the position gives them back.</summary>
public sealed partial class MomentumStrategy
{
    /// <summary>
    /// A booked fill of one of the Strategy's orders failed to settle. A failed buy takes its tokens back out of the
    /// position that refers to its order (the entry, or the order pending), at its price; emptied, the position is flat
    /// and waits for a fresh crossing before entering again, as after a refused entry (with an exit in flight, it waits
    /// for that exit's outcome instead). A failed sell puts its tokens back into the market's position at the entry
    /// price (at the sale's price when the position is flat since); the position then refers to the sell's order, so
    /// the grain's fill ids of that order are kept, and a market that left scope meanwhile sells them again. A buy of an
    /// order no position refers to, or a sell in a market the Strategy no longer trades, changes nothing here: risk's
    /// book, the Portfolio's, still shows it.
    /// </summary>
    public StrategyStep OnFillReversed(string clientOrderId, string marketId, Side side, decimal size, decimal price, DateTimeOffset time)
    {
        return side == Side.Buy ? ReverseBuy(clientOrderId, size, price) : ReverseSell(clientOrderId, marketId, size, price, time);
    }

    private StrategyStep ReverseBuy(string clientOrderId, decimal size, decimal price)
    {
        if (FindByOrder(clientOrderId) is not { } slot)
        {
            return StrategyStep.None;
        }

        var position = slot.Position;
        var held = position.Size - size;
        if (held > 0m)
        {
            // The average of the buys still held; a position already partly sold may not hold that much cost: keep the
            // average it had.
            var entry = decimal.Round(((position.Size * position.EntryPrice) - (size * price)) / held, AverageCost.AveragePriceDecimals);
            slot.Position = position with { Size = held, EntryPrice = entry > 0m ? entry : position.EntryPrice };
            slot.TakeProfitPrice = slot.Position.EntryPrice + _parameters.TakeProfit;
            return StrategyStep.None;
        }

        if (position.Phase == MomentumPhase.PendingExit)
        {
            slot.Position = position with { Size = 0m };
            return StrategyStep.None;
        }

        return Flatten(slot, awaitFreshCrossing: true);
    }

    private StrategyStep ReverseSell(string clientOrderId, string marketId, decimal size, decimal price, DateTimeOffset time)
    {
        if (!_markets.TryGetValue(marketId, out var slot))
        {
            return StrategyStep.None;
        }

        var position = slot.Position;
        slot.Position = position.Size > 0m
            ? position with { Size = position.Size + size }
            : position with
            {
                Phase = position.Phase == MomentumPhase.Flat ? MomentumPhase.Long : position.Phase,
                Size = size,
                EntryPrice = price,
                EnteredAt = position.EnteredAt ?? time,
                EntryClientOrderId = position.EntryClientOrderId ?? clientOrderId,
            };
        slot.TakeProfitPrice = slot.Position.EntryPrice + _parameters.TakeProfit;
        return slot.Position.Phase == MomentumPhase.Long && !slot.InScope
            ? CloseOnLeaving(slot, OrderIntentExitCause.OutOfScope, bookOpen: true, time)
            : StrategyStep.None;
    }

    /// <summary>Nothing held any more: flat, forgotten if out of scope, and after a refusal not entered again at once.</summary>
    private StrategyStep Flatten(MarketSlot slot, bool awaitFreshCrossing)
    {
        var position = slot.Position;
        slot.Position = MomentumPosition.FlatIn(position.MarketId, position.TokenId);
        slot.AwaitsFreshCrossing |= awaitFreshCrossing;
        if (!slot.InScope)
        {
            _markets.Remove(position.MarketId);
        }

        return StrategyStep.None;
    }
}
