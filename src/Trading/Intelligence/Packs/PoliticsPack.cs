namespace Polytraders.Trading.Intelligence;

/// <summary>
/// Political markets trade thinly, move on news and polls and end on a known date, so the pack weighs the trend
/// against an external (poll-implied) fair value, and trusts it less on thin volume, wide books, near resolution
/// and near certainty. 8 sensors, 9 valuators, 3 combiners.
/// </summary>
public static class PoliticsPack
{
    public const string Name = "politics";

    public static PackParts Build(IntelligenceSettings settings)
    {
        var lastPrice = new LastPriceSensor();
        var midPrice = new MidPriceSensor(settings.WidestTrustedSpread);
        var spread = new SpreadSensor(settings.WidestTrustedSpread);
        var volume = new VolumeSensor(settings.SlowLookback);
        var timeToResolution = new TimeToResolutionSensor(settings.NearResolutionHours);
        var ewmaFast = new EwmaSensor("ewma_fast", settings.FastLookback);
        var ewmaSlow = new EwmaSensor("ewma_slow", settings.SlowLookback);
        var reference = new ReferencePriceSensor(settings.ReferenceMaxAge);

        (Valuator Valuator, decimal Weight)[] valuators =
        [
            (new EwmaCrossoverMomentum(ewmaFast, ewmaSlow, settings.TrendFullScale), 3m),
            (new BreakoutMomentum(lastPrice, settings.SlowLookback), 2m),
            (new TradeAggressorPressure(lastPrice, midPrice, spread), 1m),
            (new MeanReversionToFairValue("mean_reversion_to_reference", reference, midPrice, settings.FairValueFullScale), 2m),
            (new SpreadAdjustedEdge("reference_edge_after_spread", reference, midPrice, spread, settings.FairValueFullScale), 2m),
            (new SpreadConfidence(spread, settings.WidestTrustedSpread), 0m),
            (new VolumeConfidence(volume, settings.FullConfidenceVolume), 0m),
            (new ResolutionDecayConfidence(timeToResolution, settings.ResolutionHorizonHours), 0m),
            (new OutcomeUncertaintyConfidence(lastPrice), 0m),
        ];

        return PackAssembly.Assemble([lastPrice, midPrice, spread, volume, timeToResolution, ewmaFast, ewmaSlow, reference], valuators, settings);
    }
}
