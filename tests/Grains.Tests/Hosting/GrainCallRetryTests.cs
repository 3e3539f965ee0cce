using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Polytraders.Grains.Hosting;

namespace Polytraders.Grains.Tests.Hosting;

/// <summary>The background services' retry policy, on a fake clock: no test here waits for real time.</summary>
public sealed class GrainCallRetryTests
{
    private readonly PausingClock _time = new();
    private readonly RecordingLogger _log = new();

    [Fact]
    public async Task a_call_that_fails_with_a_silo_loss_is_retried_after_a_doubling_pause_until_it_succeeds()
    {
        var calls = 0;
        var retry = new GrainCallRetry(_time, _log);
        var run = retry.RunAsync("publish", "market-1", _ => ++calls <= 3 ? Task.FromException<int>(new SiloUnavailableException("gone")) : Task.FromResult(42), CancellationToken.None);

        Assert.Equal(1, calls);
        await _time.PausedAsync();
        foreach (var (pause, attempts) in new[] { (200, 2), (400, 3), (800, 4) })
        {
            _time.Advance(TimeSpan.FromMilliseconds(pause - 1));
            Assert.Equal(attempts - 1, calls);
            _time.Advance(TimeSpan.FromMilliseconds(1));
            if (attempts < 4)
            {
                // The attempt the pause let through failed again: it paused anew.
                await _time.PausedAsync();
                Assert.Equal(attempts, calls);
            }
        }

        Assert.Equal(42, await run);
        Assert.Equal(4, calls);
        Assert.Equal(3, _log.Entries.Count(e => e.Level == LogLevel.Warning));
        Assert.All(_log.Entries.Where(e => e.Level == LogLevel.Warning), e =>
        {
            Assert.Equal("publish", e.Fields["Operation"]);
            Assert.Equal("market-1", e.Fields["Subject"]);
            Assert.Equal(true, e.Fields["SiloLoss"]);
            Assert.Equal(nameof(SiloUnavailableException), e.Fields["ExceptionType"]);
        });
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Information && Equals(e.Fields["Attempt"], 4));
    }

    [Fact]
    public void the_pause_doubles_and_stays_bounded()
    {
        Assert.Equal(
            [200, 400, 800, 1600, 3200, 5000, 5000],
            Enumerable.Range(1, 7).Select(a => (int)GrainCallRetry.DelayAfter(a).TotalMilliseconds));
    }

    [Theory]
    [InlineData(typeof(SiloUnavailableException), true)]
    [InlineData(typeof(TimeoutException), true)]
    [InlineData(typeof(Orleans.Runtime.Messaging.ConnectionFailedException), true)]
    [InlineData(typeof(InvalidOperationException), false)]
    public void a_silo_loss_is_told_from_other_failures(Type type, bool siloLoss)
    {
        Assert.Equal(siloLoss, GrainCallRetry.IsSiloLoss((Exception)Activator.CreateInstance(type, "x")!));
    }

    [Fact]
    public async Task a_silo_loss_is_waited_out_beyond_the_bound_the_caller_sets_for_other_failures()
    {
        var calls = 0;
        var retry = new GrainCallRetry(_time, _log);
        var run = retry.RunAsync("hand-over", "fill-1", _ => ++calls <= 6 ? Task.FromException(new TimeoutException()) : Task.CompletedTask, CancellationToken.None, maxAttempts: 2);

        for (var attempt = 1; attempt <= 6; attempt++)
        {
            await _time.PausedAsync();
            _time.Advance(GrainCallRetry.DelayAfter(attempt));
        }

        await run;
        Assert.Equal(7, calls);
    }

    [Fact]
    public async Task another_failure_is_retried_up_to_the_callers_bound_then_thrown()
    {
        var calls = 0;
        var retry = new GrainCallRetry(_time, _log);
        var run = retry.RunAsync("hand-over", "fill-1", _ =>
        {
            calls++;
            return Task.FromException(new ArgumentException("bad fill"));
        }, CancellationToken.None, maxAttempts: 3);

        await _time.PausedAsync();
        _time.Advance(GrainCallRetry.DelayAfter(1));
        await _time.PausedAsync();
        _time.Advance(GrainCallRetry.DelayAfter(2));

        await Assert.ThrowsAsync<ArgumentException>(() => run);
        Assert.Equal(3, calls);
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Warning && Equals(e.Fields["SiloLoss"], false));
    }

    [Fact]
    public async Task a_failure_the_caller_calls_permanent_is_thrown_at_once()
    {
        var calls = 0;
        var retry = new GrainCallRetry(_time, _log);

        await Assert.ThrowsAsync<InvalidOperationException>(() => retry.RunAsync("publish", "m", _ =>
        {
            calls++;
            return Task.FromException(new InvalidOperationException("not configured"));
        }, CancellationToken.None, permanent: e => e is InvalidOperationException));
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task only_the_callers_cancellation_ends_the_retries()
    {
        using var stopping = new CancellationTokenSource();
        var retry = new GrainCallRetry(_time, _log);
        var run = retry.RunAsync("publish", "m", _ => Task.FromException(new OperationCanceledException("not ours")), stopping.Token);

        await _time.PausedAsync();
        _time.Advance(GrainCallRetry.DelayAfter(1));
        await _time.PausedAsync();
        Assert.False(run.IsCompleted);
        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    /// <summary>
    /// A fake clock that says when the retry has started its pause (created its timer): the continuation after a pause
    /// runs on the thread pool, so advancing before the next pause exists would let it start later than meant.
    /// </summary>
    private sealed class PausingClock : FakeTimeProvider
    {
        private readonly SemaphoreSlim _timers = new(0);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            _timers.Release();
            return timer;
        }

        /// <summary>Until the next pause has begun; a guard fails the test instead of hanging it.</summary>
        public async Task PausedAsync()
        {
            using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _timers.WaitAsync(guard.Token);
        }
    }

    private sealed class RecordingLogger : ILogger
    {
        public List<(LogLevel Level, Dictionary<string, object?> Fields)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var fields = state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.ToDictionary(p => p.Key, p => p.Value) : [];
            Entries.Add((logLevel, fields));
        }
    }
}
