using Polytraders.Contracts;

namespace Polytraders.Trading.Portfolios;

/// <summary>
/// Average-cost bookkeeping of one outcome token: the one rule the Portfolio and the risk book both keep, so the
/// position a reviewer reads and the exposure risk limits are the same figure. A buy adds its notional to the cost
/// basis; a sell takes out the cost of the tokens sold in proportion (all of it when it empties the position) and
/// realises the difference with what they were sold for. Cash amounts are whole pUSD base units (6 decimals).
/// </summary>
public readonly record struct AverageCost(decimal Size, decimal CostBasis)
{
    /// <summary>pUSD has 6 decimals: every cash amount is whole base units.</summary>
    public const int PusdDecimals = 6;

    /// <summary>Enough to show the average exactly for any realistic position while staying a valid contract value.</summary>
    public const int AveragePriceDecimals = 12;

    /// <summary>pUSD paid per token held (the contract's average_price); 0 when flat.</summary>
    public decimal AveragePrice => Size == 0m ? 0m : decimal.Round(CostBasis / Size, AveragePriceDecimals);

    /// <summary>What <paramref name="fill"/> does to this position and to cash.</summary>
    /// <exception cref="InvalidOperationException">A sell of more tokens than are held.</exception>
    public FillEffect Apply(Fill fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        var notional = decimal.Round(fill.Size * fill.Price, PusdDecimals);
        if (fill.Side == Side.Buy)
        {
            return new FillEffect(new AverageCost(Size + fill.Size, CostBasis + notional), -notional - fill.Fee, -fill.Fee);
        }

        if (fill.Size > Size)
        {
            throw new InvalidOperationException($"Fill {fill.FillId} sells {fill.Size} of {fill.TokenId} but only {Size} are held.");
        }

        var costSold = fill.Size == Size ? CostBasis : decimal.Round(CostBasis * fill.Size / Size, PusdDecimals);
        return new FillEffect(new AverageCost(Size - fill.Size, CostBasis - costSold), notional - fill.Fee, notional - costSold - fill.Fee);
    }

    /// <summary>
    /// What taking a booked <paramref name="fill"/> back out does (its settlement failed): the cash it moved comes back
    /// exactly, and the position loses the tokens a buy added at the cost it added, or regains the tokens a sell took at
    /// the position's average (the average a sell leaves unchanged; when the position is flat since, the average the
    /// tokens had when a sell emptied it, <paramref name="emptiedAverage"/>, or the sale's price if none is known).
    /// Realised PnL takes up the difference, so cash plus cost basis less realised PnL is unchanged, as with every fill:
    /// right after the fill, this is its exact inverse. A position cannot go short: when tokens a failed buy brought
    /// were sold meanwhile, the position is emptied and <see cref="ReversalEffect.Shortfall"/> says how many are missing.
    /// </summary>
    public ReversalEffect Reverse(Fill fill, decimal emptiedAverage = 0m)
    {
        ArgumentNullException.ThrowIfNull(fill);
        var notional = decimal.Round(fill.Size * fill.Price, PusdDecimals);
        if (fill.Side == Side.Buy)
        {
            var cash = notional + fill.Fee;
            // Tokens left after the reversal keep the cost of the other buys; none left, the whole cost basis goes.
            var removed = fill.Size < Size ? new AverageCost(fill.Size, Math.Min(notional, CostBasis)) : this;
            var after = new AverageCost(Size - removed.Size, CostBasis - removed.CostBasis);
            return new ReversalEffect(after, cash, cash - removed.CostBasis, fill.Size - removed.Size);
        }

        var costBack = Size != 0m ? decimal.Round(CostBasis * fill.Size / Size, PusdDecimals)
            : emptiedAverage > 0m ? decimal.Round(fill.Size * emptiedAverage, PusdDecimals)
            : notional;
        var proceeds = notional - fill.Fee;
        return new ReversalEffect(new AverageCost(Size + fill.Size, CostBasis + costBack), -proceeds, costBack - proceeds, 0m);
    }
}

/// <summary>A fill's effect: the position after it, the change in cash, and the PnL it realised (fees included).</summary>
public readonly record struct FillEffect(AverageCost Position, decimal CashChange, decimal Realised);

/// <summary>
/// A reversal's effect: the position after it, the change in cash, the change in realised PnL, and the tokens a failed
/// buy brought that were no longer held to take back (0 unless they were sold meanwhile).
/// </summary>
public readonly record struct ReversalEffect(AverageCost Position, decimal CashChange, decimal Realised, decimal Shortfall);
