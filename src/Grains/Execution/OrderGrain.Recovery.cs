using Microsoft.Extensions.Logging;
using Polytraders.Contracts;
using Polytraders.Trading.Venues;

namespace Polytraders.Grains.Execution;

/// <summary>
/// What a restart finds half done is finished, never repeated; what is done leaves memory. A durable silo keeps a
/// reminder on every order that is not done, so the order is woken even when the silo that held it died and nobody
/// calls it; an active grain also retries once a minute what a failure (not a crash) left pending.
/// </summary>
public sealed partial class OrderGrain
{
    public const string WakeReminder = "order-wake";

    /// <summary>How often a pending order is tried again: by its timer while active, by its reminder after a restart.</summary>
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromMinutes(1);

    private IGrainTimer? _retry;

    private IGrainTimer? _reconcileOpen;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        if (state.State.Record is not { } record)
        {
            return;
        }

        if (record.ExpectsFeed && venue is IVenueOrderTracking tracking)
        {
            // The venue's index of our orders lives in memory: an order its feed may still report on is registered again.
            tracking.Track(record.Order!, record.Intent);
        }

        if (record.IsPending)
        {
            LogRecovering(ClientOrderId, record.Status);
            RetryWhilePending(TimeSpan.FromMilliseconds(100));
        }
        else if (record.Status == ExecutionStatus.Open && venue is IVenueOrderLookup)
        {
            // Cancellations and expiries the feed reported while no silo held this order were lost with it: ask the
            // venue, in a turn of its own once activation is done.
            _reconcileOpen = this.RegisterGrainTimer(ReconcileOnceAsync, TimeSpan.FromMilliseconds(100), Timeout.InfiniteTimeSpan);
        }
    }

    private async Task ReconcileOnceAsync()
    {
        _reconcileOpen?.Dispose();
        _reconcileOpen = null;
        await ReconcileOpenAsync();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.State.Record is { IsPending: true } record)
        {
            await RecoverAsync(record);
        }
        else
        {
            await SettledAsync(state.State.Record);
        }
    }

    /// <summary>Durable silos only: the in-memory one has no state that outlives it.</summary>
    private async Task KeepAwakeAsync()
    {
        if (deployment.DurableStorage)
        {
            await this.RegisterOrUpdateReminder(WakeReminder, RetryPeriod, RetryPeriod);
        }
    }

    /// <summary>Timer ticks do not interleave with requests: when one runs, no step is half-way, so what is pending is stuck.</summary>
    private void RetryWhilePending(TimeSpan dueTime) =>
        _retry ??= this.RegisterGrainTimer(async () =>
        {
            if (state.State.Record is { IsPending: true } pending)
            {
                await RecoverAsync(pending);
            }
        }, dueTime, RetryPeriod);

    private async Task RecoverAsync(ExecutionRecord record)
    {
        if (record.Context is null)
        {
            LogCannotReconcile(ClientOrderId, record.Status);
            return;
        }

        try
        {
            var result = await Advance(record, recovering: true);
            LogReconciled(ClientOrderId, record.Status, result.ReasonCode ?? "done");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogReconcileFailed(ClientOrderId, e);
        }
    }

    /// <summary>
    /// After a step: an order out of the venue's hands gives its slot back; one with nothing left to do tells risk it is
    /// done, drops its reminder and leaves memory (its record stays in storage). A resting order keeps all until done.
    /// </summary>
    private async Task SettledAsync(ExecutionRecord? record)
    {
        if (record is null)
        {
            return;
        }

        if (!record.AwaitsVenue)
        {
            await _execution.Get(GrainFactory, IExecutionGrain.Key).Finished(ClientOrderId);
        }

        if (record.IsPending)
        {
            RetryWhilePending(RetryPeriod);
            return;
        }

        if (record.Status == ExecutionStatus.Open)
        {
            return;
        }

        // Done: risk drops what it still holds for the order (its reservation, its booked fill ids). Every fill of it
        // was delivered before this point, and none is delivered again.
        await _risk.Get(GrainFactory, record.Intent.PortfolioId).ReleaseOrder(ClientOrderId);
        _retry?.Dispose();
        _retry = null;
        if (deployment.DurableStorage)
        {
            await ForgetReminderAsync();
        }

        DeactivateOnIdle();
    }

    private async Task ForgetReminderAsync()
    {
        try
        {
            if (await this.GetReminder(WakeReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Not worth failing for: the reminder's next tick finds the order done and tries again.
            LogReminderKept(ClientOrderId, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {ClientOrderId}: recovering, left {Status} by a restart or a failure")]
    private partial void LogRecovering(string clientOrderId, ExecutionStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {ClientOrderId} reconciled, now {Status} ({Outcome})")]
    private partial void LogReconciled(string clientOrderId, ExecutionStatus status, string outcome);

    [LoggerMessage(Level = LogLevel.Error, Message = "Order {ClientOrderId} could not be reconciled; it stays pending for the next attempt")]
    private partial void LogReconcileFailed(string clientOrderId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Order {ClientOrderId} left {Status} has no audit context; an operator must close it")]
    private partial void LogCannotReconcile(string clientOrderId, ExecutionStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {ClientOrderId}: its wake reminder could not be unregistered; its next tick tries again")]
    private partial void LogReminderKept(string clientOrderId, Exception exception);
}
