using Polytraders.Contracts;
using Polytraders.Trading.Validation;
using Polytraders.Trading.Validation.Rules;

namespace Polytraders.Trading.Backtest;

/// <summary>
/// What a BacktestRequest must also satisfy beyond its schema: the embedded launch and config obey their own rules
/// (<c>#/launch/...</c>, <c>#/portfolio/...</c>), they name the same Portfolio, and the window is at most 180 days
/// (STRAT_BACKTEST_WINDOW_TOO_LONG) and ends after it starts.
/// </summary>
public sealed class BacktestRequestRule : ContractRule<BacktestRequest>
{
    private static readonly StrategyLaunchRule Launch = new();
    private static readonly PortfolioConfigRule Portfolio = new();

    public override IEnumerable<ContractViolation> Check(BacktestRequest value)
    {
        foreach (var violation in Launch.CheckAt(value.Launch, "#/launch").Concat(Portfolio.CheckAt(value.Portfolio, "#/portfolio")))
        {
            yield return violation;
        }

        if (!string.Equals(value.Launch.PortfolioId, value.Portfolio.PortfolioId, StringComparison.Ordinal))
        {
            yield return new ContractViolation(ReasonCodes.StratInvalidLaunch, "PortfolioMismatch", "#/launch/portfolio_id", $"the launch names {value.Launch.PortfolioId} but the config is {value.Portfolio.PortfolioId}'s");
        }

        if (value.Window is not { } window)
        {
            yield break;
        }

        if (window.Days is { } days && days > BacktestWindows.MaxDays)
        {
            yield return new ContractViolation(ReasonCodes.StratBacktestWindowTooLong, "WindowTooLong", "#/window/days", $"{days} days asked for; at most {BacktestWindows.MaxDays}");
        }

        if (window.Start is { } start && window.End is { } end)
        {
            if (end <= start)
            {
                yield return new ContractViolation(ReasonCodes.GovInvalidRequest, "WindowReversed", "#/window/end", "the window ends before it starts");
            }
            else if (end - start > BacktestWindows.MaxLength)
            {
                yield return new ContractViolation(ReasonCodes.StratBacktestWindowTooLong, "WindowTooLong", "#/window", $"{(end - start).TotalDays:0.##} days from start to end; at most {BacktestWindows.MaxDays}");
            }
        }
    }
}
