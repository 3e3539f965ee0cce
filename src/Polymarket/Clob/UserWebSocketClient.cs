using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Polytraders.Polymarket.Clob;

/// <summary>
/// The authenticated user channel (wss://…/ws/user). Subscribes with {"auth": {"apiKey", "secret", "passphrase"},
/// "markets": […], "type": "user"} (docs.polymarket.com market-data/websocket/user-channel; the credentials travel in
/// the subscription, so it is never logged) and turns "trade" events into <see cref="TradeUpdate"/>s and "order"
/// events into <see cref="OrderUpdate"/>s. A reconnect is reported as a <see cref="UserFeedGap"/>.
/// </summary>
public sealed partial class UserWebSocketClient : ClobSocketClient
{
    private readonly Channel<UserFeedEvent> _events = System.Threading.Channels.Channel.CreateBounded<UserFeedEvent>(
        new BoundedChannelOptions(10_000) { SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });

    private ClobAccount? _account;
    private IReadOnlyList<string> _markets = [];

    public UserWebSocketClient(IOptions<ClobOptions> options, TimeProvider time, ILogger<UserWebSocketClient> logger)
        : base(options.Value, time, logger)
    {
    }

    public ChannelReader<UserFeedEvent> Events => _events.Reader;

    protected override string ChannelName => "user";

    protected override Uri Url => Options.UserWebSocketUrl;

    /// <summary>Streams the account's events for <paramref name="markets"/> (condition ids; empty = all) until cancelled.</summary>
    public async Task RunAsync(ClobAccount account, IEnumerable<string> markets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(markets);
        _account = account;
        _markets = [.. markets.Distinct(StringComparer.Ordinal)];
        try
        {
            await RunConnectionLoopAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _events.Writer.TryComplete();
        }
    }

    protected override ValueTask<string> SubscriptionAsync(CancellationToken cancellationToken)
    {
        var credentials = (_account ?? throw new InvalidOperationException("RunAsync sets the account first.")).Credentials;
        using var buffer = new MemoryStream(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("auth");
            json.WriteString("apiKey", credentials.Key);
            json.WriteString("secret", credentials.Secret);
            json.WriteString("passphrase", credentials.Passphrase);
            json.WriteEndObject();
            json.WriteStartArray("markets");
            foreach (var market in _markets)
            {
                json.WriteStringValue(market);
            }

            json.WriteEndArray();
            json.WriteString("type", "user");
            json.WriteEndObject();
        }

        return ValueTask.FromResult(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    protected override async ValueTask OnConnectedAsync(SocketConnection connection, CancellationToken cancellationToken)
    {
        if (connection.IsReconnect)
        {
            var lostAt = connection.LostAt ?? connection.ConnectedAt;
            LogGap(Logger, lostAt, connection.ConnectedAt);
            await _events.Writer.WriteAsync(new UserFeedGap(lostAt, connection.ConnectedAt), cancellationToken).ConfigureAwait(false);
        }
    }

    protected override async ValueTask OnMessageAsync(string text, CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        using var json = JsonDocument.Parse(text);
        foreach (var e in ClobJsonElements.Objects(json.RootElement))
        {
            switch (e.String("event_type"))
            {
                case "trade" when e.Deserialize<ClobTrade>(ClobJson.Options) is { } trade:
                    await _events.Writer.WriteAsync(new TradeUpdate(now, trade), cancellationToken).ConfigureAwait(false);
                    break;
                case "order" when e.String("id") is { } id:
                    await _events.Writer.WriteAsync(
                        new OrderUpdate(
                            e.Int64("timestamp") is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : now,
                            id,
                            e.String("type") ?? "",
                            e.String("status"),
                            e.String("market") ?? "",
                            e.String("asset_id") ?? "",
                            e.SideOf("side"),
                            e.Decimal("price"),
                            e.Decimal("original_size"),
                            e.Decimal("size_matched"),
                            e.Int64("expiration")),
                        cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "CLOB user feed gap from {LostAt:o} to {ReconnectedAt:o}; trade updates in between must be reconciled from GET /data/trades")]
    private static partial void LogGap(ILogger logger, DateTimeOffset lostAt, DateTimeOffset reconnectedAt);
}
