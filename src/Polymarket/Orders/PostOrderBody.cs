using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Polytraders.Polymarket.Orders;

/// <summary>
/// The JSON body of POST /order. Shape and encodings follow order_to_json_v2 in py-clob-client-v2
/// py_clob_client_v2/order_utils/model/order_data_v2.py and the SignedOrder serializer in
/// rs-clob-client-v2 src/clob/types/mod.rs: salt as a JSON number; tokenId, amounts, expiration
/// and timestamp as decimal strings; side as "BUY"/"SELL"; signatureType as a number; the
/// signature inside "order"; then owner (the L2 API key), orderType, deferExec, postOnly.
/// The body is compact: the L2 HMAC is taken over exactly these bytes.
/// </summary>
public static class PostOrderBody
{
    public static string Serialize(
        SignedOrderV2 signed,
        string owner,
        OrderType orderType,
        ulong expirationSeconds = 0,
        bool postOnly = false,
        bool deferExec = false)
    {
        ArgumentNullException.ThrowIfNull(signed);
        ArgumentException.ThrowIfNullOrEmpty(owner);

        // Both rules are the CLOB's, enforced client-side by rs-clob-client-v2 OrderBuilder::build.
        if (expirationSeconds != 0 && orderType != OrderType.Gtd)
        {
            throw new ArgumentException("Only GTD orders carry an expiration.", nameof(expirationSeconds));
        }

        if (postOnly && orderType is not (OrderType.Gtc or OrderType.Gtd))
        {
            throw new ArgumentException("postOnly is only valid for GTC and GTD orders.", nameof(postOnly));
        }

        var order = signed.Order;
        using var buffer = new MemoryStream(640);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("order");
            json.WriteNumber("salt", order.Salt);
            json.WriteString("maker", order.Maker.ToString());
            json.WriteString("signer", order.Signer.ToString());
            json.WriteString("tokenId", order.TokenId.ToString(CultureInfo.InvariantCulture));
            json.WriteString("makerAmount", order.MakerAmount.ToString(CultureInfo.InvariantCulture));
            json.WriteString("takerAmount", order.TakerAmount.ToString(CultureInfo.InvariantCulture));
            json.WriteString("side", order.Side == OrderSide.Buy ? "BUY" : "SELL");
            json.WriteString("expiration", expirationSeconds.ToString(CultureInfo.InvariantCulture));
            json.WriteNumber("signatureType", (int)order.SignatureType);
            json.WriteString("timestamp", order.TimestampMs.ToString(CultureInfo.InvariantCulture));
            json.WriteString("metadata", order.Metadata.ToString());
            json.WriteString("builder", order.Builder.ToString());
            json.WriteString("signature", signed.Signature);
            json.WriteEndObject();
            json.WriteString("owner", owner);
            json.WriteString("orderType", orderType.ToString().ToUpperInvariant());
            json.WriteBoolean("deferExec", deferExec);
            json.WriteBoolean("postOnly", postOnly);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
