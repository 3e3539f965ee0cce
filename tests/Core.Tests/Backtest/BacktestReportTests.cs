using System.Globalization;
using System.Text.RegularExpressions;
using Polytraders.Contracts;
using Polytraders.Trading.Backtest.Report;

namespace Polytraders.Core.Tests.Backtest;

/// <summary>The report's charts: their value labels are whole, whatever their length.</summary>
public partial class BacktestReportTests
{
    /// <summary>A digit of a common sans-serif at 11 px is about 6.1 to 6.6 px wide: a label needs at least this per character.</summary>
    private const double NarrowestBound = 6.6;

    [Theory]
    [InlineData("25158.33", "23990.5")]
    [InlineData("1225158.331234", "998877.654321")]
    [InlineData("0.25", "-0.5")]
    public void equity_axis_labels_fit_left_of_the_plot(string high, string low)
    {
        var at = new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);
        BacktestEquityPoint[] curve =
        [
            new() { At = at, Equity = decimal.Parse(low, CultureInfo.InvariantCulture), Drawdown = 0m },
            new() { At = at.AddDays(1), Equity = decimal.Parse(high, CultureInfo.InvariantCulture), Drawdown = 0m },
        ];

        var svg = BacktestReport.Chart(curve, p => p.Equity, "#175cd3", area: false);

        var labels = ValueLabel().Matches(svg)
            .Select(m => (X: double.Parse(m.Groups["x"].Value, CultureInfo.InvariantCulture), Text: m.Groups["text"].Value))
            .Where(label => !label.Text.EndsWith("UTC", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(2, labels.Count);
        Assert.All(labels, label => Assert.True(label.X >= label.Text.Length * NarrowestBound, $"'{label.Text}' ends at x={label.X}: its start is cut off"));
        Assert.Equal(decimal.Parse(high, CultureInfo.InvariantCulture).ToString("#,##0.00", CultureInfo.InvariantCulture), labels[0].Text);
    }

    [GeneratedRegex("<text x=\"(?<x>[0-9.]+)\" [^>]*text-anchor=\"end\"[^>]*>(?<text>[^<]+)</text>")]
    private static partial Regex ValueLabel();
}
