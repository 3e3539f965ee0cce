using Polytraders.Contracts;

namespace Polytraders.Grains.Intelligence;

/// <summary>
/// A blend is only as good as the evidence in it: a combiner publishes a score only when at least half of its
/// directional weight (or votes) scored. Below that, one valuator that happens to be warm (an order-book reading on
/// the second tick, say) would speak for the whole pack.
/// </summary>
public static class CombinerQuorum
{
    public const decimal Share = 0.5m;

    /// <summary>Null when the quorum is met, else the code to withhold the score with.</summary>
    public static string? Missing(decimal scored, decimal declared) => scored switch
    {
        0m => ReasonCodes.IntelAbstained,
        _ when scored < Share * declared => ReasonCodes.IntelNoQuorum,
        _ => null,
    };
}
