namespace Polytraders.Integration.Tests.Durable;

internal static class Eventually
{
    /// <summary>Polls until <paramref name="probe"/> returns a value (not null), or fails naming <paramref name="what"/>.</summary>
    public static async Task<T> Get<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what}: not reached within {(timeout ?? TimeSpan.FromSeconds(60)).TotalSeconds:F0} s");
            }

            await Task.Delay(50);
        }
    }

    public static Task True(Func<Task<bool>> probe, string what, TimeSpan? timeout = null) =>
        Get<object>(async () => await probe() ? new object() : null, what, timeout);
}
