using System.Security.Cryptography;
using System.Text;
using Polytraders.Contracts;
using Polytraders.Trading.Momentum;
using Polytraders.Trading.Risk;
using Polytraders.Trading.Scope;

namespace Polytraders.Trading.Backtest;

/// <summary>
/// The Backtest's <see cref="DecisionLog"/>: the same canonical lines in the same order, hashed as they come (SHA-256
/// of every line followed by a newline, exactly <see cref="DecisionLog.Hash"/>), so a long run keeps one hash state
/// instead of every line. Lines are kept only when asked for (golden tests, reports of short runs).
/// </summary>
public sealed class DecisionRecorder : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly List<string>? _lines;
    private readonly DecisionLineBuilder _line = new();

    // Lines are hashed in batches: SHA-256 of the concatenation is the same however it is fed, and one append per
    // batch instead of per line saves a native call per decision.
    private readonly byte[] _batch = new byte[64 * 1024];
    private int _batched;

    public DecisionRecorder(bool keepLines) => _lines = keepLines ? [] : null;

    public long Count { get; private set; }

    /// <summary>The lines, when kept; empty otherwise.</summary>
    public IReadOnlyList<string> Lines => _lines ?? (IReadOnlyList<string>)[];

    public void Add(StrategyStep step)
    {
        if (step.Signal is { } signal)
        {
            Add(DecisionLog.WriteSignal(_line, signal));
        }

        if (step.Intent is { } intent)
        {
            Add(DecisionLog.WriteIntent(_line, intent));
        }

        if (step.Stranded is { } stranded)
        {
            Add(DecisionLog.WriteStranded(_line, stranded));
        }
    }

    public void Add(RiskDecision decision) => Add(DecisionLog.WriteRisk(_line, decision));

    public void Add(TradingStateTransition transition, DateTimeOffset at) => Add(DecisionLog.WriteTransition(_line, transition, at));

    /// <summary>Lower-case hex SHA-256 of the lines so far.</summary>
    public string Hash()
    {
        Flush();
        return Convert.ToHexStringLower(_hash.GetCurrentHash());
    }

    public void Dispose() => _hash.Dispose();

    private void Add(DecisionLineBuilder written)
    {
        var line = written.Line;
        Count++;
        _lines?.Add(line.ToString());
        var length = Encoding.UTF8.GetMaxByteCount(line.Length) + 1;
        if (_batched + length > _batch.Length)
        {
            Flush();
        }

        if (length > _batch.Length)
        {
            _hash.AppendData(Encoding.UTF8.GetBytes(line.ToString() + "\n"));
            return;
        }

        _batched += Encoding.UTF8.GetBytes(line, _batch.AsSpan(_batched));
        _batch[_batched++] = (byte)'\n';
    }

    private void Flush()
    {
        _hash.AppendData(_batch, 0, _batched);
        _batched = 0;
    }
}

/// <summary>
/// Where a run's decisions and their consequences go besides the hash: the audit chain of the run (the grain), or
/// nowhere (load runs). Called in decision order on the runner's thread, with the simulated time of each event.
/// </summary>
public interface IBacktestJournal
{
    void Scope(ScopeChange change, DateTimeOffset at);

    void Signal(Signal signal);

    void Intent(OrderIntent intent);

    void Risk(RiskDecision decision, DateTimeOffset at);

    void Filled(Fill fill);

    void Unfilled(OrderIntent order, string detail, DateTimeOffset at);

    void Stranded(MomentumPosition position, string reasonCode, DateTimeOffset at);

    void Settled(Market market, string tokenId, decimal size, decimal payout, DateTimeOffset at);

    void Transition(TradingStateTransition transition, DateTimeOffset at);
}
