using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polytraders.Contracts;
using Polytraders.Grains.Audit;
using Polytraders.Grains.Backtest.Data;

namespace Polytraders.Grains.Backtest;

/// <summary>
/// The actor shell of one Backtest. Start checks the request and plans the run (reading the data set on the thread
/// pool, awaited, so the silo's scheduler never runs it), then starts the run itself with <see cref="Task.Run(Action)"/>:
/// the CPU work never happens in a grain turn. The run reports progress through a field the grain reads on GetRun; when
/// it ends, its continuation comes back to the grain to store the results (or the failure) in the grain's state. The
/// run's audit goes to its own chain through <see cref="BacktestAuditWriter"/>.
/// </summary>
public sealed partial class BacktestGrain(
    [PersistentState("backtest", StreamNames.GrainStorage)] IPersistentState<BacktestGrainState> state,
    IAuditStore audit,
    IServiceProvider services,
    TimeProvider time,
    ILogger<BacktestGrain> logger) : Grain, IBacktestGrain
{
    private readonly object _progressLock = new();
    private BacktestProgress? _progress;
    private CancellationTokenSource? _cancel;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        if (state.State.Run is { Status: BacktestRunStatus.Queued or BacktestRunStatus.Running } && state.State.Request is { } request)
        {
            // The activation that ran it is gone (a silo restart): runs are deterministic, so it runs again from the start.
            LogRestarted(this.GetPrimaryKeyString());
            await Launch(request);
        }
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

        state.State.Request = request;
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

        BacktestProgress? progress;
        lock (_progressLock)
        {
            progress = _progress;
        }

        return Task.FromResult<BacktestRun?>(progress is { } p ? running with { ProgressPercent = Math.Min(p.Percent, 99.9m), EventsProcessed = p.Events } : running);
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

    public Task<CommandResult> Cancel(string requestedBy)
    {
        if (state.State.Run is not { Status: BacktestRunStatus.Queued or BacktestRunStatus.Running })
        {
            return Task.FromResult(state.State.Run is null
                ? CommandResult.Refused(ReasonCodes.StratBacktestNotFound, $"No Backtest {this.GetPrimaryKeyString()}.")
                : CommandResult.Refused(ReasonCodes.StratBacktestFinished, $"Backtest {this.GetPrimaryKeyString()} has already {state.State.Run.Status.ToString().ToLowerInvariant()}."));
        }

        LogCancelling(this.GetPrimaryKeyString(), requestedBy);
        _cancel?.Cancel();
        return Task.FromResult(CommandResult.Done(this.GetPrimaryKeyString()));
    }

    private BacktestDataSet OpenData(BacktestRequest request) =>
        BacktestDataSet.Open(BacktestDataDirectory.Resolve(services.GetService<IConfiguration>()), request.Data.Dataset);

    /// <summary>Starts the run off the grain's scheduler and returns at once; the run's end is stored by <see cref="RunAsync"/>.</summary>
    private async Task Launch(BacktestRequest request, BacktestPlan? plan = null)
    {
        _cancel = new CancellationTokenSource();
        state.State.Run = state.State.Run! with { Status = BacktestRunStatus.Running, StartedAt = time.GetUtcNow() };
        await state.WriteStateAsync();
        DelayDeactivation(TimeSpan.FromHours(6));
        _ = RunAsync(request, plan, _cancel.Token);
    }

    private async Task RunAsync(BacktestRequest request, BacktestPlan? plan, CancellationToken cancellationToken)
    {
        var id = this.GetPrimaryKeyString();
        var settings = BacktestSettings.From(request, id);
        var writer = new BacktestAuditWriter(audit, id, request.Portfolio, request.Launch.StrategyId);
        BacktestRun finished;
        try
        {
            await writer.OpenAsync(cancellationToken);
            var results = await Task.Run(
                () =>
                {
                    var data = OpenData(request);
                    return Backtests.Run(plan ?? BacktestPlan.Create(request, data), data, settings, writer, Report, cancellationToken);
                },
                cancellationToken);
            await writer.CompleteAsync();
            finished = state.State.Run! with { Status = BacktestRunStatus.Completed, ProgressPercent = 100m, EventsProcessed = results.Events, Results = results };
            LogCompleted(id, results.Events, results.DecisionHash, writer.Written);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            finished = Failed(BacktestRunStatus.Cancelled, ReasonCodes.StratBacktestCancelled, "cancelled by an operator before it finished");
        }
        catch (BacktestException refused)
        {
            finished = Failed(BacktestRunStatus.Failed, refused.ReasonCode, refused.Message);
        }
        catch (Exception e)
        {
            LogFailed(id, e);
            finished = Failed(BacktestRunStatus.Failed, ReasonCodes.StratBacktestFailed, $"{e.GetType().Name}: {e.Message}");
        }
        finally
        {
            await writer.DisposeAsync();
        }

        // Back on the grain's scheduler: the state is the grain's to write.
        state.State.Run = finished with { FinishedAt = time.GetUtcNow() };
        await state.WriteStateAsync();
    }

    private BacktestRun Failed(BacktestRunStatus status, string reasonCode, string detail)
    {
        var processed = _progress?.Events;
        return state.State.Run! with
        {
            Status = status,
            EventsProcessed = processed,
            Failure = new BacktestFailure { ReasonCode = reasonCode, Detail = detail.Length <= 2000 ? detail : detail[..2000] },
        };
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Backtest {BacktestId} completed: {Events} events, decision hash {Hash}, {Envelopes} envelopes")]
    private partial void LogCompleted(string backtestId, long events, string hash, long envelopes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Backtest {BacktestId}: cancel asked by {Operator}")]
    private partial void LogCancelling(string backtestId, string @operator);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Backtest {BacktestId} was running when its activation was lost; running it again")]
    private partial void LogRestarted(string backtestId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Backtest {BacktestId} failed")]
    private partial void LogFailed(string backtestId, Exception exception);
}

[GenerateSerializer]
[Alias("Polytraders.BacktestGrainState")]
public sealed class BacktestGrainState
{
    [Id(0)]
    public BacktestRequest? Request { get; set; }

    [Id(1)]
    public BacktestRun? Run { get; set; }
}
