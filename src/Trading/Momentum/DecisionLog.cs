using System.Security.Cryptography;
using System.Text;
using Polytraders.Contracts;
using Polytraders.Trading.Risk;

namespace Polytraders.Trading.Momentum;

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

    public static string SignalLine(Signal signal) => WriteSignal(new DecisionLineBuilder(), signal).ToString();

    public static string IntentLine(OrderIntent intent) => WriteIntent(new DecisionLineBuilder(), intent).ToString();

    public static string RiskLine(RiskDecision decision) => WriteRisk(new DecisionLineBuilder(), decision).ToString();

    public static string StrandedLine(MomentumPosition position) => WriteStranded(new DecisionLineBuilder(), position).ToString();

    public static string TransitionLine(TradingStateTransition transition, DateTimeOffset at) =>
        WriteTransition(new DecisionLineBuilder(), transition, at).ToString();

    public static DecisionLineBuilder WriteSignal(DecisionLineBuilder line, Signal signal) => line.Start("SIGNAL")
        .Field(signal.AsOf).Field(signal.MarketId).Field(signal.TokenId).Field(signal.StrategyScore).Field(signal.ScoreType.ToString())
        .Field(signal.ReasonCodes, ',');

    public static DecisionLineBuilder WriteIntent(DecisionLineBuilder line, OrderIntent intent) => line.Start("INTENT")
        .Field(intent.CreatedAt)
        .Field(intent.ClientOrderId)
        .Field(intent.MarketId)
        .Field(intent.TokenId)
        .Field(intent.Side.ToString())
        .Field(intent.Size)
        .Field(intent.LimitPrice)
        .Field(intent.TimeInForce.ToString())
        .Field(intent.ReasonCode ?? "-")
        .Field(intent.ExitCause?.ToString() ?? "-")
        .Field(intent.Signal.StrategyScore);

    public static DecisionLineBuilder WriteRisk(DecisionLineBuilder line, RiskDecision decision)
    {
        line.Start("RISK")
            .Field(decision.Original.ClientOrderId)
            .Field(decision.Outcome.ToString())
            .Field(decision.ReasonCode)
            .Field(decision.BindingLimit ?? "-");
        return decision.Final is { } final ? line.Field(final.Size).Field(final.LimitPrice) : line.Field("-").Field("-");
    }

    public static DecisionLineBuilder WriteStranded(DecisionLineBuilder line, MomentumPosition position) => line.Start("STRANDED")
        .Field(position.MarketId).Field(position.TokenId).Field(position.Phase.ToString()).Field(position.Size);

    public static DecisionLineBuilder WriteTransition(DecisionLineBuilder line, TradingStateTransition transition, DateTimeOffset at) => line.Start("STATE")
        .Field(at).Field(transition.ReasonCode).Field(transition.From.ToString()).Field(transition.To.ToString()).Field(transition.KillSwitch ? "kill-on" : "kill-off");

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
}
