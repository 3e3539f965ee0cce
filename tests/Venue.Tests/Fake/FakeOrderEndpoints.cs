using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Polytraders.Polymarket.Crypto;
using Polytraders.Polymarket.Orders;

namespace Polytraders.Venue.Tests.Fake;

/// <summary>
/// POST /order as the CLOB checks it: L2 auth over the exact body, the per-key order rate limit (429 + Retry-After),
/// owner = API key, the maker and signer rules of the order's signature type (<see cref="FakeSignatureRules"/>),
/// time-in-force rules, tick size, minimum size and the maker's pUSD balance; then a marketable order matches in full and
/// anything else rests. Also DELETE /order, DELETE /cancel-all, GET /data/orders, /data/trades, /balance-allowance.
/// </summary>
public static class FakeOrderEndpoints
{
    public static void Map(WebApplication app, FakeClob clob)
    {
        var state = clob.State;
        app.MapPost("/order", async (HttpContext context) =>
        {
            var body = await FakeJson.BodyAsync(context);
            var (account, authError) = FakeAuth.VerifyL2(context, body, state);
            if (account is null)
            {
                return FakeJson.Error(401, authError!);
            }

            if (!state.AdmitOrder(account.ApiKey, DateTimeOffset.UtcNow))
            {
                context.Response.Headers.RetryAfter = state.OrderRetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return FakeJson.Error(429, "Too Many Requests");
            }

            return Place(clob, account, body);
        });

        app.MapDelete("/order", async (HttpContext context) =>
        {
            var body = await FakeJson.BodyAsync(context);
            var (account, authError) = FakeAuth.VerifyL2(context, body, state);
            if (account is null)
            {
                return FakeJson.Error(401, authError!);
            }

            var id = JsonDocument.Parse(body).RootElement.GetProperty("orderID").GetString()!;
            return state.OpenOrders.TryRemove(id, out _)
                ? FakeJson.Ok(new Dictionary<string, object> { ["canceled"] = new[] { id }, ["not_canceled"] = new Dictionary<string, string>() })
                : FakeJson.Ok(new Dictionary<string, object> { ["canceled"] = Array.Empty<string>(), ["not_canceled"] = new Dictionary<string, string> { [id] = "order not found" } });
        });

        app.MapDelete("/cancel-all", (HttpContext context) =>
        {
            var (account, authError) = FakeAuth.VerifyL2(context, "", state);
            if (account is null)
            {
                return FakeJson.Error(401, authError!);
            }

            var mine = state.OpenOrders.Values.Where(o => o.ApiKey == account.ApiKey).Select(o => o.OrderHash).ToList();
            mine.ForEach(id => state.OpenOrders.TryRemove(id, out _));
            return FakeJson.Ok(new Dictionary<string, object> { ["canceled"] = mine, ["not_canceled"] = new Dictionary<string, string>() });
        });

        app.MapGet("/data/orders", (HttpContext context) =>
        {
            var (account, authError) = FakeAuth.VerifyL2(context, "", state);
            if (account is null)
            {
                return FakeJson.Error(401, authError!);
            }

            var data = state.OpenOrders.Values.Where(o => o.ApiKey == account.ApiKey).Select(o => new Dictionary<string, object?>
            {
                ["id"] = o.OrderHash,
                ["status"] = "LIVE",
                ["market"] = state.Markets.TryGetValue(o.TokenId, out var m) ? m.ConditionId : "",
                ["asset_id"] = o.TokenId,
                ["side"] = o.Side,
                ["original_size"] = o.Shares.ToString(CultureInfo.InvariantCulture),
                ["size_matched"] = "0",
                ["price"] = o.Price.ToString(CultureInfo.InvariantCulture),
                ["order_type"] = o.OrderType,
                ["created_at"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["expiration"] = o.Expiration.ToString(CultureInfo.InvariantCulture),
                ["associate_trades"] = Array.Empty<string>(),
            }).ToList();
            return FakeJson.Ok(new Dictionary<string, object> { ["data"] = data, ["next_cursor"] = "LTE=", ["limit"] = 100, ["count"] = data.Count });
        });

        app.MapGet("/data/order/{id}", (HttpContext context, string id) =>
        {
            var (account, authError) = FakeAuth.VerifyL2(context, "", state);
            if (account is null)
            {
                return FakeJson.Error(401, authError!);
            }

            // Only open orders are answered; a filled or cancelled one gives nothing (py-clob-client issue #217).
            return state.OpenOrders.TryGetValue(id, out var o) && o.ApiKey == account.ApiKey
                ? FakeJson.Ok(new Dictionary<string, object?>
                {
                    ["id"] = o.OrderHash,
                    ["status"] = "LIVE",
                    ["asset_id"] = o.TokenId,
                    ["side"] = o.Side,
                    ["original_size"] = o.Shares.ToString(CultureInfo.InvariantCulture),
                    ["size_matched"] = "0",
                    ["price"] = o.Price.ToString(CultureInfo.InvariantCulture),
                })
                : Results.Text("null", "application/json");
        });

        app.MapGet("/data/trades", (HttpContext context) =>
        {
            var (account, authError) = FakeAuth.VerifyL2(context, "", state);
            if (account is null)
            {
                return FakeJson.Error(401, authError!);
            }

            var asset = context.Request.Query["asset_id"].ToString();
            var after = long.TryParse(context.Request.Query["after"], CultureInfo.InvariantCulture, out var a) ? a : 0;
            var data = state.Trades
                .Where(t => t.Order.ApiKey == account.ApiKey && (asset.Length == 0 || t.Order.TokenId == asset) && t.MatchTime >= after)
                .Select(t => System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object?>>(FakeSockets.TradeFrame(account.ApiKey, t, t.Status)))
                .ToList();
            return FakeJson.Ok(new Dictionary<string, object> { ["data"] = data, ["next_cursor"] = "LTE=", ["limit"] = 100, ["count"] = data.Count });
        });

        app.MapGet("/balance-allowance", (HttpContext context) =>
        {
            var (account, authError) = FakeAuth.VerifyL2(context, "", state);
            if (account is null)
            {
                return FakeJson.Error(401, authError!);
            }

            if (context.Request.Query["asset_type"].ToString() is not ("COLLATERAL" or "CONDITIONAL"))
            {
                return FakeJson.Error(400, "invalid asset_type");
            }

            var balance = state.PusdBalances.GetValueOrDefault(account.Address);
            return FakeJson.Ok(new Dictionary<string, object>
            {
                ["balance"] = balance.ToString(CultureInfo.InvariantCulture),
                ["allowances"] = new Dictionary<string, string> { [CtfExchangeV2.Exchange.ToString()] = "115792089237316195423570985008687907853269984665640564039457584007913129639935" },
            });
        });
    }

    private static IResult Place(FakeClob clob, FakeAccount account, string body)
    {
        var state = clob.State;
        JsonElement root;
        OrderV2 order;
        byte[] signature;
        try
        {
            root = JsonDocument.Parse(body).RootElement;
            var o = root.GetProperty("order");
            order = new OrderV2(
                Salt: o.GetProperty("salt").GetUInt64(),
                Maker: EthereumAddress.Parse(o.GetProperty("maker").GetString()!),
                Signer: EthereumAddress.Parse(o.GetProperty("signer").GetString()!),
                TokenId: BigInteger.Parse(o.GetProperty("tokenId").GetString()!, CultureInfo.InvariantCulture),
                MakerAmount: ulong.Parse(o.GetProperty("makerAmount").GetString()!, CultureInfo.InvariantCulture),
                TakerAmount: ulong.Parse(o.GetProperty("takerAmount").GetString()!, CultureInfo.InvariantCulture),
                Side: o.GetProperty("side").GetString() == "BUY" ? OrderSide.Buy : OrderSide.Sell,
                SignatureType: (OrderSignatureType)o.GetProperty("signatureType").GetByte(),
                TimestampMs: ulong.Parse(o.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture),
                Metadata: Bytes32.Parse(o.GetProperty("metadata").GetString()!),
                Builder: Bytes32.Parse(o.GetProperty("builder").GetString()!));
            signature = Hex.Decode(o.GetProperty("signature").GetString()!);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or FormatException or InvalidOperationException or ArgumentException)
        {
            return FakeJson.Error(400, "Invalid order payload");
        }

        if (root.GetProperty("owner").GetString() != account.ApiKey)
        {
            return FakeJson.Error(400, "the order owner has to be the owner of the API KEY");
        }

        var tokenId = order.TokenId.ToString(CultureInfo.InvariantCulture);
        if (!state.Markets.TryGetValue(tokenId, out var market))
        {
            return FakeJson.Error(400, "market not found");
        }

        var hash = OrderSigning.ComputeOrderHash(order, CtfExchangeV2.Domain(FakeClob.ChainId, market.NegRisk));
        if (FakeSignatureRules.Refusal(order, signature, hash, account, state) is { } refusal)
        {
            return FakeJson.Error(400, refusal);
        }

        var orderType = root.GetProperty("orderType").GetString()!;
        var postOnly = root.GetProperty("postOnly").GetBoolean();
        var expiration = ulong.Parse(root.GetProperty("order").GetProperty("expiration").GetString()!, CultureInfo.InvariantCulture);
        if (orderType is not ("GTC" or "GTD" or "FOK" or "FAK"))
        {
            return FakeJson.Error(400, $"invalid order type {orderType}");
        }

        if (orderType == "GTD" ? expiration < (ulong)DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds() : expiration != 0)
        {
            return FakeJson.Error(400, "invalid expiration");
        }

        if (postOnly && orderType is not ("GTC" or "GTD"))
        {
            return FakeJson.Error(400, "invalid post-only order: only GTC and GTD orders can be post-only");
        }

        var buy = order.Side == OrderSide.Buy;
        decimal pusd = buy ? order.MakerAmount : order.TakerAmount;
        decimal shares = buy ? order.TakerAmount : order.MakerAmount;
        var price = shares == 0 ? 0 : pusd / shares;
        if (price < market.TickSize || price > 1 - market.TickSize || price % market.TickSize != 0)
        {
            return FakeJson.Error(400, $"invalid price ({price.ToString(CultureInfo.InvariantCulture)}), min tick size {market.TickSize.ToString(CultureInfo.InvariantCulture)}");
        }

        if (shares / 1_000_000m < market.MinOrderSize)
        {
            return FakeJson.Error(400, $"invalid size ({(shares / 1_000_000m).ToString(CultureInfo.InvariantCulture)}), min size {market.MinOrderSize.ToString(CultureInfo.InvariantCulture)}");
        }

        var hashText = hash.ToString();
        if (state.AcceptedOrders.Any(a => string.Equals(a.OrderHash, hashText, StringComparison.OrdinalIgnoreCase)))
        {
            return FakeJson.Error(400, "order already exists");
        }

        if (buy && !TryReserve(state, order.Maker, (long)order.MakerAmount))
        {
            return FakeJson.Error(400, "not enough balance / allowance");
        }

        var crosses = buy ? market.BestAsk is { } ask && price >= ask : market.BestBid is { } bid && price <= bid;
        if (crosses && postOnly)
        {
            Release(state, order.Maker, buy ? (long)order.MakerAmount : 0);
            return FakeJson.Error(400, "invalid post-only order: order crosses book");
        }

        if (!crosses && orderType == "FOK")
        {
            Release(state, order.Maker, buy ? (long)order.MakerAmount : 0);
            return FakeJson.Error(400, "order couldn't be fully filled. FOK orders are fully filled or killed.");
        }

        var status = crosses ? "matched" : orderType == "FAK" ? "unmatched" : "live";
        if (status == "unmatched")
        {
            Release(state, order.Maker, buy ? (long)order.MakerAmount : 0);
        }

        var accepted = new AcceptedOrder(hashText, account.ApiKey, orderType, expiration, postOnly, status, tokenId, buy ? "BUY" : "SELL", price, shares / 1_000_000m);
        state.AcceptedOrders.Enqueue(accepted);
        var tradeIds = new List<string>();
        if (status == "live")
        {
            state.OpenOrders[hashText] = accepted;
        }
        else if (status == "matched")
        {
            var trade = new FakeTrade { Id = Guid.NewGuid().ToString(), Order = accepted, ConditionId = market.ConditionId, MatchTime = DateTimeOffset.UtcNow.ToUnixTimeSeconds() };
            tradeIds.Add(trade.Id);
            state.Trades.Enqueue(trade);
            clob.Sockets.PushTradeLifecycle(account.ApiKey, trade);
        }

        return FakeJson.Ok(new Dictionary<string, object?>
        {
            ["success"] = true,
            ["errorMsg"] = "",
            ["orderID"] = hashText,
            ["status"] = status,
            // Whole units as decimal strings, as the CLOB writes them ("9.999999"); "" when nothing matched.
            ["makingAmount"] = status == "matched" ? Units(order.MakerAmount) : "",
            ["takingAmount"] = status == "matched" ? Units(order.TakerAmount) : "",
            ["transactionsHashes"] = Array.Empty<string>(),
            ["tradeIDs"] = tradeIds,
        });
    }

    private static string Units(ulong baseUnits) => (baseUnits / 1_000_000m).ToString(CultureInfo.InvariantCulture);

    private static bool TryReserve(FakeClobState state, EthereumAddress address, long amount)
    {
        while (true)
        {
            var balance = state.PusdBalances.GetValueOrDefault(address);
            if (balance < amount)
            {
                return false;
            }

            if (state.PusdBalances.TryUpdate(address, balance - amount, balance))
            {
                return true;
            }
        }
    }

    private static void Release(FakeClobState state, EthereumAddress address, long amount)
    {
        if (amount > 0)
        {
            state.PusdBalances.AddOrUpdate(address, amount, (_, b) => b + amount);
        }
    }
}
