using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Polytraders.Polymarket.Clob;

/// <summary>
/// The public market channel (wss://…/ws/market). Subscribes with {"assets_ids": […], "type": "market",
/// "custom_feature_enabled": true} (docs.polymarket.com market-data/websocket/market-channel; the custom feature adds
/// best_bid_ask, new_market and market_resolved) and publishes parsed events on <see cref="Events"/>. After a
/// reconnect it resubscribes, reports a <see cref="FeedGap"/>, and marks the next book of each asset as the snapshot
/// that closes the gap (the venue sends a book on every subscribe).
/// </summary>
public sealed partial class MarketWebSocketClient : ClobSocketClient
{
    private readonly Channel<MarketFeedEvent> _events = System.Threading.Channels.Channel.CreateBounded<MarketFeedEvent>(
        new BoundedChannelOptions(10_000) { SingleReader = false, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly HashSet<string> _awaitingSnapshot = new(StringComparer.Ordinal);
    private IReadOnlyList<string> _assetIds = [];

    public MarketWebSocketClient(IOptions<ClobOptions> options, TimeProvider time, ILogger<MarketWebSocketClient> logger)
        : base(options.Value, time, logger)
    {
    }

    public ChannelReader<MarketFeedEvent> Events => _events.Reader;

    protected override string ChannelName => "market";

    protected override Uri Url => Options.MarketWebSocketUrl;

    /// <summary>Streams <paramref name="assetIds"/> until cancelled; completes <see cref="Events"/> when it returns.</summary>
    public async Task RunAsync(IEnumerable<string> assetIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assetIds);
        _assetIds = [.. assetIds.Distinct(StringComparer.Ordinal)];
        if (_assetIds.Count == 0)
        {
            throw new ArgumentException("Subscribe to at least one asset id.", nameof(assetIds));
        }

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
        using var buffer = new MemoryStream(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("assets_ids");
            foreach (var id in _assetIds)
            {
                json.WriteStringValue(id);
            }

            json.WriteEndArray();
            json.WriteString("type", "market");
            json.WriteBoolean("custom_feature_enabled", true);
            json.WriteEndObject();
        }

        return ValueTask.FromResult(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    protected override async ValueTask OnConnectedAsync(SocketConnection connection, CancellationToken cancellationToken)
    {
        if (!connection.IsReconnect)
        {
            return;
        }

        _awaitingSnapshot.Clear();
        _awaitingSnapshot.UnionWith(_assetIds);
        var lostAt = connection.LostAt ?? connection.ConnectedAt;
        LogGap(Logger, _assetIds.Count, lostAt, connection.ConnectedAt);
        await _events.Writer.WriteAsync(new FeedGap(_assetIds, lostAt, connection.ConnectedAt), cancellationToken).ConfigureAwait(false);
    }

    protected override async ValueTask OnMessageAsync(string text, CancellationToken cancellationToken)
    {
        foreach (var e in MarketMessageParser.Parse(text, Time.GetUtcNow()))
        {
            var item = e is BookSnapshot book && _awaitingSnapshot.Remove(book.AssetId) ? book with { AfterGap = true } : e;
            await _events.Writer.WriteAsync(item, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "CLOB market feed gap for {Assets} asset(s) from {LostAt:o} to {ReconnectedAt:o}; resubscribed, awaiting fresh books")]
    private static partial void LogGap(ILogger logger, int assets, DateTimeOffset lostAt, DateTimeOffset reconnectedAt);
}
