using System.Net;
using System.Text.Json.Nodes;
using Polytraders.Contracts;

namespace Polytraders.Gateway.Tests;

/// <summary>
/// A reviewer flooding a Portfolio with writes: each is refused (403) and none is lost from the audit trail, yet the
/// chain grows by one envelope at once and one summary when the window closes, whose counts add up to the flood.
/// </summary>
[Collection(OwnHosts.Name)]
public sealed class RefusalFloodTests(RefusalFloodTests.Host host) : IClassFixture<RefusalFloodTests.Host>
{
    private const int Flood = 240;

    [Fact]
    public async Task a_flood_of_refused_writes_adds_a_bounded_number_of_envelopes_whose_counts_add_up()
    {
        var portfolioId = await host.NewPortfolioAsync();
        var path = $"/api/v1/portfolios/{portfolioId}/trading-state";
        using var reviewer = host.AsReviewer();

        var started = DateTimeOffset.UtcNow;
        var answers = await Task.WhenAll(Enumerable.Range(0, Flood).Select(_ => reviewer.PostAsync(path, Http.Json("""{"state":"HALTED","reason":"flood"}"""))));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Forbidden, a.StatusCode));

        // At once: the first refusal of the window, counted as one.
        var first = Assert.Single(await RefusalsAsync(portfolioId));
        Assert.Equal($"reviewer:{GatewayHost.ReviewerId}", first["actor"]!.GetValue<string>());
        Assert.Equal(1, first["payload"]!["refusals"]!["count"]!.GetValue<long>());

        // When the window closes: one summary with the rest.
        var envelopes = await Eventually(portfolioId, count: 2);
        Assert.Equal(2, envelopes.Count);
        var summary = envelopes[1]["payload"]!["refusals"]!;
        Assert.Equal(Flood, envelopes.Sum(e => e["payload"]!["refusals"]!["count"]!.GetValue<long>()));
        Assert.Equal(first["payload"]!["refusals"]!["window_start"]!.GetValue<string>(), summary["window_start"]!.GetValue<string>());
        Assert.True(DateTimeOffset.Parse(summary["window_end"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) > started);
        Assert.Contains($"{Flood - 1} more writes refused", envelopes[1]["payload"]!["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        // A refusal after the window opens a new one, counted from one again; the chain holds.
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostAsync(path, Http.Json("{}"))).StatusCode);
        var after = await RefusalsAsync(portfolioId);
        Assert.Equal(3, after.Count);
        Assert.Equal(1, after[2]["payload"]!["refusals"]!["count"]!.GetValue<long>());
        var verification = await Http.ReadJsonAsync(await reviewer.GetAsync($"/api/v1/audit/verify?portfolioId={portfolioId}"), HttpStatusCode.OK);
        Assert.True(verification["valid"]!.GetValue<bool>());
    }

    [Fact]
    public async Task the_operator_is_not_counted_with_the_reviewer()
    {
        var portfolioId = await host.NewPortfolioAsync();
        using var reviewer = host.AsReviewer();

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostAsync($"/api/v1/portfolios/{portfolioId}/trading-state", Http.Json("{}"))).StatusCode);
        }

        var operatorChange = await host.AsOperator().PostAsync(
            $"/api/v1/portfolios/{portfolioId}/trading-state",
            Http.Json("""{"state":"REDUCING","reason":"not a refusal"}"""));

        Assert.Equal(HttpStatusCode.OK, operatorChange.StatusCode);
        Assert.Single(await RefusalsAsync(portfolioId));
    }

    private async Task<List<JsonNode>> RefusalsAsync(string portfolioId)
    {
        var page = await Http.ReadJsonAsync(
            await host.AsOperator().GetAsync($"/api/v1/audit?portfolioId={portfolioId}&reasonCode={ReasonCodes.SecForbiddenRole}&limit=1000"),
            HttpStatusCode.OK);
        return [.. page["items"]!.AsArray().Select(e => e!).OrderBy(e => e["sequence"]!.GetValue<long>())];
    }

    private async Task<List<JsonNode>> Eventually(string portfolioId, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var envelopes = await RefusalsAsync(portfolioId);
            if (envelopes.Count >= count || DateTime.UtcNow > deadline)
            {
                return envelopes;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>A short refusal window, and write limits high enough for the flood to reach authorization.</summary>
    public sealed class Host : GatewayWithEmbeddedSilo
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
        [
            new("Gateway:RefusalAudit:Window", "00:00:01.500"),
            new("Gateway:RateLimits:Writes:TokenLimit", "10000"),
        ];
    }
}
