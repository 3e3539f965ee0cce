namespace Polytraders.Trading.Intelligence;

/// <summary>
/// Crypto markets trade around the clock and follow spot, so the pack reads trend and order flow off the book and
/// trusts a trend less when volatility or the spread is high. 7 sensors, 7 valuators, 3 combiners.
/// </summary>
public static class CryptoPack
{
    public const string Name = "crypto";

    public static PackParts Build(IntelligenceSettings settings)
    {
        var lastPrice = new LastPriceSensor();
        var spread = new SpreadSensor(settings.WidestTrustedSpread);
        var bookImbalance = new BookImbalanceSensor();
        var ewmaFast = new EwmaSensor("ewma_fast", settings.FastLookback);
        var ewmaSlow = new EwmaSensor("ewma_slow", settings.SlowLookback);
        var rateOfChange = new RateOfChangeSensor(settings.FastLookback);
        var volatility = new RealisedVolatilitySensor(settings.SlowLookback);

        // Weights favour the smoothed trend; order flow is the noisiest direction and counts least.
        (Valuator Valuator, decimal Weight)[] valuators =
        [
            (new EwmaCrossoverMomentum(ewmaFast, ewmaSlow, settings.TrendFullScale), 3m),
            (new RateOfChangeMomentum(rateOfChange, settings.TrendFullScale), 2m),
            (new BreakoutMomentum(lastPrice, settings.SlowLookback), 2m),
            (new BookImbalancePressure(bookImbalance), 1m),
            (new SpreadAdjustedEdge("trend_edge_after_spread", ewmaFast, ewmaSlow, spread, settings.TrendFullScale), 2m),
            (new VolatilityConfidence(volatility, settings.VolatilityCeiling), 0m),
            (new SpreadConfidence(spread, settings.WidestTrustedSpread), 0m),
        ];

        return PackAssembly.Assemble([lastPrice, spread, bookImbalance, ewmaFast, ewmaSlow, rateOfChange, volatility], valuators, settings);
    }
}
