using Polytraders.Contracts;
using Polytraders.Trading.Intelligence;

namespace Polytraders.Core.Tests.Intelligence;

/// <summary>A sensor whose reading the test sets, to drive a valuator by hand.</summary>
internal sealed class StubSensor(string name = "stub") : Sensor(Observation.Missing(ReasonCodes.IntelInsufficientHistory))
{
    public override string Name => name;

    public override void Observe(in MarketTick tick)
    {
    }

    public StubSensor Reads(decimal value) => Reads(Observation.Of(value));

    public StubSensor Reads(Observation observation)
    {
        Current = observation;
        return this;
    }
}
