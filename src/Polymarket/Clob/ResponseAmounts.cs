using System.Globalization;

namespace Polytraders.Polymarket.Clob;

/// <summary>
/// makingAmount / takingAmount of a POST /order answer. The CLOB writes them as decimal strings in whole units
/// (pUSD, shares): "9.999999" and "14.925372" for a 10 pUSD FAK buy in py-clob-client issue #217, and
/// rs-clob-client-v2's PostOrderResponse reads them as unscaled Decimal ("" meaning zero). A whole number is
/// ambiguous with 6-decimal base units, so it is read as base units only when, read as units, it would exceed twice
/// what the order could trade at all, and read as base units it would not: a 10-share order matched "10" is 10 shares,
/// matched "10000000" is also 10 shares.
/// </summary>
public static class ResponseAmounts
{
    public static decimal ToUnits(string? text, ulong orderBaseUnits)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0m;
        }

        var value = ClobJson.ParseDecimal(text);
        var most = 2m * orderBaseUnits / BaseUnits.PerUnit;
        var integral = !text.Contains('.', StringComparison.Ordinal) && !text.Contains('e', StringComparison.OrdinalIgnoreCase);
        return integral && value > most && value / BaseUnits.PerUnit <= most ? value / BaseUnits.PerUnit : value;
    }

    public static string Text(decimal units) => units.ToString(CultureInfo.InvariantCulture);
}
