using System.Globalization;
using System.Text.RegularExpressions;

namespace Polytraders.Trading.Backtest.Data;

/// <summary>
/// The size of a generated data set (<see cref="SyntheticPrices"/>): markets × days of one-minute prices. A request
/// names one as the data set <c>synthetic-&lt;markets&gt;x&lt;days&gt;</c> (e.g. <c>synthetic-50x180</c>), so load runs and
/// long runs need no files; the command line's <c>--synthetic 50x180</c> is the same shape.
/// </summary>
public sealed partial record SyntheticShape(int Markets, int Days)
{
    public const int MaxMarkets = 500;
    public const int MaxDays = 1000;

    /// <summary>One seed for every generated data set: a shape always yields the same prices.</summary>
    public const ulong Seed = 20260101;

    public const string NamePrefix = "synthetic-";

    public string Name => string.Create(CultureInfo.InvariantCulture, $"{NamePrefix}{Markets}x{Days}");

    public int Points => Days * 1440;

    /// <summary>A data set name of the reserved form <c>synthetic-&lt;markets&gt;x&lt;days&gt;</c> within the limits.</summary>
    public static bool TryParseName(string name, out SyntheticShape shape) => TryParse(NamePattern().Match(name), out shape);

    /// <summary>The command line's <c>&lt;markets&gt;x&lt;days&gt;</c>.</summary>
    public static bool TryParse(string text, out SyntheticShape shape) => TryParse(ShapePattern().Match(text), out shape);

    private static bool TryParse(Match match, out SyntheticShape shape)
    {
        shape = new SyntheticShape(0, 0);
        if (!match.Success
            || !int.TryParse(match.Groups["markets"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var markets)
            || !int.TryParse(match.Groups["days"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var days)
            || markets is < 1 or > MaxMarkets
            || days is < 1 or > MaxDays)
        {
            return false;
        }

        shape = new SyntheticShape(markets, days);
        return true;
    }

    [GeneratedRegex(@"^synthetic-(?<markets>[0-9]{1,4})x(?<days>[0-9]{1,4})\z", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^(?<markets>[0-9]{1,4})x(?<days>[0-9]{1,4})\z", RegexOptions.CultureInvariant)]
    private static partial Regex ShapePattern();
}
