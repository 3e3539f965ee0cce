using Polytraders.Contracts;

namespace Polytraders.Grains.Intelligence;

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

    private readonly ISensor[] _sensors;
    private readonly IValuator[] _valuators;
    private readonly Valuation[] _valuations;
    private readonly string[] _reasonCodes = new string[MaxReasonCodes];
    private int _reasonCount;
    private MarketTick _lastTick;
    private bool _hasTick;

    public IntelligencePipeline(IEnumerable<ISensor> sensors, IEnumerable<IValuator> valuators, ICombiner combiner)
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

    public IReadOnlyList<ISensor> Sensors => _sensors;

    public IReadOnlyList<IValuator> Valuators => _valuators;

    public ICombiner Combiner { get; }

    /// <summary>The combination of the last tick evaluated (not of a stale tick that was ignored).</summary>
    public Combination Current { get; private set; }

    /// <summary>Reason codes gathered from sensors, valuators and the combiner on the last tick, without repeats.</summary>
    public ReadOnlySpan<string> CurrentReasonCodes => _reasonCodes.AsSpan(0, _reasonCount);

    /// <summary>False for a tick older than the last one evaluated: such a tick is ignored.</summary>
    public bool Accepts(in MarketTick tick) => !_hasTick || tick.Timestamp >= _lastTick.Timestamp;

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

        _lastTick = tick;
        _hasTick = true;
        _reasonCount = 0;
        foreach (var sensor in _sensors)
        {
            sensor.Observe(tick);
            Note(sensor.Current.ReasonCode);
        }

        for (var i = 0; i < _valuators.Length; i++)
        {
            _valuations[i] = _valuators[i].Valuate();
            Note(_valuations[i].ReasonCode);
        }

        var combined = Combiner.Combine(_valuations);
        Note(combined.ReasonCode);
        Current = combined.Score is { } score
            ? combined with { Score = decimal.Round(score, PublishedDecimals) }
            : combined;
        return Current;
    }

    /// <summary>
    /// The Signal of the last tick evaluated, with every reading and score that went into it. A withheld combination
    /// is published as strategy_score 0 with the codes that say why.
    /// </summary>
    public Signal ToSignal()
    {
        if (!_hasTick)
        {
            throw new InvalidOperationException("No tick has been evaluated yet.");
        }

        var inputs = new List<SignalInput>(_sensors.Length + _valuators.Length);
        foreach (var sensor in _sensors)
        {
            if (sensor.Current.Value is { } value)
            {
                inputs.Add(new SignalInput { Name = sensor.Name, Value = decimal.Round(value, PublishedDecimals) });
            }
        }

        for (var i = 0; i < _valuators.Length; i++)
        {
            if (_valuations[i].Score is { } score)
            {
                inputs.Add(new SignalInput { Name = _valuators[i].Name, Value = decimal.Round(score, PublishedDecimals) });
            }
        }

        return new Signal
        {
            StrategyScore = Current.Score ?? 0m,
            ScoreType = Current.ScoreType,
            MarketId = _lastTick.MarketId,
            TokenId = _lastTick.TokenId,
            AsOf = _lastTick.Timestamp,
            Inputs = inputs,
            ReasonCodes = [.. CurrentReasonCodes],
        };
    }

    private void Note(string? code)
    {
        if (code is null || _reasonCount == MaxReasonCodes)
        {
            return;
        }

        for (var i = 0; i < _reasonCount; i++)
        {
            if (_reasonCodes[i] == code)
            {
                return;
            }
        }

        _reasonCodes[_reasonCount++] = code;
    }
}
