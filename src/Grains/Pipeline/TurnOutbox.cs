using System.Diagnostics.Metrics;
using Orleans.Storage;
using Polytraders.Grains.Telemetry;

namespace Polytraders.Grains.Pipeline;

/// <summary>
/// What a grain's turns decide to send or store, handed to the background in order: a turn queues an item and returns
/// without awaiting any I/O; one loop per activation takes everything queued so far as one batch and lets the grain
/// deliver it (one state write, one audit append, the messages), then the next batch. The loop runs on the activation's
/// scheduler, so it never runs at the same time as a turn, only between them (at their awaits).
/// <para>The queue is bounded: a grain whose batches fall behind sees <see cref="TryEnqueue"/> refuse and answers with a
/// reason code, never an ever-growing queue. A batch that fails stays at the head and is tried again after a pause that
/// doubles up to a minute, so delivering it twice must be harmless (idempotent envelope ids and hand-overs).</para>
/// </summary>
public sealed class TurnOutbox<TItem>(int capacity, Func<IReadOnlyList<TItem>, Task> deliver, Action<Exception> failed, TimeProvider time)
{
    /// <summary>How long a failed batch waits before it is tried again: doubled after each failure, up to <see cref="MaxRetryAfter"/>.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(1);

    private static readonly UpDownCounter<long> Pending = GrainMetrics.OutboxPendingItems;

    private readonly List<TItem> _queued = [];
    private IReadOnlyList<TItem> _delivering = [];
    private Task? _loop;

    /// <summary>Items queued or being delivered.</summary>
    public int Count => _queued.Count + _delivering.Count;

    /// <summary>Room for <paramref name="items"/> more.</summary>
    public bool HasRoom(int items = 1) => Count + items <= capacity;

    /// <summary>Queues <paramref name="item"/> unless the outbox is full.</summary>
    public bool TryEnqueue(TItem item)
    {
        if (!HasRoom())
        {
            return false;
        }

        _queued.Add(item);
        Pending.Add(1);
        _loop ??= RunAsync();
        return true;
    }

    /// <summary>Completes when everything queued so far has been delivered (for deactivation and tests).</summary>
    public async Task DrainAsync()
    {
        while (_loop is { } loop)
        {
            await loop;
        }
    }

    private async Task RunAsync()
    {
        // Yield first: the turn that queued the first item finishes (and may queue more) before the batch is taken.
        await Task.Yield();
        var pause = RetryAfter;
        while (_queued.Count > 0)
        {
            _delivering = [.. _queued];
            _queued.Clear();
            try
            {
                await deliver(_delivering);
                Pending.Add(-_delivering.Count);
                _delivering = [];
                pause = RetryAfter;
            }
            catch (InconsistentStateException e)
            {
                // Another activation wrote the grain's state since this one read it (a duplicate activation while the
                // cluster changed): everything queued was decided on a stale state and goes with this activation,
                // which the grain deactivates (failed); the next one starts from what is stored.
                failed(e);
                Pending.Add(-(_queued.Count + _delivering.Count));
                _queued.Clear();
                _delivering = [];
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed(e);
                _queued.InsertRange(0, _delivering);
                _delivering = [];
                await Task.Delay(pause, time);
                pause = pause * 2 < MaxRetryAfter ? pause * 2 : MaxRetryAfter;
            }
        }

        _loop = null;
    }
}
