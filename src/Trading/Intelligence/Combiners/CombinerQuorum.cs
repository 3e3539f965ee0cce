using Polytraders.Contracts;

namespace Polytraders.Trading.Intelligence;

/// <summary>
/// A blend is only as good as the evidence in it: a combiner publishes a score only when at least half of its
/// directional weight (or votes) scored. Below that, one valuator that happens to be warm (an order-book reading on
/// the second tick, say) would speak for the whole pack.
/// </summary>
public static class CombinerQuorum
{
    /// <summary>Null when the quorum (half the declared weight) is met, else the code to withhold the score with.</summary>
    public static string? Missing(Fixed scored, Fixed declared) => scored switch
    {
        { Raw: 0 } => ReasonCodes.IntelAbstained,
        _ when 2 * scored < declared => ReasonCodes.IntelNoQuorum,
        _ => null,
    };
}
