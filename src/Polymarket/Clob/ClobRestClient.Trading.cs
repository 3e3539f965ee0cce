using System.Text;
using System.Text.Json;
using Polytraders.Polymarket.Orders;

namespace Polytraders.Polymarket.Clob;

/// <summary>Authenticated (L2) trading and account calls.</summary>
public sealed partial class ClobRestClient
{
    /// <summary>
    /// POST /order, sent once. The body is <see cref="PostOrderBody.Serialize"/>'s compact JSON with the API key as
    /// owner, and the L2 HMAC covers exactly those bytes. GTD orders carry <paramref name="expirationSeconds"/>;
    /// <paramref name="postOnly"/> only with GTC/GTD (both rules enforced by PostOrderBody).
    /// </summary>
    public Task<PostOrderResponse> PostOrderAsync(
        SignedOrderV2 signed,
        ClobAccount account,
        OrderType orderType,
        ulong expirationSeconds = 0,
        bool postOnly = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signed);
        ArgumentNullException.ThrowIfNull(account);
        var body = PostOrderBody.Serialize(signed, account.Credentials.Key, orderType, expirationSeconds, postOnly);
        return SendAsync<PostOrderResponse>(L2(HttpMethod.Post, ClobEndpoints.PostOrder, account, body), cancellationToken);
    }

    /// <summary>DELETE /order with {"orderID": "0x…"} (py-clob-client-v2 cancel_order).</summary>
    public Task<CancelOrdersResponse> CancelOrderAsync(string orderId, ClobAccount account, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        var body = Compact(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("orderID", orderId);
            writer.WriteEndObject();
        });
        return SendAsync<CancelOrdersResponse>(L2(HttpMethod.Delete, ClobEndpoints.CancelOrder, account, body), cancellationToken);
    }

    /// <summary>DELETE /cancel-all, no body.</summary>
    public Task<CancelOrdersResponse> CancelAllAsync(ClobAccount account, CancellationToken cancellationToken = default) =>
        SendAsync<CancelOrdersResponse>(L2(HttpMethod.Delete, ClobEndpoints.CancelAll, account), cancellationToken);

    /// <summary>GET /data/orders: one page of open orders, filtered by market (condition id), asset (token id) or order id.</summary>
    public Task<ClobPage<OpenOrder>> GetOpenOrdersAsync(
        ClobAccount account,
        string? market = null,
        string? assetId = null,
        string? orderId = null,
        string cursor = ClobEndpoints.InitialCursor,
        CancellationToken cancellationToken = default) =>
        SendAsync<ClobPage<OpenOrder>>(
            L2(HttpMethod.Get, ClobEndpoints.OpenOrders, account) with { Query = Filters(("market", market), ("asset_id", assetId), ("id", orderId), ("next_cursor", cursor)) },
            cancellationToken);

    /// <summary>
    /// GET /data/order/{id}: the order while it is open, else null. The venue answers nothing for an order that was
    /// filled or cancelled (py-clob-client issue #217: "if the order was filled, it will be in get_trades"); a 404 is
    /// read the same way.
    /// </summary>
    public async Task<OpenOrder?> GetOrderAsync(string orderId, ClobAccount account, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        var request = L2(HttpMethod.Get, ClobEndpoints.Order + orderId, account);
        string body;
        try
        {
            body = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ClobApiException ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        var trimmed = body.Trim();
        return trimmed is "" or "null" or "{}" ? null : Deserialize<OpenOrder>(request, body);
    }

    /// <summary>GET /data/trades: one page of the account's trades (after/before in Unix seconds).</summary>
    public Task<ClobPage<ClobTrade>> GetTradesAsync(
        ClobAccount account,
        string? market = null,
        string? assetId = null,
        DateTimeOffset? after = null,
        DateTimeOffset? before = null,
        string cursor = ClobEndpoints.InitialCursor,
        CancellationToken cancellationToken = default) =>
        SendAsync<ClobPage<ClobTrade>>(
            L2(HttpMethod.Get, ClobEndpoints.Trades, account) with
            {
                Query = Filters(
                    ("market", market),
                    ("asset_id", assetId),
                    ("after", after?.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    ("before", before?.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    ("next_cursor", cursor)),
            },
            cancellationToken);

    /// <summary>GET /balance-allowance: pUSD (COLLATERAL) or an outcome token (CONDITIONAL with its token id).</summary>
    public Task<BalanceAllowance> GetBalanceAllowanceAsync(
        ClobAccount account,
        string assetType = ClobAssetType.Collateral,
        string? tokenId = null,
        CancellationToken cancellationToken = default) =>
        SendAsync<BalanceAllowance>(
            L2(HttpMethod.Get, ClobEndpoints.BalanceAllowance, account) with
            {
                Query = Filters(("asset_type", assetType), ("token_id", tokenId), ("signature_type", _options.SignatureType.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            },
            cancellationToken);

    private static ClobRequest L2(HttpMethod method, string path, ClobAccount account, string? body = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new ClobRequest(method, path) { Auth = ClobAuthLevel.L2, Account = account, Body = body };
    }

    private static KeyValuePair<string, string>[] Filters(params (string Name, string? Value)[] filters) =>
        [.. filters.Where(f => !string.IsNullOrEmpty(f.Value)).Select(f => new KeyValuePair<string, string>(f.Name, f.Value!))];

    private static string Compact(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream(64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
