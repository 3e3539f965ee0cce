namespace Polytraders.Polymarket.Clob;

/// <summary>
/// CLOB REST paths. Source: clob-client-v2 src/endpoints.ts and py-clob-client-v2 py_clob_client_v2/endpoints.py
/// (identical for these). Query parameters are not part of the L2-signed request path: the reference clients sign
/// the bare endpoint and send the parameters separately (py-clob-client-v2 client.py get_open_orders / get_trades).
/// </summary>
public static class ClobEndpoints
{
    public const string Time = "/time";
    public const string CreateApiKey = "/auth/api-key";
    public const string DeriveApiKey = "/auth/derive-api-key";
    public const string OrderBook = "/book";
    public const string Midpoint = "/midpoint";
    public const string Price = "/price";
    public const string TickSize = "/tick-size";
    public const string NegRisk = "/neg-risk";
    public const string PricesHistory = "/prices-history";
    public const string PostOrder = "/order";
    public const string CancelOrder = "/order";
    public const string CancelAll = "/cancel-all";
    public const string OpenOrders = "/data/orders";

    /// <summary>Prefix of GET /data/order/{order id}; the signed path includes the id. Answers for open orders only (py-clob-client issue #217).</summary>
    public const string Order = "/data/order/";
    public const string Trades = "/data/trades";
    public const string BalanceAllowance = "/balance-allowance";

    /// <summary>First and past-the-end pagination cursors. Source: py-clob-client-v2 constants.py (INITIAL_CURSOR "MA==", END_CURSOR "LTE=").</summary>
    public const string InitialCursor = "MA==";

    public const string EndCursor = "LTE=";
}
