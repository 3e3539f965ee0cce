using System.Text.Json;

namespace Polytraders.Polymarket.Clob;

/// <summary>
/// Market channel frames → <see cref="MarketFeedEvent"/>s. A frame is one object or an array of them (the initial
/// book dump arrives as an array: parse_if_interested in rs-clob-client-v2 src/clob/ws/types/response.rs); each has
/// an "event_type". price_change carries a "price_changes" array (the format since September 2025); the older single
/// asset form with "changes" is read too. Unknown event types and malformed entries are skipped.
/// </summary>
public static class MarketMessageParser
{
    public static IReadOnlyList<MarketFeedEvent> Parse(string text, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(text);
        var events = new List<MarketFeedEvent>();
        using var json = JsonDocument.Parse(text);
        foreach (var e in ClobJsonElements.Objects(json.RootElement))
        {
            switch (e.String("event_type"))
            {
                case "book":
                    AddBook(e, receivedAt, events);
                    break;
                case "price_change":
                    AddPriceChanges(e, receivedAt, events);
                    break;
                case "last_trade_price" when e.Decimal("price") is { } price && e.String("asset_id") is { } asset:
                    events.Add(new LastTradePrice(e.String("market") ?? "", asset, e.Millis("timestamp", receivedAt), price, e.Decimal("size"), e.SideOf("side")));
                    break;
                case "best_bid_ask" when e.Decimal("best_bid") is { } bid && e.Decimal("best_ask") is { } ask && e.String("asset_id") is { } asset:
                    events.Add(new BestBidAsk(e.String("market") ?? "", asset, e.Millis("timestamp", receivedAt), bid, ask));
                    break;
                case "tick_size_change" when e.Decimal("old_tick_size") is { } old && e.Decimal("new_tick_size") is { } tick && e.String("asset_id") is { } asset:
                    events.Add(new TickSizeChanged(e.String("market") ?? "", asset, e.Millis("timestamp", receivedAt), old, tick));
                    break;
                case "market_resolved" when e.String("winning_asset_id") is { } winner:
                    var assets = e.Strings("assets_ids");
                    events.Add(new MarketResolved(
                        e.String("market") ?? "",
                        winner,
                        e.Millis("timestamp", receivedAt),
                        e.String("winning_outcome") ?? "",
                        assets.Count > 0 ? assets : e.Strings("asset_ids")));
                    break;
            }
        }

        return events;
    }

    private static void AddBook(JsonElement e, DateTimeOffset receivedAt, List<MarketFeedEvent> events)
    {
        if (e.String("asset_id") is not { } asset)
        {
            return;
        }

        // Early frames named the sides "buys" and "sells".
        var bids = Levels(e, "bids") ?? Levels(e, "buys") ?? [];
        var asks = Levels(e, "asks") ?? Levels(e, "sells") ?? [];
        events.Add(new BookSnapshot(e.String("market") ?? "", asset, e.Millis("timestamp", receivedAt), bids, asks, e.String("hash"), AfterGap: false));
    }

    private static void AddPriceChanges(JsonElement e, DateTimeOffset receivedAt, List<MarketFeedEvent> events)
    {
        var market = e.String("market") ?? "";
        var at = e.Millis("timestamp", receivedAt);
        var batch = e.TryGetProperty("price_changes", out var changes) && changes.ValueKind == JsonValueKind.Array;
        if (!batch && !(e.TryGetProperty("changes", out changes) && changes.ValueKind == JsonValueKind.Array))
        {
            return;
        }

        foreach (var c in changes.EnumerateArray())
        {
            if (c.ValueKind != JsonValueKind.Object || (c.String("asset_id") ?? e.String("asset_id")) is not { } asset
                || c.Decimal("price") is not { } price || c.SideOf("side") is not { } side)
            {
                continue;
            }

            events.Add(new PriceLevelChange(market, asset, at, price, c.Decimal("size"), side, c.Decimal("best_bid"), c.Decimal("best_ask"), c.String("hash")));
        }
    }

    private static List<BookLevel>? Levels(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var side) || side.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var levels = new List<BookLevel>();
        foreach (var level in side.EnumerateArray())
        {
            if (level.ValueKind == JsonValueKind.Object && level.Decimal("price") is { } price && level.Decimal("size") is { } size)
            {
                levels.Add(new BookLevel { Price = price, Size = size });
            }
        }

        return levels;
    }
}
