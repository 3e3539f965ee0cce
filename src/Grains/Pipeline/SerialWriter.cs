using Orleans.Storage;

namespace Polytraders.Grains.Pipeline;

/// <summary>
/// One grain state's writes, one at a time. A grain whose turns and background batches both write would otherwise
/// start a second write while the first is in flight (both carrying the same ETag: the second fails). A write asked for
/// while one is in flight waits for it and then runs once for every caller that asked meanwhile: the later write carries
/// all their changes, since state is written whole.
/// <para>A change a restart rebuilds by itself (an acknowledgment the other side repeats, a release the order grain
/// sends again) need not cost a write of its own: <see cref="Defer"/> lets it ride on the next write, or on one made
/// <see cref="DeferredFor"/> later at the latest.</para>
/// </summary>
public sealed class SerialWriter(Func<Task> write, TimeProvider time, Action<Exception> deferredWriteFailed)
{
    public static readonly TimeSpan DeferredFor = TimeSpan.FromSeconds(1);

    private Task? _running;
    private TaskCompletionSource? _next;
    private Task? _deferred;
    private bool _dirty;
    private bool _stale;

    public Task WriteAsync()
    {
        if (_running is null)
        {
            return _running = RunAsync(null);
        }

        _next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _next.Task;
    }

    /// <summary>Marks the state changed, to be written with the next write or a deferred one.</summary>
    public void Defer()
    {
        _dirty = true;
        if (!_stale)
        {
            _deferred ??= WriteLaterAsync();
        }
    }

    /// <summary>
    /// Writes what <see cref="Defer"/> left unwritten, and waits for the write in flight (deactivation). Nothing once
    /// another activation has written the state: this one's changes are stale.
    /// </summary>
    public Task FlushAsync() => _stale ? Task.CompletedTask : _dirty ? WriteAsync() : _running ?? Task.CompletedTask;

    private async Task WriteLaterAsync()
    {
        await Task.Delay(DeferredFor, time);
        _deferred = null;
        if (!_dirty)
        {
            return;
        }

        try
        {
            await WriteAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            deferredWriteFailed(e);
            Defer();
        }
    }

    private async Task RunAsync(TaskCompletionSource? waiting)
    {
        // This write carries every change made so far, deferred ones included.
        _dirty = false;
        try
        {
            await write();
            waiting?.SetResult();
        }
        catch (Exception e)
        {
            _dirty = true;
            _stale |= e is InconsistentStateException;
            if (waiting is null)
            {
                throw;
            }

            waiting.SetException(e);
        }
        finally
        {
            var next = _next;
            _next = null;
            _running = next is null ? null : RunAsync(next);
        }
    }
}
