using System.Globalization;

namespace Polytraders.Trading.Replay;

/// <summary>
/// Reads price history in the CSV shape <c>timestamp,token_id,price</c> (RFC 3339 or unix seconds), streaming, so a
/// long history costs memory for one line at a time.
/// </summary>
public static class PriceCsv
{
    public const string Header = "timestamp,token_id,price";

    public static async IAsyncEnumerable<PricePoint> ReadAsync(TextReader reader, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var header = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (!string.Equals(header?.Trim(), Header, StringComparison.Ordinal))
        {
            throw new FormatException($"Price CSV must start with '{Header}', not '{header}'.");
        }

        var lineNumber = 1;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            yield return Parse(line, lineNumber);
        }
    }

    public static PricePoint Parse(string line, int lineNumber)
    {
        var parts = line.Split(',');
        if (parts.Length != 3)
        {
            throw new FormatException($"Line {lineNumber}: expected 3 fields, found {parts.Length}.");
        }

        var timestamp = long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var unix)
            ? DateTimeOffset.FromUnixTimeSeconds(unix)
            : DateTimeOffset.TryParse(parts[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed.ToUniversalTime()
                : throw new FormatException($"Line {lineNumber}: '{parts[0]}' is not a timestamp.");
        if (!decimal.TryParse(parts[2], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var price))
        {
            throw new FormatException($"Line {lineNumber}: '{parts[2]}' is not a price.");
        }

        return new PricePoint(timestamp, parts[1], price);
    }
}
