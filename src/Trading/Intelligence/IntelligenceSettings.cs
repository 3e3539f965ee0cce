using Polytraders.Contracts;

namespace Polytraders.Trading.Intelligence;

/// <summary>
/// What the domain packs build their sensors and valuators from: the lookbacks of the launch's momentum parameters
/// and the scales that turn readings into scores. The scales are in probability points unless named otherwise.
/// </summary>
public sealed record IntelligenceSettings
{
    /// <summary>Ticks in the fast EWMA and the rate-of-change window.</summary>
    public required int FastLookback { get; init; }

    /// <summary>Ticks in the slow EWMA and in the volatility, volume and breakout windows.</summary>
    public required int SlowLookback { get; init; }

    /// <summary>A trend gap (EWMA gap, change over the lookback, edge after spread) this large is full conviction.</summary>
    public Fixed TrendFullScale { get; init; } = Fixed.From(0.02m);

    /// <summary>A gap to an external fair value this large is full conviction.</summary>
    public Fixed FairValueFullScale { get; init; } = Fixed.From(0.05m);

    /// <summary>Spreads above this are flagged DISC_WIDE_SPREAD and give zero spread confidence.</summary>
    public Fixed WidestTrustedSpread { get; init; } = Fixed.From(0.10m);

    /// <summary>Inside this many hours of the end date readings are flagged DISC_NEAR_RESOLUTION.</summary>
    public Fixed NearResolutionHours { get; init; } = 24;

    /// <summary>Resolution-decay confidence is full this many hours or more before the end date.</summary>
    public Fixed ResolutionHorizonHours { get; init; } = 168;

    /// <summary>An external reference older than this is stale.</summary>
    public TimeSpan ReferenceMaxAge { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Per-tick realised volatility at which volatility confidence reaches zero.</summary>
    public Fixed VolatilityCeiling { get; init; } = Fixed.From(0.02m);

    /// <summary>Shares traded over the slow window at which volume confidence is full.</summary>
    public Fixed FullConfidenceVolume { get; init; } = 1000;

    /// <summary>The weakest confidence reading must reach this for the confidence-gated combiner to pass a score.</summary>
    public Fixed ConfidenceGate { get; init; } = Fixed.From(0.25m);

    /// <summary>Settings for a launch's parameters with the default scales; lookbacks are schema-bounded, so they fit an int.</summary>
    public static IntelligenceSettings For(MomentumParameters parameters) => new()
    {
        FastLookback = checked((int)parameters.FastLookback),
        SlowLookback = checked((int)parameters.SlowLookback),
    };
}
