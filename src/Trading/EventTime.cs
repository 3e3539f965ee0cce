namespace Polytraders.Trading;

/// <summary>
/// When an event is handled: at its own timestamp, unless the clock is already later. A replay runs ahead of the clock
/// and a live feed behind it; either way nothing is decided or filled before what it reacts to, and a replayed decision
/// is taken at the time a Backtest takes it.
/// </summary>
public static class EventTime
{
    public static DateTimeOffset Of(DateTimeOffset eventTime, DateTimeOffset now) => eventTime > now ? eventTime : now;
}
