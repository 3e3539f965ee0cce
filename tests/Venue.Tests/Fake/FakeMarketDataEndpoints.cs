using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Polytraders.Venue.Tests.Fake;

/// <summary>The public GETs: /book, /tick-size, /neg-risk, /midpoint, /price, /time, /prices-history; and the L1 key endpoints.</summary>
public static class FakeMarketDataEndpoints
{
    public static void Map(WebApplication app, FakeClob clob)
    {
        var state = clob.State;
        app.MapGet("/book", (HttpContext c) => Market(state, c) is { } m ? FakeJson.Ok(Book(m)) : FakeJson.Error(404, "No orderbook exists for the requested token id"));
        app.MapGet("/tick-size", (HttpContext c) => Market(state, c) is { } m
            ? FakeJson.Ok(new Dictionary<string, object> { ["minimum_tick_size"] = m.TickSize })
            : FakeJson.Error(404, "market not found"));
        app.MapGet("/neg-risk", (HttpContext c) => Market(state, c) is { } m
            ? FakeJson.Ok(new Dictionary<string, object> { ["neg_risk"] = m.NegRisk })
            : FakeJson.Error(404, "market not found"));
        app.MapGet("/midpoint", (HttpContext c) => Market(state, c) is { BestBid: { } bid, BestAsk: { } ask }
            ? FakeJson.Ok(new Dictionary<string, object> { ["mid"] = Text((bid + ask) / 2) })
            : FakeJson.Error(404, "No orderbook exists for the requested token id"));
        app.MapGet("/price", (HttpContext c) =>
        {
            var m = Market(state, c);
            var side = c.Request.Query["side"].ToString();
            var price = side switch { "BUY" => m?.BestBid, "SELL" => m?.BestAsk, _ => null };
            return price is { } p ? FakeJson.Ok(new Dictionary<string, object> { ["price"] = Text(p) }) : FakeJson.Error(400, "Invalid side");
        });
        app.MapGet("/time", () => Results.Text(DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), "application/json"));
        app.MapGet("/prices-history", (HttpContext c) =>
        {
            var q = c.Request.Query;
            if (string.IsNullOrEmpty(q["market"]))
            {
                return FakeJson.Error(400, "market is required");
            }

            var hasInterval = !string.IsNullOrEmpty(q["interval"]);
            if (!hasInterval && (string.IsNullOrEmpty(q["startTs"]) || string.IsNullOrEmpty(q["endTs"])))
            {
                return FakeJson.Error(400, "interval or startTs and endTs are required");
            }

            IEnumerable<Polytraders.Polymarket.Clob.PriceHistoryPoint> points = state.History;
            if (!hasInterval)
            {
                var start = long.Parse(q["startTs"]!, CultureInfo.InvariantCulture);
                var end = long.Parse(q["endTs"]!, CultureInfo.InvariantCulture);
                points = points.Where(p => p.T >= start && p.T <= end);
            }

            // p is a JSON number, t Unix seconds, exactly as the CLOB answers.
            return FakeJson.Ok(new Dictionary<string, object> { ["history"] = points.Select(p => new Dictionary<string, object> { ["t"] = p.T, ["p"] = (double)p.P }).ToList() });
        });

        app.MapPost("/auth/api-key", (HttpContext c) =>
        {
            var (address, nonce, error) = FakeAuth.VerifyL1(c, FakeClob.ChainId, clob.State);
            if (address is not { } a)
            {
                return FakeJson.Error(401, error!);
            }

            var account = clob.IssueKey(a, nonce);
            return FakeJson.Ok(new Dictionary<string, string> { ["apiKey"] = account.ApiKey, ["secret"] = account.Secret, ["passphrase"] = account.Passphrase });
        });
        app.MapGet("/auth/derive-api-key", (HttpContext c) =>
        {
            var (address, nonce, error) = FakeAuth.VerifyL1(c, FakeClob.ChainId, clob.State);
            if (address is not { } a)
            {
                return FakeJson.Error(401, error!);
            }

            return clob.IssuedKey(a, nonce) is { } account
                ? FakeJson.Ok(new Dictionary<string, string> { ["apiKey"] = account.ApiKey, ["secret"] = account.Secret, ["passphrase"] = account.Passphrase })
                : FakeJson.Error(400, "Could not derive api key!");
        });
    }

    private static FakeMarket? Market(FakeClobState state, HttpContext context) =>
        state.Markets.GetValueOrDefault(context.Request.Query["token_id"].ToString());

    public static Dictionary<string, object?> Book(FakeMarket m) => new()
    {
        ["market"] = m.ConditionId,
        ["asset_id"] = m.TokenId,
        ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        ["hash"] = "0x" + Guid.NewGuid().ToString("N"),
        ["bids"] = m.Bids.OrderBy(l => l.Price).Select(Level).ToList(),
        ["asks"] = m.Asks.OrderByDescending(l => l.Price).Select(Level).ToList(),
        ["min_order_size"] = Text(m.MinOrderSize),
        ["tick_size"] = Text(m.TickSize),
        ["neg_risk"] = m.NegRisk,
        ["last_trade_price"] = "0.5",
    };

    private static Dictionary<string, string> Level(Polytraders.Polymarket.Clob.BookLevel l) =>
        new() { ["price"] = Text(l.Price), ["size"] = Text(l.Size) };

    private static string Text(decimal d) => d.ToString(CultureInfo.InvariantCulture);
}
