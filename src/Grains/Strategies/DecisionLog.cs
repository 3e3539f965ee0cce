using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Polytraders.Contracts;
using Polytraders.Grains.Risk;

namespace Polytraders.Grains.Strategies;

/// <summary>
/// A canonical line per decision (threshold-crossing Signal, intent, risk decision, stranded position, trading
/// state change) and the SHA-256 of all lines, in the spirit of LEAN's OrderListHash: two runs decided the same iff
/// their hashes match. Lines hold what was decided, not free-text details, with invariant number formatting and
/// trailing zeros dropped, so the text depends on nothing but the decisions. The backtest reuses it.
/// </summary>
public sealed class DecisionLog
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines => _lines;

    /// <summary>Every line followed by a newline: the text the hash is taken over.</summary>
    public string Text => string.Concat(_lines.Select(line => line + "\n"));

    public void Add(StrategyStep step)
    {
        if (step.Signal is { } signal)
        {
            _lines.Add(SignalLine(signal));
        }

        if (step.Intent is { } intent)
        {
            _lines.Add(IntentLine(intent));
        }

        if (step.Stranded is { } stranded)
        {
            _lines.Add(StrandedLine(stranded));
        }
    }

    public void Add(RiskDecision decision) => _lines.Add(RiskLine(decision));

    public void Add(TradingStateTransition transition, DateTimeOffset at) => _lines.Add(TransitionLine(transition, at));

    /// <summary>Lower-case hex SHA-256 of <see cref="Text"/> in UTF-8.</summary>
    public string Hash() => HashOf(Text);

    /// <summary>The hash of a stored decision text, to compare a golden file with a pinned hash.</summary>
    public static string HashOf(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static string SignalLine(Signal signal) => Join(
        "SIGNAL", Time(signal.AsOf), signal.MarketId, signal.TokenId, Number(signal.StrategyScore), signal.ScoreType.ToString(), string.Join(',', signal.ReasonCodes));

    public static string IntentLine(OrderIntent intent) => Join(
        "INTENT",
        Time(intent.CreatedAt),
        intent.ClientOrderId,
        intent.MarketId,
        intent.TokenId,
        intent.Side.ToString(),
        Number(intent.Size),
        Number(intent.LimitPrice),
        intent.TimeInForce.ToString(),
        intent.ReasonCode ?? "-",
        intent.ExitCause?.ToString() ?? "-",
        Number(intent.Signal.StrategyScore));

    public static string RiskLine(RiskDecision decision) => Join(
        "RISK",
        decision.Original.ClientOrderId,
        decision.Outcome.ToString(),
        decision.ReasonCode,
        decision.BindingLimit ?? "-",
        decision.Final is { } final ? Number(final.Size) : "-",
        decision.Final is { } priced ? Number(priced.LimitPrice) : "-");

    public static string StrandedLine(MomentumPosition position) => Join(
        "STRANDED", position.MarketId, position.TokenId, position.Phase.ToString(), Number(position.Size));

    public static string TransitionLine(TradingStateTransition transition, DateTimeOffset at) => Join(
        "STATE", Time(at), transition.ReasonCode, transition.From.ToString(), transition.To.ToString(), transition.KillSwitch ? "kill-on" : "kill-off");

    /// <summary>Up to <paramref name="count"/> descriptions of lines that differ, for a failing golden test to print.</summary>
    public static IReadOnlyList<string> FirstDifferences(IReadOnlyList<string> expected, IReadOnlyList<string> actual, int count = 5)
    {
        var differences = new List<string>();
        for (var i = 0; i < Math.Max(expected.Count, actual.Count) && differences.Count < count; i++)
        {
            var want = i < expected.Count ? expected[i] : "<none>";
            var got = i < actual.Count ? actual[i] : "<none>";
            if (want != got)
            {
                differences.Add($"line {i + 1}:\n  expected {want}\n  actual   {got}");
            }
        }

        return differences;
    }

    private static string Join(params string[] fields) => string.Join('|', fields);

    /// <summary>yyyy-MM-ddTHH:mm:ss.fffffffZ: the round-trip format of a UTC DateTime, which has its own fast formatter.</summary>
    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>Invariant digits with trailing fractional zeros dropped ("0.500" is "0.5"); trimming the default form is the custom format "0.####…" at half the cost.</summary>
    private static string Number(decimal value)
    {
        Span<char> buffer = stackalloc char[32];
        value.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture);
        var digits = buffer[..written];
        return (digits.Contains('.') ? digits.TrimEnd('0').TrimEnd('.') : digits).ToString();
    }
}
