using System.Text.Json.Serialization;

namespace Polytraders.Polymarket.Clob;

/// <summary>
/// GET /balance-allowance?asset_type=COLLATERAL|CONDITIONAL[&amp;token_id=…]&amp;signature_type=N. The balance is in
/// 6-decimal base units (pUSD and outcome shares both have 6: py-clob-client-v2 constants.py
/// COLLATERAL_TOKEN_DECIMALS / CONDITIONAL_TOKEN_DECIMALS). Source: BalanceAllowanceResponse in rs-clob-client-v2
/// src/clob/types/response.rs (balance, allowances keyed by spender).
/// </summary>
public sealed record BalanceAllowance
{
    [JsonPropertyName("balance")]
    public string Balance { get; init; } = "0";

    [JsonPropertyName("allowances")]
    public IReadOnlyDictionary<string, string>? Allowances { get; init; }

    /// <summary>The balance in whole units (pUSD or shares).</summary>
    public decimal Amount => BaseUnits.ToDecimal(Balance);
}

public static class ClobAssetType
{
    public const string Collateral = "COLLATERAL";
    public const string Conditional = "CONDITIONAL";
}
