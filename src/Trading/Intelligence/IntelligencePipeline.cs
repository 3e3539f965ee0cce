using Polytraders.Contracts;

namespace Polytraders.Trading.Intelligence;

/// <summary>
/// Sensors, then valuators, then one combiner, for one market: the Strategy keeps one per market in its scope.
/// <see cref="Evaluate"/> is the tick path and allocates nothing; <see cref="ToSignal"/> builds the contract object
/// only when a decision needs one.
/// </summary>
public sealed class IntelligencePipeline
{
    /// <summary>Scores and inputs are published with 6 decimals; decisions use the published score, so an audited Signal explains its decision exactly.</summary>
    public const int PublishedDecimals = 6;

    /// <summary>Signal.reason_codes holds at most 16 codes (schema maxItems).</summary>
    private const int MaxReasonCodes = 16;

    private readonly Sensor[] _sensors;
    private readonly Valuator[] _valuators;
    private readonly Valuation[] _valuations;

    // Of the last tick evaluated, what a Signal names and what the next tick is checked against; not the whole tick,
    // which is many times larger and would be copied on every tick.
    private string _marketId = "";
    private string _tokenId = "";
    private DateTimeOffset? _lastTimestamp;

    public IntelligencePipeline(IEnumerable<Sensor> sensors, IEnumerable<Valuator> valuators, ICombiner combiner)
    {
        _sensors = [.. sensors];
        _valuators = [.. valuators];
        _valuations = new Valuation[_valuators.Length];
        Combiner = combiner;
        if (_sensors.Length + _valuators.Length > 64)
        {
            throw new ArgumentException("A Signal carries at most 64 inputs: too many sensors and valuators for one pipeline.");
        }
    }

    public IReadOnlyList<Sensor> Sensors => _sensors;

    public IReadOnlyList<Valuator> Valuators => _valuators;

    public ICombiner Combiner { get; }

    /// <summary>The combination of the last tick evaluated (not of a stale tick that was ignored).</summary>
    public Combination Current { get; private set; }

    /// <summary>
    /// Reason codes of the sensors, valuators and combiner on the last tick, in that order, without repeats and at most
    /// 16 (the Signal's limit). Gathered when asked, since only a Signal needs them.
    /// </summary>
    public IReadOnlyList<string> CurrentReasonCodes => GatherReasonCodes();

    /// <summary>False for a tick older than the last one evaluated: such a tick is ignored.</summary>
    public bool Accepts(in MarketTick tick) => _lastTimestamp is not { } last || tick.Timestamp >= last;

    /// <summary>
    /// Runs one tick through the pipeline. A tick older than the last one evaluated is withheld with INTEL_STALE_DATA
    /// and leaves every sensor untouched: replays and reconnects may resend, and an average must not move backwards.
    /// </summary>
    public Combination Evaluate(in MarketTick tick)
    {
        if (!Accepts(tick))
        {
            return Combination.Withheld(Current.ScoreType, ReasonCodes.IntelStaleData);
        }

        _marketId = tick.MarketId;
        _tokenId = tick.TokenId;
        _lastTimestamp = tick.Timestamp;
        foreach (var sensor in _sensors)
        {
            sensor.Observe(tick);
        }

        for (var i = 0; i < _valuators.Length; i++)
        {
            _valuations[i] = _valuators[i].Valuate();
        }

        var combined = Combiner.Combine(_valuations);
        Current = combined.Conviction is { } score
            ? combined with { Conviction = score.Round(PublishedDecimals) }
            : combined;
        return Current;
    }

    /// <summary>
    /// The Signal of the last tick evaluated, with every reading and score that went into it. A withheld combination
    /// is published as strategy_score 0 with the codes that say why.
    /// </summary>
    public Signal ToSignal()
    {
        if (_lastTimestamp is not { } asOf)
        {
            throw new InvalidOperationException("No tick has been evaluated yet.");
        }

        var inputs = new List<SignalInput>(ReadingCount());
        foreach (var sensor in _sensors)
        {
            if (sensor.Current.Reading is { } value)
            {
                inputs.Add(new SignalInput { Name = sensor.Name, Value = value.ToDecimal(PublishedDecimals) });
            }
        }

        for (var i = 0; i < _valuators.Length; i++)
        {
            if (_valuations[i].Conviction is { } score)
            {
                inputs.Add(new SignalInput { Name = _valuators[i].Name, Value = score.ToDecimal(PublishedDecimals) });
            }
        }

        return new Signal
        {
            StrategyScore = Current.Conviction?.ToDecimal(PublishedDecimals) ?? 0m,
            ScoreType = Current.ScoreType,
            MarketId = _marketId,
            TokenId = _tokenId,
            AsOf = asOf,
            Inputs = inputs,
            ReasonCodes = GatherReasonCodes(),
        };
    }

    /// <summary>How many sensors read and valuators scored on the last tick: the Signal's inputs.</summary>
    private int ReadingCount()
    {
        var count = 0;
        foreach (var sensor in _sensors)
        {
            count += sensor.Current.HasValue ? 1 : 0;
        }

        foreach (var valuation in _valuations)
        {
            count += valuation.HasScore ? 1 : 0;
        }

        return count;
    }

    private List<string> GatherReasonCodes()
    {
        // A tick rarely carries more than a few codes; the list grows to the schema's 16 only when it has to.
        var codes = new List<string>(4);
        foreach (var sensor in _sensors)
        {
            Note(codes, sensor.Current.ReasonCode);
        }

        foreach (var valuation in _valuations)
        {
            Note(codes, valuation.ReasonCode);
        }

        Note(codes, Current.ReasonCode);
        return codes;
    }

    private static void Note(List<string> codes, string? code)
    {
        if (code is not null && codes.Count < MaxReasonCodes && !codes.Contains(code))
        {
            codes.Add(code);
        }
    }
}
