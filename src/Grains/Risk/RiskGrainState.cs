using Polytraders.Contracts;
using Polytraders.Trading;
using Polytraders.Trading.Risk;

namespace Polytraders.Grains.Risk;

[GenerateSerializer]
[Alias("Polytraders.RiskGrainState")]
public sealed class RiskGrainState
{
    [Id(0)]
    public PortfolioConfig? Config { get; set; }

    [Id(1)]
    public RiskBook? Book { get; set; }

    /// <summary>The last launch that sent an intent, so governance envelopes land in the same mode and chain.</summary>
    [Id(2)]
    public AuditContext? LastContext { get; set; }

    /// <summary>
    /// Approved intents their order grain has not yet acknowledged, by client order id: written with the approval,
    /// removed when the order grain answers. What a crash leaves here is sent again; the order grain's record makes that
    /// safe. Bounded by <see cref="Execution.ExecutionOptions.MaxOrdersInFlightPerPortfolio"/>.
    /// </summary>
    [Id(3)]
    public Dictionary<string, UnacknowledgedIntent> Unacknowledged { get; set; } = [];
}

/// <summary>
/// An approved intent on its way to its order grain: the approval's envelope (its id fixed, appended again before a
/// re-send) and the context to place it with. Id 0 held the intent itself in earlier versions (skipped when read).
/// </summary>
[GenerateSerializer]
[Alias("Polytraders.UnacknowledgedIntent")]
public sealed record UnacknowledgedIntent(
    [property: Id(1)] AuditContext Context,
    [property: Id(2)] AuditEnvelope Approval)
{
    /// <summary>
    /// The intent to place, as approved: the envelope's reshaped intent, or the one that came. Not kept beside it: the
    /// envelope has it already, and stored twice it was a third of every risk write.
    /// </summary>
    public OrderIntent Intent => Approval.Payload.ReshapedIntent ?? Approval.Payload.Intent
        ?? throw new InvalidOperationException($"Approval {Approval.EnvelopeId} carries no intent.");
}
