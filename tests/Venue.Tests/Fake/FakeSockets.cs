using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Polytraders.Venue.Tests.Fake;

/// <summary>
/// The two websocket channels. Market: the first message must subscribe ({"assets_ids": […], "type": "market"}); the
/// fake answers with the books of the known assets as one array frame, answers "PING" with "PONG", and pushes whatever
/// a test sends. User: the first message must carry valid {"auth": {apiKey, secret, passphrase}}, or the socket is
/// closed with 1008; after a match the fake pushes the trade's MATCHED, MINED and CONFIRMED frames.
/// </summary>
public sealed class FakeSockets(FakeClob clob)
{
    private readonly ConcurrentDictionary<FakeSocket, byte> _market = new();
    private readonly ConcurrentDictionary<FakeSocket, byte> _user = new();
    private readonly ConcurrentBag<Task> _pushes = [];
    private int _pings;
    private int _userAuthFailures;

    public ConcurrentQueue<IReadOnlyList<string>> MarketSubscriptions { get; } = new();

    public ConcurrentQueue<string> UserSubscriptionKeys { get; } = new();

    public int Pings => Volatile.Read(ref _pings);

    public int UserAuthFailures => Volatile.Read(ref _userAuthFailures);

    public int OpenMarketSockets => _market.Count;

    /// <summary>False makes the fake a silent peer: PINGs are counted but never answered.</summary>
    public bool AnswerPings { get; set; } = true;

    public void Map(WebApplication app)
    {
        app.Map("/ws/market", MarketAsync);
        app.Map("/ws/user", UserAsync);
    }

    public async Task PushMarketAsync(string json)
    {
        foreach (var socket in _market.Keys)
        {
            await socket.SendAsync(json);
        }
    }

    public async Task PushUserAsync(string apiKey, string json)
    {
        foreach (var socket in _user.Keys.Where(s => s.ApiKey == apiKey))
        {
            await socket.SendAsync(json);
        }
    }

    /// <summary>Drops every market connection as a network failure would.</summary>
    public void DropMarketConnections()
    {
        foreach (var socket in _market.Keys)
        {
            socket.Abort();
        }
    }

    public void DropAll()
    {
        foreach (var socket in _market.Keys.Concat(_user.Keys))
        {
            socket.Abort();
        }
    }

    public Task PushesCompleted => Task.WhenAll(_pushes);

    /// <summary>The trade of a matched order, as the user channel reports it through settlement.</summary>
    public void PushTradeLifecycle(string apiKey, FakeTrade trade)
    {
        _pushes.Add(Task.Run(async () =>
        {
            foreach (var status in new[] { "MATCHED", "MINED", "CONFIRMED" })
            {
                trade.Status = status;
                await PushUserAsync(apiKey, TradeFrame(apiKey, trade, status));
                await Task.Delay(clob.State.TradeStepDelay);
            }
        }));
    }

    public static string TradeFrame(string apiKey, FakeTrade trade, string status)
    {
        var order = trade.Order;
        var tradeId = trade.Id;
        var conditionId = trade.ConditionId;
        var now = trade.MatchTime.ToString(CultureInfo.InvariantCulture);
        return FakeJson.Serialize(new Dictionary<string, object?>
        {
            ["asset_id"] = order.TokenId,
            ["event_type"] = "trade",
            ["id"] = tradeId,
            ["last_update"] = now,
            ["maker_orders"] = new[]
            {
                new Dictionary<string, string>
                {
                    ["asset_id"] = order.TokenId,
                    ["matched_amount"] = order.Shares.ToString(CultureInfo.InvariantCulture),
                    ["order_id"] = "0x" + new string('e', 64),
                    ["outcome"] = "YES",
                    ["owner"] = Guid.Empty.ToString(),
                    ["price"] = order.Price.ToString(CultureInfo.InvariantCulture),
                },
            },
            ["market"] = conditionId,
            ["match_time"] = now,
            ["outcome"] = "YES",
            ["owner"] = apiKey,
            ["price"] = order.Price.ToString(CultureInfo.InvariantCulture),
            ["side"] = order.Side,
            ["size"] = order.Shares.ToString(CultureInfo.InvariantCulture),
            ["status"] = status,
            ["taker_order_id"] = order.OrderHash,
            ["timestamp"] = now,
            ["trade_owner"] = apiKey,
            ["type"] = "TRADE",
        });
    }

    /// <summary>
    /// An "order" frame of the user channel (docs.polymarket.com user-channel order message) for one of the fake's
    /// accepted orders: <paramref name="type"/> PLACEMENT, UPDATE or CANCELLATION, at <paramref name="timestamp"/> (Unix
    /// seconds), with the GTD <paramref name="expiration"/> the order was posted with (0 for none).
    /// </summary>
    public static string OrderFrame(string apiKey, AcceptedOrder order, string conditionId, string type, long timestamp, long expiration = 0, decimal sizeMatched = 0m) =>
        FakeJson.Serialize(new Dictionary<string, object?>
        {
            ["asset_id"] = order.TokenId,
            ["associate_trades"] = null,
            ["event_type"] = "order",
            ["expiration"] = expiration.ToString(CultureInfo.InvariantCulture),
            ["id"] = order.OrderHash,
            ["market"] = conditionId,
            ["order_owner"] = apiKey,
            ["order_type"] = order.OrderType,
            ["original_size"] = order.Shares.ToString(CultureInfo.InvariantCulture),
            ["outcome"] = "YES",
            ["owner"] = apiKey,
            ["price"] = order.Price.ToString(CultureInfo.InvariantCulture),
            ["side"] = order.Side,
            ["size_matched"] = sizeMatched.ToString(CultureInfo.InvariantCulture),
            ["timestamp"] = timestamp.ToString(CultureInfo.InvariantCulture),
            ["type"] = type,
        });

    private async Task MarketAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var ws = await context.WebSockets.AcceptWebSocketAsync();
        var socket = new FakeSocket(ws);
        try
        {
            var first = await FakeSocket.ReceiveAsync(ws, context.RequestAborted);
            if (first is null)
            {
                return;
            }

            using var subscription = JsonDocument.Parse(first);
            var assets = subscription.RootElement.GetProperty("assets_ids").EnumerateArray().Select(a => a.GetString()!).ToList();
            if (subscription.RootElement.GetProperty("type").GetString() != "market")
            {
                await ws.CloseAsync(WebSocketCloseStatus.PolicyViolation, "bad subscription", CancellationToken.None);
                return;
            }

            MarketSubscriptions.Enqueue(assets);
            _market[socket] = 0;
            var books = assets.Select(a => clob.State.Markets.GetValueOrDefault(a)).OfType<FakeMarket>()
                .Select(m => (object)new Dictionary<string, object?>(FakeMarketDataEndpoints.Book(m)) { ["event_type"] = "book" }).ToList();
            if (books.Count > 0)
            {
                await socket.SendAsync(FakeJson.Serialize(books));
            }

            await PingPongAsync(ws, socket, context.RequestAborted);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            // Dropped.
        }
        finally
        {
            _market.TryRemove(socket, out _);
        }
    }

    private async Task UserAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var ws = await context.WebSockets.AcceptWebSocketAsync();
        FakeSocket? socket = null;
        try
        {
            var first = await FakeSocket.ReceiveAsync(ws, context.RequestAborted);
            if (first is null)
            {
                return;
            }

            using var subscription = JsonDocument.Parse(first);
            var auth = subscription.RootElement.GetProperty("auth");
            var key = auth.GetProperty("apiKey").GetString() ?? "";
            if (!clob.State.Accounts.TryGetValue(key, out var account)
                || !FakeAuth.FixedEquals(auth.GetProperty("secret").GetString() ?? "", account.Secret)
                || !FakeAuth.FixedEquals(auth.GetProperty("passphrase").GetString() ?? "", account.Passphrase))
            {
                Interlocked.Increment(ref _userAuthFailures);
                await ws.CloseAsync(WebSocketCloseStatus.PolicyViolation, "Unauthorized", CancellationToken.None);
                return;
            }

            UserSubscriptionKeys.Enqueue(key);
            socket = new FakeSocket(ws, key);
            _user[socket] = 0;
            await PingPongAsync(ws, socket, context.RequestAborted);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            // Dropped.
        }
        finally
        {
            if (socket is not null)
            {
                _user.TryRemove(socket, out _);
            }
        }
    }

    private async Task PingPongAsync(WebSocket ws, FakeSocket socket, CancellationToken cancellationToken)
    {
        while (await FakeSocket.ReceiveAsync(ws, cancellationToken) is { } text)
        {
            if (text == "PING")
            {
                Interlocked.Increment(ref _pings);
                if (AnswerPings)
                {
                    await socket.SendAsync("PONG", cancellationToken);
                }
            }
        }
    }
}
