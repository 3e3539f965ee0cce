namespace Polytraders.Grains;

/// <summary>
/// The clock every silo's price replay follows (key: <see cref="Key"/>), so the replay can run on every silo at once:
/// all of them publish the same point with the same sequence at the same time, and the market grains keep the first
/// copy. A silo that dies takes nothing with it, and one that starts joins the run in progress.
/// </summary>
[Alias("Polytraders.IReplayClockGrain")]
public interface IReplayClockGrain : IGrainWithStringKey
{
    public const string Key = "replay";

    /// <summary>
    /// The run in progress, renewed by this call; when no replay has joined or renewed it for
    /// <c>ReplayClockGrain.Expiry</c> (none runs), <paramref name="proposed"/> starts a new one.
    /// </summary>
    [Alias("Join")]
    Task<ReplayRun> Join(ReplayRun proposed);
}

/// <summary>
/// One replay run: its step <c>k</c> is due at <see cref="Start"/> + k × <see cref="StepMilliseconds"/>, and the
/// first recorded minute is published with the timestamp <see cref="Start"/>.
/// </summary>
[GenerateSerializer]
[Alias("Polytraders.ReplayRun")]
public sealed record ReplayRun(
    [property: Id(0)] DateTimeOffset Start,
    [property: Id(1)] int StepMilliseconds);
