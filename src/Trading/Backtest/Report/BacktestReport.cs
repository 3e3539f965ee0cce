using System.Globalization;
using System.Net;
using System.Text;
using Polytraders.Contracts;

namespace Polytraders.Trading.Backtest.Report;

/// <summary>
/// A self-contained HTML report of one Backtest: one file with inline CSS and inline SVG (equity and drawdown charts),
/// the headline figures, per-market PnL, counts by reason code and the trades, each panel badged BACKTEST. No script,
/// no external resource: it opens from disk without a server. The command line writes it to a file; the gateway serves
/// it for a completed run.
/// </summary>
public static class BacktestReport
{
    private const int ChartWidth = 900;
    private const int ChartHeight = 220;

    /// <summary>Axis labels are 11 px; a digit of a common sans-serif is at most about 0.62 em wide, so 7 units per character bound a label.</summary>
    public const int LabelFontSize = 11;
    public const double LabelCharWidth = 7;

    /// <summary>The report of a completed run as the cluster keeps it (who asked, when, on which data set).</summary>
    public static string Render(BacktestRun run)
    {
        var results = run.Results ?? throw new ArgumentException($"Backtest {run.BacktestId} has no results: it is {run.Status}.", nameof(run));
        return Render(results, run.StrategyId, $"Data set '{run.Dataset}'; Portfolio config {run.PortfolioId}; requested by {run.RequestedBy} at {Time(run.RequestedAt)}.");
    }

    public static string Render(BacktestResults results, string strategyId, string? description = null)
    {
        var title = $"{strategyId} — Backtest report";
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Append($"<title>BACKTEST {E(results.BacktestId)} — {E(title)}</title>");
        html.Append("<style>");
        html.Append("body{font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:24px;color:#1d2330;background:#f5f6f8}");
        html.Append("section{background:#fff;border:1px solid #d8dce3;border-radius:8px;padding:16px 20px;margin:0 0 18px;position:relative}");
        html.Append(".badge{display:inline-block;background:#b42318;color:#fff;font-weight:700;letter-spacing:.08em;font-size:11px;padding:2px 8px;border-radius:4px;margin-right:8px;vertical-align:middle}");
        html.Append("h1{font-size:20px;margin:0 0 6px}h2{font-size:16px;margin:0 0 12px}");
        html.Append("table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}th,td{padding:4px 8px;border-bottom:1px solid #eceef2;text-align:right}");
        html.Append("th:first-child,td:first-child{text-align:left}th{color:#5b6472;font-weight:600}");
        html.Append(".grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:10px}.kpi{border:1px solid #eceef2;border-radius:6px;padding:8px 10px}");
        html.Append(".kpi b{display:block;font-size:18px}.kpi span{color:#5b6472;font-size:12px}.neg{color:#b42318}.pos{color:#067647}code{font-size:12px}");
        html.Append("</style></head><body>\n");

        Panel(html, title, h =>
        {
            h.Append($"<p>Backtest <code>{E(results.BacktestId)}</code> — simulated, not live trading. Window {Time(results.WindowStart)} to {Time(results.WindowEnd)}, {results.Events:N0} price observations.</p>");
            if (description is not null)
            {
                h.Append($"<p>{E(description)}</p>");
            }

            h.Append($"<p>Decision hash (OrderListHash of {results.Decisions:N0} decisions): <code>{E(results.DecisionHash)}</code></p>");
        }, level: 1);

        Panel(html, "Headline", h =>
        {
            h.Append("<div class=\"grid\">");
            Kpi(h, "Total PnL (pUSD)", Money(results.TotalPnl), results.TotalPnl);
            Kpi(h, "Return", Percent(results.Return), results.Return);
            Kpi(h, "Starting equity", Money(results.StartingEquity));
            Kpi(h, "Ending equity", Money(results.EndingEquity));
            Kpi(h, "Max drawdown", $"{Percent(results.MaxDrawdown)} ({Money(results.MaxDrawdownPusd)})", -results.MaxDrawdown);
            Kpi(h, "Sharpe (daily, ×√365)", Ratio(results.Sharpe));
            Kpi(h, "Sortino (daily, ×√365)", Ratio(results.Sortino));
            Kpi(h, "Hit rate", results.HitRate is { } hit ? Percent(hit) : "—");
            Kpi(h, "Turnover (pUSD)", Money(results.Turnover));
            Kpi(h, "Fees (pUSD)", Money(results.Fees));
            Kpi(h, "Avg holding", results.AverageHoldingMinutes is { } minutes ? $"{minutes.ToString("0.#", CultureInfo.InvariantCulture)} min" : "—");
            Kpi(h, "Intents / orders / fills", $"{results.Intents:N0} / {results.Orders:N0} / {results.Fills:N0}");
            Kpi(h, "Rejections", results.Rejections.ToString("N0", CultureInfo.InvariantCulture));
            Kpi(h, "Round trips", results.RoundTrips.ToString("N0", CultureInfo.InvariantCulture));
            Kpi(h, "Trading days", results.TradingDays.ToString(CultureInfo.InvariantCulture));
            h.Append("</div>");
        });

        Panel(html, "Equity (pUSD)", h => h.Append(Chart(results.EquityCurve, p => p.Equity, "#175cd3", area: false)));
        Panel(html, "Drawdown from peak", h => h.Append(Chart(results.EquityCurve, p => -p.Drawdown, "#b42318", area: true)));

        Panel(html, "PnL by market", h =>
        {
            h.Append("<table><tr><th>market</th><th>token</th><th>PnL (pUSD)</th><th>fills</th><th>round trips</th><th>settled at</th></tr>");
            foreach (var market in results.Markets.OrderByDescending(m => m.Pnl))
            {
                h.Append($"<tr><td><code>{E(Short(market.MarketId))}</code></td><td><code>{E(Short(market.TokenId))}</code></td>{Signed(market.Pnl)}<td>{market.Fills:N0}</td><td>{market.RoundTrips:N0}</td><td>{(market.SettlementPrice is { } settled ? Plain(settled) : "—")}</td></tr>");
            }

            h.Append("</table>");
        });

        Panel(html, "Decisions and outcomes by reason code", h =>
        {
            h.Append("<table><tr><th>reason code</th><th>count</th></tr>");
            foreach (var count in results.CountsByReasonCode)
            {
                h.Append($"<tr><td><code>{E(count.ReasonCode)}</code></td><td>{count.Count:N0}</td></tr>");
            }

            h.Append("</table>");
            if (results.DataWarnings is { Count: > 0 } warnings)
            {
                h.Append("<h2>Data warnings</h2><table><tr><th>detail</th><th>count</th></tr>");
                foreach (var warning in warnings)
                {
                    h.Append($"<tr><td>{E(warning.Detail)}</td><td>{warning.Count:N0}</td></tr>");
                }

                h.Append("</table>");
            }
        });

        Panel(html, "Trades (round trips)", h =>
        {
            if (results.TradesOmitted is { } omitted)
            {
                h.Append($"<p>The first {omitted:N0} round trips are left out; the last {results.Trades?.Count ?? 0:N0} follow.</p>");
            }

            h.Append("<table><tr><th>market</th><th>opened</th><th>closed</th><th>size</th><th>entry</th><th>exit</th><th>PnL (pUSD)</th><th>close</th></tr>");
            foreach (var trade in results.Trades ?? [])
            {
                h.Append($"<tr><td><code>{E(Short(trade.MarketId))}</code></td><td>{Time(trade.OpenedAt)}</td><td>{(trade.ClosedAt is { } closed ? Time(closed) : "—")}</td>");
                h.Append($"<td>{Plain(trade.Size)}</td><td>{Plain(trade.EntryPrice)}</td><td>{(trade.ExitPrice is { } exit ? Plain(exit) : "—")}</td>{Signed(trade.Pnl)}<td>{trade.Close.ToString().ToLowerInvariant()}</td></tr>");
            }

            h.Append("</table>");
        });

        html.Append("</body></html>\n");
        return html.ToString();
    }

    /// <summary>A line (or area) chart of the curve as inline SVG, with the first and last values and times as labels.</summary>
    public static string Chart(IReadOnlyList<BacktestEquityPoint> curve, Func<BacktestEquityPoint, decimal> value, string colour, bool area)
    {
        if (curve.Count < 2)
        {
            return "<p>Not enough points to draw.</p>";
        }

        const int right = 10, top = 10, bottom = 24;
        var first = curve[0].At.UtcTicks;
        var span = Math.Max(1, curve[^1].At.UtcTicks - first);
        var values = curve.Select(value).ToList();
        var (min, max) = (values.Min(), values.Max());
        if (area)
        {
            max = Math.Max(max, 0m);
        }

        if (max == min)
        {
            (min, max) = (min - 1m, max + 1m);
        }

        // The value labels end 6 units left of the plot, so the plot starts where the longest of them fits: a fixed margin
        // cut the leading digits of long labels ("25,158.33" showed as "5,158.33").
        var (maxLabel, minLabel) = (Axis(max, area), Axis(min, area));
        var left = Math.Max(70, (int)Math.Ceiling((Math.Max(maxLabel.Length, minLabel.Length) * LabelCharWidth) + 6 + 4));

        double X(long ticks) => left + ((double)(ticks - first) / span * (ChartWidth - left - right));
        double Y(decimal v) => top + ((double)((max - v) / (max - min)) * (ChartHeight - top - bottom));
        var points = string.Join(' ', curve.Select((p, i) => $"{F(X(p.At.UtcTicks))},{F(Y(values[i]))}"));
        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {ChartWidth} {ChartHeight}\" width=\"100%\" role=\"img\">");
        svg.Append($"<rect x=\"{left}\" y=\"{top}\" width=\"{ChartWidth - left - right}\" height=\"{ChartHeight - top - bottom}\" fill=\"#fafbfc\" stroke=\"#eceef2\"/>");
        if (area)
        {
            svg.Append($"<polygon fill=\"{colour}\" fill-opacity=\"0.25\" points=\"{F(X(first))},{F(Y(0m))} {points} {F(X(curve[^1].At.UtcTicks))},{F(Y(0m))}\"/>");
        }

        svg.Append($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.5\" points=\"{points}\"/>");
        svg.Append($"<text x=\"{left - 6}\" y=\"{top + 10}\" font-size=\"{LabelFontSize}\" text-anchor=\"end\" fill=\"#5b6472\">{E(maxLabel)}</text>");
        svg.Append($"<text x=\"{left - 6}\" y=\"{ChartHeight - bottom}\" font-size=\"{LabelFontSize}\" text-anchor=\"end\" fill=\"#5b6472\">{E(minLabel)}</text>");
        svg.Append($"<text x=\"{left}\" y=\"{ChartHeight - 6}\" font-size=\"11\" fill=\"#5b6472\">{E(Time(curve[0].At))}</text>");
        svg.Append($"<text x=\"{ChartWidth - right}\" y=\"{ChartHeight - 6}\" font-size=\"11\" text-anchor=\"end\" fill=\"#5b6472\">{E(Time(curve[^1].At))}</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void Panel(StringBuilder html, string heading, Action<StringBuilder> body, int level = 2)
    {
        html.Append($"<section><h{level}><span class=\"badge\">BACKTEST</span>{E(heading)}</h{level}>");
        body(html);
        html.Append("</section>\n");
    }

    private static void Kpi(StringBuilder html, string label, string value, decimal? sign = null)
    {
        var css = sign is < 0m ? " class=\"neg\"" : sign is > 0m ? " class=\"pos\"" : string.Empty;
        html.Append($"<div class=\"kpi\"><b{css}>{E(value)}</b><span>{E(label)}</span></div>");
    }

    private static string Signed(decimal value) => $"<td class=\"{(value < 0m ? "neg" : value > 0m ? "pos" : string.Empty)}\">{E(Money(value))}</td>";

    private static string Money(decimal value) => value.ToString("#,##0.00####", CultureInfo.InvariantCulture);

    private static string Plain(decimal value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static string Percent(decimal value) => (value * 100m).ToString("0.##", CultureInfo.InvariantCulture) + " %";

    private static string Ratio(decimal? value) => value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : "—";

    /// <summary>An axis is read to the cent (or the hundredth of a percent): the table and the headline carry the exact figures.</summary>
    private static string Axis(decimal value, bool percent) => percent ? Percent(value) : value.ToString("#,##0.00", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Short(string id) => id.Length > 18 ? $"{id[..10]}…{id[^6..]}" : id;

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
