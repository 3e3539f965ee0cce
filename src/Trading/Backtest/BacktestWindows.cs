using Polytraders.Contracts;

namespace Polytraders.Trading.Backtest;

/// <summary>
/// The window a Backtest runs over: at most <see cref="MaxDays"/> days. Without start and end it is the last
/// <c>days</c> days (default 180) of the data given; a window that asks for more is refused with
/// STRAT_BACKTEST_WINDOW_TOO_LONG rather than cut, so nobody reads a shorter run as the one they asked for.
/// </summary>
public static class BacktestWindows
{
    public const int MaxDays = 180;

    public static readonly TimeSpan MaxLength = TimeSpan.FromDays(MaxDays);

    /// <summary>Checks what the request asks for without the data: the length and the order of an explicit window.</summary>
    public static void CheckRequested(BacktestWindow? window)
    {
        if (window is null)
        {
            return;
        }

        if (window.Days is { } days && days > MaxDays)
        {
            throw new BacktestException(ReasonCodes.StratBacktestWindowTooLong, $"A Backtest window of {days} days was asked for; at most {MaxDays} days are allowed.");
        }

        if (window.Start is { } start && window.End is { } end)
        {
            if (end <= start)
            {
                throw new BacktestException(ReasonCodes.StratBacktestBadData, $"The window ends ({end:O}) before it starts ({start:O}).");
            }

            if (end - start > MaxLength)
            {
                throw new BacktestException(ReasonCodes.StratBacktestWindowTooLong, $"The window {start:O} .. {end:O} is {(end - start).TotalDays:0.##} days long; at most {MaxDays} days are allowed.");
            }
        }
    }

    /// <summary>
    /// The window over data observed from <paramref name="first"/> to <paramref name="last"/>: an explicit start and end
    /// as given; one of them with <c>days</c> (default 180) counted from it; neither: the last <c>days</c> of the data.
    /// </summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Resolve(BacktestWindow? window, DateTimeOffset first, DateTimeOffset last)
    {
        CheckRequested(window);
        var length = TimeSpan.FromDays(window?.Days ?? MaxDays);
        var (start, end) = (window?.Start, window?.End) switch
        {
            ({ } s, { } e) => (s, e),
            ({ } s, null) => (s, Min(s + length, last)),
            (null, { } e) => (Max(e - length, first), e),
            _ => (Max(last - length, first), last),
        };
        if (end < start)
        {
            throw new BacktestException(ReasonCodes.StratBacktestBadData, $"The window {start:O} .. {end:O} holds no data (the data runs {first:O} .. {last:O}).");
        }

        if (end - start > MaxLength)
        {
            throw new BacktestException(ReasonCodes.StratBacktestWindowTooLong, $"The window {start:O} .. {end:O} is longer than {MaxDays} days.");
        }

        return (start, end);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
