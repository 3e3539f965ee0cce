namespace Polytraders.Trading.Momentum;

/// <summary>Where one market of a momentum Strategy stands: Flat -> PendingEntry -> Long -> PendingExit -> Flat.</summary>
public enum MomentumPhase
{
    Flat,
    PendingEntry,
    Long,
    PendingExit,
}
