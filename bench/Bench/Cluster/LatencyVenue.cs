using System.Collections.Concurrent;
using System.Diagnostics;
using Polytraders.Contracts;
using Polytraders.Trading;
using Polytraders.Trading.Venues;

namespace Polytraders.Bench.Cluster;

/// <summary>
/// The execution path's venue: answers after a fixed latency (a round trip to the CLOB) and fills every order in full at
/// its limit, built as every simulated fill is (<see cref="SimulatedFill"/>). It keeps the time of each answer, for
/// windowed rates, and completes the waiter of the order it answered, so a sender can keep a fixed number in flight.
/// </summary>
internal sealed class LatencyVenue(TimeSpan latency, int capacity) : IVenue
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiters = new(StringComparer.Ordinal);
    private readonly long[] _answeredAt = new long[capacity];
    private int _answered;
    private long _lastAnswerAt = Stopwatch.GetTimestamp();

    public string Name => "bench-latency";

    public int Answered => Volatile.Read(ref _answered);

    /// <summary>Stopwatch timestamp of the latest answer (of the venue's creation before the first).</summary>
    public long LastAnswerAt => Volatile.Read(ref _lastAnswerAt);

    /// <summary>Stopwatch timestamps of the answers, in the order given.</summary>
    public ReadOnlySpan<long> AnswerTimes => _answeredAt.AsSpan(0, Math.Min(Answered, capacity));

    /// <summary>A task that completes when the venue answers the order; register before the order can reach it.</summary>
    public Task Expect(string clientOrderId)
    {
        // Continuations run off the answering grain's turn: the sender's next order must not be sent from inside it.
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _waiters.TryAdd(clientOrderId, waiter) ? waiter.Task : throw new InvalidOperationException($"{clientOrderId} is expected already");
    }

    public async Task<VenueAnswer> SubmitAsync(Order order, OrderIntent intent, MarketState market, CancellationToken cancellationToken)
    {
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, cancellationToken);
        }

        var fill = SimulatedFill.Of(intent, intent.Size, intent.LimitPrice, fee: 0m, EventTime.Of(intent.CreatedAt, DateTimeOffset.UtcNow), FillVenue.Paper);
        var now = Stopwatch.GetTimestamp();
        Volatile.Write(ref _lastAnswerAt, now);
        var at = Interlocked.Increment(ref _answered) - 1;
        if (at < capacity)
        {
            _answeredAt[at] = now;
        }

        if (_waiters.TryRemove(intent.ClientOrderId, out var waiter))
        {
            waiter.SetResult();
        }

        return VenueAnswer.Filled([fill]);
    }
}
