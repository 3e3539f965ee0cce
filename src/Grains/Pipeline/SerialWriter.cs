namespace Polytraders.Grains.Pipeline;

/// <summary>
/// One grain state's writes, one at a time. A grain whose turns and background batches both write would otherwise
/// start a second write while the first is in flight (both carrying the same ETag: the second fails). A write asked for
/// while one is in flight waits for it and then runs once for every caller that asked meanwhile: the later write carries
/// all their changes, since state is written whole.
/// </summary>
public sealed class SerialWriter(Func<Task> write)
{
    private Task? _running;
    private TaskCompletionSource? _next;

    public Task WriteAsync()
    {
        if (_running is null)
        {
            return _running = RunAsync(null);
        }

        _next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _next.Task;
    }

    private async Task RunAsync(TaskCompletionSource? waiting)
    {
        try
        {
            await write();
            waiting?.SetResult();
        }
        catch (Exception e) when (waiting is not null)
        {
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
