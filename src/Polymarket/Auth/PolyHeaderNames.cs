namespace Polytraders.Polymarket.Auth;

/// <summary>
/// CLOB authentication header names. Source: L1PolyHeader / L2PolyHeader in clob-client-v2
/// src/types/clob.ts and createL1Headers / createL2Headers in src/headers/index.ts.
/// </summary>
public static class PolyHeaderNames
{
    public const string Address = "POLY_ADDRESS";
    public const string Signature = "POLY_SIGNATURE";
    public const string Timestamp = "POLY_TIMESTAMP";
    public const string Nonce = "POLY_NONCE";
    public const string ApiKey = "POLY_API_KEY";
    public const string Passphrase = "POLY_PASSPHRASE";
}
