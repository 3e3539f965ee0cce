using Polytraders.Polymarket.Clob;

namespace Polytraders.Venue.Tests.Support;

/// <summary>A user feed running on the fake (<see cref="ClobRig.SubscribedUserFeedAsync"/>) until stopped.</summary>
public sealed class RunningUserFeed(UserWebSocketClient feed, Task run, CancellationTokenSource stop)
{
    public UserWebSocketClient Feed { get; } = feed;

    /// <summary>Cancels the feed and waits for its loop to end, which completes its events.</summary>
    public async Task StopAsync()
    {
        await stop.CancelAsync();
        await run;
        stop.Dispose();
    }
}
