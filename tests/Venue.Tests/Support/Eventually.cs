namespace Polytraders.Venue.Tests.Support;

public static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> until true or <paramref name="timeout"/> (default 5 s) passes.</summary>
    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"not reached in time: {what}");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>Polls <paramref name="probe"/> until it finds something or 15 s pass; <paramref name="describe"/> explains a timeout.</summary>
    public static async Task<T> FoundAsync<T>(Func<Task<T?>> probe, Func<string>? describe = null)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"not reached in time{(describe is null ? "" : ": " + describe())}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Reads from <paramref name="reader"/> until <paramref name="match"/> or timeout; returns everything read.</summary>
    public static async Task<List<T>> ReadUntilAsync<T>(System.Threading.Channels.ChannelReader<T> reader, Func<List<T>, bool> match, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(5));
        var seen = new List<T>();
        try
        {
            while (!match(seen))
            {
                seen.Add(await reader.ReadAsync(cts.Token));
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"not reached in time; read {seen.Count}: {string.Join(" | ", seen)}");
        }

        return seen;
    }
}
