using Polytraders.Contracts;

namespace Polytraders.Trading.Portfolios;

/// <summary>
/// How a booked fill's reversal is remembered among the fill ids a receiver keeps for idempotence (risk per open order,
/// the Strategy per order a position refers to): apart from the fill's own id, which stays.
/// </summary>
public static class FillReversals
{
    public static string IdOf(Fill fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        return fill.FillId + "#reversed";
    }
}
