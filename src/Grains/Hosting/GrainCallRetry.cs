using Microsoft.Extensions.Logging;
using Orleans.Runtime.Messaging;

namespace Polytraders.Grains.Hosting;

/// <summary>
/// The retry policy of the silo's background services (price replay, execution recovery, CLOB feed pumps) around one
/// grain call. A call that fails because a silo died or the membership is changing (the grain's silo is gone and not
/// yet declared dead, the message was rejected, the answer timed out, the client lost its gateway) is retried until
/// it succeeds or the service is stopped: the grain comes back on a live silo once the membership has caught up, and
/// what the service was doing must not be skipped nor end the service (a failed background service stops the host).
/// Any other failure is retried too, up to <c>maxAttempts</c> when the caller bounds it; a failure the caller marks
/// <c>permanent</c> is thrown at once. The pause between attempts doubles from <see cref="FirstDelay"/> up to
/// <see cref="MaxDelay"/>, so a cluster that takes its ~15-60 s to detect a dead silo is asked a few times, not
/// flooded. Every failed attempt is logged at Warning; only the caller's cancellation ends the retries.
/// </summary>
public sealed partial class GrainCallRetry(TimeProvider time, ILogger logger)
{
    public static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(200);

    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Failures that mean "a silo (or the client's gateway) is gone or the membership is in flux", the same set the
    /// HTTP gateway answers with 503.
    /// </summary>
    public static bool IsSiloLoss(Exception exception) => exception is TimeoutException
        or SiloUnavailableException
        or OrleansMessageRejectionException
        or ConnectionFailedException
        or ClientNotAvailableException
        or GatewayTooBusyException;

    /// <summary>The pause after <paramref name="attempt"/> failed attempts (1-based): doubling, capped at <see cref="MaxDelay"/>.</summary>
    public static TimeSpan DelayAfter(int attempt)
    {
        var delay = FirstDelay;
        for (var i = 1; i < attempt && delay < MaxDelay; i++)
        {
            delay *= 2;
        }

        return delay < MaxDelay ? delay : MaxDelay;
    }

    /// <summary>
    /// Runs <paramref name="call"/> until it succeeds. <paramref name="operation"/> and <paramref name="subject"/>
    /// (e.g. "replay publish", a market id) name it in the logs.
    /// </summary>
    /// <param name="maxAttempts">Bounds the attempts a failure other than a silo loss gets; null: unbounded.</param>
    /// <param name="permanent">Failures the caller handles itself: thrown at once, never retried.</param>
    public async Task<T> RunAsync<T>(
        string operation,
        string subject,
        Func<CancellationToken, Task<T>> call,
        CancellationToken cancellationToken,
        int? maxAttempts = null,
        Func<Exception, bool>? permanent = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        var otherFailures = 0;
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var result = await call(cancellationToken).ConfigureAwait(false);
                if (attempt > 1)
                {
                    LogRecovered(operation, subject, attempt);
                }

                return result;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e) when (permanent?.Invoke(e) != true)
            {
                var siloLoss = IsSiloLoss(e);
                if (!siloLoss && ++otherFailures >= maxAttempts)
                {
                    LogGaveUp(operation, subject, attempt, e.GetType().Name, e);
                    throw;
                }

                var delay = DelayAfter(attempt);
                LogRetrying(operation, subject, attempt, siloLoss, e.GetType().Name, delay, e);
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc cref="RunAsync{T}"/>
    public Task RunAsync(
        string operation,
        string subject,
        Func<CancellationToken, Task> call,
        CancellationToken cancellationToken,
        int? maxAttempts = null,
        Func<Exception, bool>? permanent = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        return RunAsync(operation, subject, async ct =>
        {
            await call(ct).ConfigureAwait(false);
            return true;
        }, cancellationToken, maxAttempts, permanent);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Operation} {Subject}: attempt {Attempt} failed (silo loss: {SiloLoss}, {ExceptionType}); retrying in {Delay}")]
    private partial void LogRetrying(string operation, string subject, int attempt, bool siloLoss, string exceptionType, TimeSpan delay, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Operation} {Subject}: attempt {Attempt} failed ({ExceptionType}); giving up after the caller's bound")]
    private partial void LogGaveUp(string operation, string subject, int attempt, string exceptionType, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Operation} {Subject}: succeeded at attempt {Attempt}")]
    private partial void LogRecovered(string operation, string subject, int attempt);
}
