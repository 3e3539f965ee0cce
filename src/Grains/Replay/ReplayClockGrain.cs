namespace Polytraders.Grains.Replay;

/// <summary>
/// Holds the replay run all silos follow. Stored, so the grain may move with its silo; renewed by every replaying silo
/// (<see cref="IReplayClockGrain.Join"/>), so a run outlives any one silo, and replaced by the next proposal once
/// nobody renewed it for <see cref="Expiry"/>: a cluster started again later replays from its present minute instead of
/// from a run whose replayed time has run far ahead.
/// </summary>
public sealed class ReplayClockGrain(
    [PersistentState("replay-clock", StreamNames.GrainStorage)] IPersistentState<ReplayClockState> state,
    TimeProvider time) : Grain, IReplayClockGrain
{
    /// <summary>Longer than any silo failover (~15-60 s) plus a renewal interval, so a run in progress never expires.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(5);

    public async Task<ReplayRun> Join(ReplayRun proposed)
    {
        ArgumentNullException.ThrowIfNull(proposed);
        var now = time.GetUtcNow();
        if (state.State.Run is null || now - state.State.RenewedAt > Expiry)
        {
            state.State.Run = proposed;
        }

        state.State.RenewedAt = now;
        await state.WriteStateAsync();
        return state.State.Run;
    }
}

[GenerateSerializer]
[Alias("Polytraders.ReplayClockState")]
public sealed class ReplayClockState
{
    [Id(0)]
    public ReplayRun? Run { get; set; }

    [Id(1)]
    public DateTimeOffset RenewedAt { get; set; }
}
