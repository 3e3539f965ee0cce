using System.Net;
using System.Text.Json.Nodes;
using Polytraders.Contracts;
using Polytraders.Grains;

namespace Polytraders.Gateway.Tests;

/// <summary>Creating a Portfolio and replacing its config through the gateway on the embedded silo.</summary>
[Collection(WithEmbeddedSilo.Name)]
public sealed class PortfolioManagementTests(GatewayWithEmbeddedSilo host)
{
    private const string BtcMarket = "0x5acadb52ea02aa987de72018ef523d80d5c17cca826575ffd570f50902ab33ae";
    private const string BtcYes = "15826139320033972737636070982436082836215839087219735774546531343665545486909";

    private static int _next = 900;

    /// <summary>The README's creation fixture under an id of the test's own.</summary>
    public static JsonObject NewConfig(out string portfolioId, string tenantId = "TEN-DESK")
    {
        portfolioId = $"PORT-{Interlocked.Increment(ref _next):D3}";
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo(), "fixtures", "good", "PortfolioConfig", "port_100_created_through_the_api.json")))!.AsObject();
        config["portfolio_id"] = portfolioId;
        config["tenant_id"] = tenantId;
        return config;
    }

    public static async Task<JsonObject> CreatedAsync(HttpClient client, JsonObject config)
    {
        var response = await client.PostAsync("/api/v1/portfolios", Http.Json(config));
        var created = (await Http.ReadJsonAsync(response, HttpStatusCode.Created)).AsObject();
        Assert.Equal($"/api/v1/portfolios/{config["portfolio_id"]}", response.Headers.Location?.OriginalString);
        return created;
    }

    private static async Task<List<JsonObject>> ChainAsync(HttpClient client, string portfolioId)
    {
        var page = await Http.ReadJsonAsync(await client.GetAsync($"/api/v1/audit?portfolioId={portfolioId}&limit=100"), HttpStatusCode.OK);
        return page["items"]!.AsArray().Select(e => e!.AsObject()).ToList();
    }

    private static string Code(JsonObject envelope) => envelope["reason_code"]!.GetValue<string>();

    [Fact]
    public async Task an_operator_creates_a_portfolio_and_changes_its_config_each_audited_on_its_chain()
    {
        var alice = host.AsOperator();
        var config = NewConfig(out var id);

        var created = await CreatedAsync(alice, config);
        Assert.Equal("5000", created["balance"]!.GetValue<string>());
        Assert.Equal("Momentum desk - crypto sleeve", created["config"]!["name"]!.GetValue<string>());

        config["name"] = "Crypto sleeve (reduced)";
        config["risk_limits"]!["max_gross_exposure"] = "1000";
        config["cluster_caps"]![0]!["max_exposure"] = "800";
        var changed = await Http.ReadJsonAsync(await alice.PutAsync($"/api/v1/portfolios/{id}/config", Http.Json(config)), HttpStatusCode.OK);
        Assert.Equal("1000", changed["config"]!["risk_limits"]!["max_gross_exposure"]!.GetValue<string>());

        var chain = await ChainAsync(host.AsReviewer(), id);
        Assert.Equal([ReasonCodes.GovPortfolioCreated, ReasonCodes.GovPortfolioConfigChanged], chain.Select(Code));
        Assert.All(chain, e => Assert.Equal("operator:alice", e["actor"]!.GetValue<string>()));
        var detail = chain[1]["payload"]!["detail"]!.GetValue<string>();
        Assert.Contains("name: Momentum desk - crypto sleeve -> Crypto sleeve (reduced)", detail, StringComparison.Ordinal);
        Assert.Contains("risk_limits.max_gross_exposure: 2000 -> 1000", detail, StringComparison.Ordinal);
        Assert.Contains("cluster_caps[crypto].max_exposure: 1500 -> 800", detail, StringComparison.Ordinal);
        Assert.True((await Http.ReadJsonAsync(await alice.GetAsync($"/api/v1/audit/verify?portfolioId={id}"), HttpStatusCode.OK))["valid"]!.GetValue<bool>());

        // Seeding the Portfolio again (as every silo start does) keeps the config the API gave it.
        await host.Grains.GetGrain<IPortfolioGrain>(id).Seed(ContractJson.Deserialize<PortfolioConfig>(NewConfig(out _).ToJsonString()) with { PortfolioId = id });
        Assert.Equal("Crypto sleeve (reduced)", (await host.Grains.GetGrain<IPortfolioGrain>(id).GetState())!.Config.Name);

        // The same config again changes nothing and adds no link.
        Assert.Equal(HttpStatusCode.OK, (await alice.PutAsync($"/api/v1/portfolios/{id}/config", Http.Json(config))).StatusCode);
        Assert.Equal(2, (await ChainAsync(alice, id)).Count);
    }

    [Fact]
    public async Task a_cap_below_what_the_portfolio_holds_is_refused_naming_it_and_a_cap_that_still_holds_it_applies()
    {
        var alice = host.AsOperator();
        var config = NewConfig(out var id);
        await CreatedAsync(alice, config);
        await Http.ReadJsonAsync(await alice.PostAsync($"/api/v1/portfolios/{id}/strategies", Http.Json(Http.Launch($"managed-{id.ToLowerInvariant()}", id))), HttpStatusCode.Created);

        // 600 Yes shares of the BTC market at 0.50: 300 pUSD at cost in one crypto market, as a venue fill reports it.
        await host.Grains.GetGrain<IRiskGrain>(id).OnFill(new Fill
        {
            FillId = $"fill-{id}",
            ClientOrderId = $"order-{id}",
            PortfolioId = id,
            MarketId = BtcMarket,
            TokenId = BtcYes,
            Side = Side.Buy,
            Size = 600m,
            Price = 0.50m,
            Fee = 0m,
            FilledAt = DateTimeOffset.UtcNow,
            Venue = FillVenue.Paper,
            Status = FillStatus.Confirmed,
        });

        config["risk_limits"]!["max_position_per_market"] = "250";
        config["risk_limits"]!["max_order_notional"] = "50";
        var refused = await Http.ReadProblemAsync(await alice.PutAsync($"/api/v1/portfolios/{id}/config", Http.Json(config)), HttpStatusCode.Conflict);
        Assert.Equal(ReasonCodes.RiskCapBelowExposure, Http.ReasonCode(refused));
        Assert.Contains("risk_limits.max_position_per_market 250", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("500", (await Http.ReadJsonAsync(await alice.GetAsync($"/api/v1/portfolios/{id}"), HttpStatusCode.OK))["config"]!["risk_limits"]!["max_position_per_market"]!.GetValue<string>());

        config["risk_limits"]!["max_position_per_market"] = "300";
        var applied = await Http.ReadJsonAsync(await alice.PutAsync($"/api/v1/portfolios/{id}/config", Http.Json(config)), HttpStatusCode.OK);
        Assert.Equal("300", applied["config"]!["risk_limits"]!["max_position_per_market"]!.GetValue<string>());
        Assert.NotNull(applied["bound_strategy_id"]);

        var changedEnvelope = (await ChainAsync(alice, id)).Last(e => Code(e) == ReasonCodes.GovPortfolioConfigChanged);
        Assert.Equal(applied["active_launch_id"]!.GetValue<string>(), changedEnvelope["launch_id"]!.GetValue<string>());
        Assert.Equal("running", (await Http.ReadJsonAsync(await alice.GetAsync($"/api/v1/strategies/managed-{id.ToLowerInvariant()}"), HttpStatusCode.OK))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task fixed_fields_an_existing_id_and_another_tenant_are_refused_with_their_codes()
    {
        var alice = host.AsOperator();
        var config = NewConfig(out var id);
        await CreatedAsync(alice, config);

        var again = await Http.ReadProblemAsync(await alice.PostAsync("/api/v1/portfolios", Http.Json(config)), HttpStatusCode.Conflict);
        Assert.Equal(ReasonCodes.GovPortfolioExists, Http.ReasonCode(again));

        var bankroll = config.DeepClone().AsObject();
        bankroll["bankroll"] = "6000";
        var fixedField = await Http.ReadProblemAsync(await alice.PutAsync($"/api/v1/portfolios/{id}/config", Http.Json(bankroll)), HttpStatusCode.Conflict);
        Assert.Equal(ReasonCodes.GovPortfolioFieldImmutable, Http.ReasonCode(fixedField));
        Assert.StartsWith("bankroll", fixedField["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var foreign = NewConfig(out _, GatewayHost.OtherTenant);
        var mismatch = await Http.ReadProblemAsync(await alice.PostAsync("/api/v1/portfolios", Http.Json(foreign)), HttpStatusCode.BadRequest);
        Assert.Equal(ReasonCodes.GovInvalidRequest, Http.ReasonCode(mismatch));

        // Dave speaks for another Tenant: alice's Portfolio answers him as a missing one.
        var dave = host.As(GatewayHost.DaveKey);
        var hidden = await Http.ReadProblemAsync(await dave.PutAsync($"/api/v1/portfolios/{id}/config", Http.Json(config)), HttpStatusCode.NotFound);
        Assert.Equal(ReasonCodes.StratUnknownPortfolio, Http.ReasonCode(hidden));

        var route = await Http.ReadProblemAsync(await alice.PutAsync("/api/v1/portfolios/PORT-001/config", Http.Json(config)), HttpStatusCode.BadRequest);
        Assert.Equal(ReasonCodes.GovInvalidRequest, Http.ReasonCode(route));

        var capAboveExposure = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo(), "fixtures", "bad", "PortfolioConfig", "config_change_cluster_cap_above_gross_exposure.json")))!.AsObject();
        capAboveExposure.Remove("_why_bad");
        var broken = await Http.ReadProblemAsync(await alice.PutAsync("/api/v1/portfolios/PORT-100/config", Http.Json(capAboveExposure)), HttpStatusCode.BadRequest);
        Assert.Equal(ReasonCodes.GovInvalidRequest, Http.ReasonCode(broken));
        Assert.Contains("ClusterCapAboveExposure", broken.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_reviewer_can_neither_create_a_portfolio_nor_change_its_config()
    {
        var bob = host.AsReviewer();
        var config = NewConfig(out var id);

        var create = await Http.ReadProblemAsync(await bob.PostAsync("/api/v1/portfolios", Http.Json(config)), HttpStatusCode.Forbidden);
        var change = await Http.ReadProblemAsync(await bob.PutAsync("/api/v1/portfolios/PORT-001/config", Http.Json(config)), HttpStatusCode.Forbidden);

        Assert.Equal(ReasonCodes.SecForbiddenRole, Http.ReasonCode(create));
        Assert.Equal(ReasonCodes.SecForbiddenRole, Http.ReasonCode(change));
        Assert.Null(await host.Grains.GetGrain<IPortfolioGrain>(id).GetState());
    }

    private static string Repo() => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(BacktestRequests.SamplePath())!, "..", "..", ".."));
}
