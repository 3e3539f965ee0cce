using System.Net;
using System.Text.RegularExpressions;
using Polytraders.Contracts;

namespace Polytraders.Gateway.Tests;

/// <summary>GET /api/v1/backtests/{id}/report: the run's self-contained HTML report, once it has completed.</summary>
[Collection(WithEmbeddedSilo.Name)]
public sealed partial class BacktestReportEndpointTests(GatewayWithEmbeddedSilo host)
{
    [Fact]
    public async Task a_completed_run_has_a_self_contained_html_report_badged_BACKTEST_on_every_panel()
    {
        var client = host.AsOperator();
        var id = await BacktestRequests.StartAsync(client, BacktestRequests.Sample());
        Assert.Equal("completed", (await BacktestRequests.PollAsync(client, id))["status"]!.GetValue<string>());

        var response = await client.GetAsync($"/api/v1/backtests/{id}/report");

        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("BACKTEST", Assert.Single(response.Headers.GetValues("Polytraders-Badge")));
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains(id, html, StringComparison.Ordinal);
        Assert.Contains("momentum-crypto-1", html, StringComparison.Ordinal);
        var panels = html.Split("<section>").Length - 1;
        Assert.True(panels >= 6, $"{panels} panels");
        Assert.Equal(panels, html.Split("<span class=\"badge\">BACKTEST</span>").Length - 1);
        Assert.Equal(2, html.Split("<svg").Length - 1);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(ExternalReference().Matches(html));

        // Served from the API's origin, it may not load or run anything even if a value in it were hostile.
        Assert.Contains("default-src 'none'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_running_backtest_has_no_report_yet_STRAT_BACKTEST_NOT_FINISHED()
    {
        var client = host.AsOperator();
        var id = await BacktestRequests.StartAsync(client, BacktestRequests.Long());
        try
        {
            var response = await client.GetAsync($"/api/v1/backtests/{id}/report");

            var problem = await Http.ReadProblemAsync(response, HttpStatusCode.Conflict);
            Assert.Equal(ReasonCodes.StratBacktestNotFinished, Http.ReasonCode(problem));
            Assert.Equal("BACKTEST", Assert.Single(response.Headers.GetValues("Polytraders-Badge")));
        }
        finally
        {
            await client.DeleteAsync($"/api/v1/backtests/{id}");
        }
    }

    /// <summary>Any src= or href= (quoted or not) that names an http(s) or protocol-relative address.</summary>
    [GeneratedRegex("""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExternalReference();
}
