using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polytraders.Contracts;
using Polytraders.Trading.Audit;
using Polytraders.Trading.Backtest;
using Polytraders.Trading.Backtest.Data;
using Polytraders.Trading.Listing;

namespace Polytraders.Grains.Backtest;

/// <summary>
/// The actor shell of one Backtest. Start checks the request and plans the run (reading the data set on the thread
/// pool, awaited, so the silo's scheduler never runs it), then starts the run itself with <see cref="Task.Run(Action)"/>:
/// the CPU work never happens in a grain turn. The run reports progress through a field the grain reads on GetRun; when
/// it ends, its continuation comes back to the grain to store the results (or the failure) in the grain's state. The
/// run's audit goes to its own chain through <see cref="BacktestAuditWriter"/>.
/// <para>
/// Cancel stops the run at its next progress check (at most 32 768 points later); the run is stored as cancelled with
/// the progress it had reached, and its chain ends with a <see cref="ReasonCodes.StratBacktestCancelled"/> stop link
/// naming the operator. A run that fails ends its chain the same way with its failure's code.
/// </para>
/// <para>
/// Restarts: a run stays queued or running in the grain's state until it ends, so when its activation is lost (silo
/// restart, crash) the next activation runs it again from the start: runs are deterministic. On a durable deployment that
/// activation comes without a caller: a reminder registered before the run is stored as going wakes the grain every
/// minute until the run's end is stored (see BacktestGrain.Wake.cs). The in-memory deployment has no reminder service and
/// loses its state with the silo, so there is nothing to wake; there the next call to the grain is what activates it.
/// The new attempt does not write its chain a second time: it re-derives the links already stored, checks each is
/// identical, and continues after them behind one <see cref="ReasonCodes.StratBacktestResumed"/> link (see
/// <see cref="BacktestAuditWriter"/>); a run that no longer matches its chain fails with STRAT_BACKTEST_FAILED instead
/// of forking it. An activation that deactivates while its run runs (the silo stopping) stops the run and leaves it
/// running in the state, for the next activation.
/// </para>
/// <para>
/// Idle collection: nobody has to poll a run, and Orleans deactivates an activation that received no call for its
/// collection age, which would stop the run through <see cref="OnDeactivateAsync"/> (and, without a caller or a
/// reminder, leave it there). While a run runs the activation therefore delays its deactivation indefinitely
/// (<see cref="Grain.DelayDeactivation"/> with <see cref="Timeout.InfiniteTimeSpan"/>), and returns to the regular
/// collection once the run's end is stored. A silo that stops still deactivates it.
/// </para>
/// </summary>
public sealed partial class BacktestGrain(
    [PersistentState("backtest", StreamNames.GrainStorage)] IPersistentState<BacktestGrainState> state,
    IAuditStore audit,
    IServiceProvider services,
    DeploymentProfile deployment,
    TimeProvider time,
    ILogger<BacktestGrain> logger) : Grain, IBacktestGrain, IRemindable
{
    private readonly object _progressLock = new();
    private BacktestProgress? _progress;
    private CancellationTokenSource? _stop;
    private string? _cancelledBy;
    private Task? _running;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        if (state.State.Run is { Status: BacktestRunStatus.Queued or BacktestRunStatus.Running } && state.State.StoredRequest() is { } request)
        {
            // The activation that ran it is gone (a silo restart): runs are deterministic, so it runs again from the start.
            LogRestarted(this.GetPrimaryKeyString());
            // Registered again for a run stored by a version that registered none (RegisterOrUpdate is idempotent).
            await WakeAfterRestartAsync();
            await Launch(request);
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_running is { IsCompleted: false } running)
        {
            // Stop the run rather than leave it writing the chain headless; the state still says running.
            LogAbandoning(this.GetPrimaryKeyString(), reason.Description);
            await _stop!.CancelAsync();
            try
            {
                await running.WaitAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogAbandonFailed(this.GetPrimaryKeyString(), e);
            }
        }

        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    public async Task<CommandResult> Start(BacktestRequest request, string requestedBy)
    {
        var id = this.GetPrimaryKeyString();
        if (state.State.Run is not null)
        {
            return CommandResult.Done(id);
        }

        BacktestPlan plan;
        try
        {
            plan = await Task.Run(() => BacktestPlan.Create(request, OpenData(request)));
        }
        catch (BacktestException refused)
        {
            LogRefused(id, refused.ReasonCode, refused.Message);
            return CommandResult.Refused(refused.ReasonCode, refused.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogRefused(id, ReasonCodes.StratBacktestBadData, e.Message);
            return CommandResult.Refused(ReasonCodes.StratBacktestBadData, $"The data set cannot be read: {e.Message}");
        }

        // Before the run is stored: no run is ever stored as going without what wakes it after a restart.
        await WakeAfterRestartAsync();
        state.State.Keep(request);
        state.State.Run = new BacktestRun
        {
            BacktestId = id,
            Badge = Badge.Backtest,
            Status = BacktestRunStatus.Queued,
            ProgressPercent = 0m,
            RequestedBy = requestedBy,
            RequestedAt = time.GetUtcNow(),
            Dataset = request.Data.Dataset,
            StrategyId = request.Launch.StrategyId,
            PortfolioId = request.Portfolio.PortfolioId,
            WindowStart = plan.WindowStart,
            WindowEnd = plan.WindowEnd,
        };
        await state.WriteStateAsync();
        await Launch(request, plan);
        return CommandResult.Done(id);
    }

    public Task<BacktestRun?> GetRun()
    {
        if (state.State.Run is not { Status: BacktestRunStatus.Running } running)
        {
            return Task.FromResult(state.State.Run);
        }

        return Task.FromResult<BacktestRun?>(Progress() is { } p ? running with { ProgressPercent = Math.Min(p.Percent, 99.9m), EventsProcessed = p.Events } : running);
    }

    public async Task<AuditPage> ReadAudit(long afterSequence, int limit)
    {
        var page = await audit.ReadChainAsync(this.GetPrimaryKeyString(), afterSequence, limit + 1, CancellationToken.None);
        return new AuditPage
        {
            Items = [.. page.Take(limit)],
            NextCursor = page.Count > limit ? page[limit - 1].Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        };
    }

    public async Task<CommandResult> Cancel(string requestedBy)
    {
        var id = this.GetPrimaryKeyString();
        if (state.State.Run is not { Status: BacktestRunStatus.Queued or BacktestRunStatus.Running })
        {
            return state.State.Run is null
                ? CommandResult.Refused(ReasonCodes.StratBacktestNotFound, $"No Backtest {id}.")
                : CommandResult.Refused(ReasonCodes.StratBacktestFinished, $"Backtest {id} has already finished: {state.State.Run.Status.ToString().ToLowerInvariant()}.");
        }

        // A second cancel while the first is on its way changes nothing: the first operator is the one recorded.
        if (_cancelledBy is null)
        {
            _cancelledBy = requestedBy;
            LogCancelling(id, requestedBy);
            if (_stop is { } stop)
            {
                await stop.CancelAsync();
            }
        }

        return CommandResult.Done(id);
    }

    private BacktestDataSet OpenData(BacktestRequest request) =>
        BacktestDataSet.Open(BacktestDataDirectory.Resolve(services.GetService<IConfiguration>()?[BacktestDataDirectory.Key]), request.Data.Dataset);

    /// <summary>Starts the run off the grain's scheduler and returns at once; the run's end is stored by <see cref="RunAsync"/>.</summary>
    private async Task Launch(BacktestRequest request, BacktestPlan? plan = null)
    {
        _stop = new CancellationTokenSource();
        _cancelledBy = null;
        state.State.Run = state.State.Run! with { Status = BacktestRunStatus.Running, StartedAt = time.GetUtcNow() };
        await state.WriteStateAsync();
        await ListAsync(request);
        DelayDeactivation(Timeout.InfiniteTimeSpan);
        _running = RunAsync(request, plan, _stop.Token);
    }

    private async Task RunAsync(BacktestRequest request, BacktestPlan? plan, CancellationToken stop)
    {
        var id = this.GetPrimaryKeyString();
        var settings = BacktestSettings.From(request, id);
        await using var writer = new BacktestAuditWriter(audit, id, request.Portfolio, request.Launch.StrategyId, time);
        BacktestRun finished;
        string closedBy;
        try
        {
            await writer.OpenAsync(stop);
            var results = await Task.Run(
                () =>
                {
                    var data = OpenData(request);
                    return Backtests.Run(plan ?? BacktestPlan.Create(request, data), data, settings, writer, Report, stop);
                },
                stop);
            await writer.CompleteAsync();
            LogCompleted(id, results.Events, results.DecisionHash, writer.Written, writer.Rederived);
            state.State.Run = state.State.Run! with { Status = BacktestRunStatus.Completed, ProgressPercent = 100m, EventsProcessed = results.Events, Results = results, FinishedAt = time.GetUtcNow() };
            await state.WriteStateAsync();
            await ListAsync(request);
            await EndedAsync();
            return;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && _cancelledBy is null)
        {
            LogAbandoned(id, writer.Written);
            return;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            closedBy = $"operator:{_cancelledBy}";
            finished = Stopped(BacktestRunStatus.Cancelled, ReasonCodes.StratBacktestCancelled, $"Cancelled by {_cancelledBy} before it finished{Reached()}; it has no results.");
        }
        catch (BacktestException refused)
        {
            closedBy = "system";
            finished = Stopped(BacktestRunStatus.Failed, refused.ReasonCode, refused.Message);
        }
        catch (Exception e)
        {
            LogFailed(id, e);
            closedBy = "system";
            finished = Stopped(BacktestRunStatus.Failed, ReasonCodes.StratBacktestFailed, $"{e.GetType().Name}: {e.Message}");
        }

        try
        {
            await writer.CloseAsync(finished.Failure!.ReasonCode, closedBy, finished.Failure.Detail, time.GetUtcNow());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogChainNotClosed(id, e);
        }

        // Back on the grain's scheduler: the state is the grain's to write.
        state.State.Run = finished with { FinishedAt = time.GetUtcNow() };
        await state.WriteStateAsync();
        await ListAsync(request);
        await EndedAsync();
    }

    /// <summary>The run's entry, with its status, in the list of its Portfolio config's Tenant.</summary>
    private Task ListAsync(BacktestRequest request) =>
        GrainFactory.GetGrain<ITenantDirectoryGrain>(request.Portfolio.TenantId).PutBacktest(Summaries.Of(state.State.Run!));

    /// <summary>The run as it stopped early: the progress it had reached, no results, why.</summary>
    private BacktestRun Stopped(BacktestRunStatus status, string reasonCode, string detail)
    {
        var progress = Progress();
        return state.State.Run! with
        {
            Status = status,
            ProgressPercent = progress is { } p ? Math.Min(p.Percent, 99.9m) : state.State.Run.ProgressPercent,
            EventsProcessed = progress?.Events,
            Failure = new BacktestFailure { ReasonCode = reasonCode, Detail = detail.Length <= 2000 ? detail : detail[..2000] },
        };
    }

    private string Reached() => Progress() is { } p
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $", at {p.Percent} % of its window (simulated time {p.SimulatedTime:yyyy-MM-dd HH:mm} UTC, {p.Events} price points)")
        : string.Empty;

    private BacktestProgress? Progress()
    {
        lock (_progressLock)
        {
            return _progress;
        }
    }

    private void Report(BacktestProgress progress)
    {
        lock (_progressLock)
        {
            _progress = progress;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backtest {BacktestId} refused: {ReasonCode} {Detail}")]
    private partial void LogRefused(string backtestId, string reasonCode, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Backtest {BacktestId} completed: {Events} events, decision hash {Hash}, {Envelopes} envelopes appended, {Rederived} re-derived from an earlier attempt")]
    private partial void LogCompleted(string backtestId, long events, string hash, long envelopes, long rederived);

    [LoggerMessage(Level = LogLevel.Information, Message = "Backtest {BacktestId}: cancel asked by {Operator}")]
    private partial void LogCancelling(string backtestId, string @operator);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Backtest {BacktestId} was running when its activation was lost; running it again")]
    private partial void LogRestarted(string backtestId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Backtest {BacktestId} failed")]
    private partial void LogFailed(string backtestId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Backtest {BacktestId}: its activation is deactivating ({Reason}) while it runs; stopping it for the next activation to run again")]
    private partial void LogAbandoning(string backtestId, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Backtest {BacktestId}: the run did not stop cleanly as its activation deactivated")]
    private partial void LogAbandonFailed(string backtestId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Backtest {BacktestId} stopped with its activation after {Envelopes} envelopes; it stays running in the state")]
    private partial void LogAbandoned(string backtestId, long envelopes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Backtest {BacktestId}: its audit chain could not be closed")]
    private partial void LogChainNotClosed(string backtestId, Exception exception);
}
