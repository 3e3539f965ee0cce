using System.Globalization;

namespace Polytraders.Polymarket.Clob;

/// <summary>pUSD and outcome shares have 6 decimals: 1 unit = 1,000,000 base units.</summary>
public static class BaseUnits
{
    public const int Decimals = 6;
    public const decimal PerUnit = 1_000_000m;

    /// <summary>
    /// An integer string in base units to whole units ("2500000" → 2.5). A string that already carries a decimal point
    /// is taken as whole units unchanged, so a venue that sends "2.5" is not read as 0.0000025.
    /// </summary>
    public static decimal ToDecimal(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0m;
        }

        if (text.Contains('.', StringComparison.Ordinal) || text.Contains('e', StringComparison.OrdinalIgnoreCase))
        {
            return ClobJson.ParseDecimal(text);
        }

        return decimal.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) / PerUnit;
    }
}
