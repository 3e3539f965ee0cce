using Microsoft.Extensions.Logging;
using Polytraders.Contracts;

namespace Polytraders.Grains.Backtest;

/// <summary>
/// What brings a run back after its silo restarted when nobody calls the grain: on a durable deployment, a reminder
/// registered before the run is stored as going and unregistered once its end is stored. A tick has nothing to do but
/// arrive: the activation it causes runs the stored run again (<see cref="OnActivateAsync"/>).
/// </summary>
public sealed partial class BacktestGrain
{
    /// <summary>The reminder's name, one per grain.</summary>
    public const string ResumeReminder = "backtest-resume";

    /// <summary>Orleans' minimum reminder period: a run lost in a restart starts again within a minute of the silo's return.</summary>
    private static readonly TimeSpan ResumeEvery = TimeSpan.FromMinutes(1);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // A run going, or storing its end, belongs to this activation, which unregisters the reminder once the end is stored.
        if (reminderName != ResumeReminder || _running is { IsCompleted: false } || state.State.Run is { Status: BacktestRunStatus.Queued or BacktestRunStatus.Running })
        {
            return;
        }

        // The run's end is stored (or it was never stored), but the activation went away before unregistering.
        LogStaleReminder(this.GetPrimaryKeyString(), state.State.Run?.Status.ToString() ?? "none");
        await ForgetReminderAsync();
    }

    /// <summary>Only the durable deployment has a reminder service; the in-memory one has no state to resume after a restart.</summary>
    private async Task WakeAfterRestartAsync()
    {
        if (deployment.DurableStorage)
        {
            await this.RegisterOrUpdateReminder(ResumeReminder, ResumeEvery, ResumeEvery);
        }
    }

    /// <summary>The run's end is stored: nothing left to resume, and the activation may be collected when idle again.</summary>
    private async Task EndedAsync()
    {
        DelayDeactivation(TimeSpan.Zero);
        await ForgetReminderAsync();
    }

    private async Task ForgetReminderAsync()
    {
        if (!deployment.DurableStorage)
        {
            return;
        }

        try
        {
            if (await this.GetReminder(ResumeReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Not worth failing for: the reminder's next tick finds the run ended and tries again.
            LogReminderKept(this.GetPrimaryKeyString(), e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backtest {BacktestId}: its resume reminder outlived its run ({Status}); unregistering it")]
    private partial void LogStaleReminder(string backtestId, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Backtest {BacktestId}: its resume reminder could not be unregistered; its next tick tries again")]
    private partial void LogReminderKept(string backtestId, Exception exception);
}
