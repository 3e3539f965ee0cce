using Polytraders.Contracts;
using Polytraders.Grains.Intelligence;

namespace Polytraders.Core.Tests.Intelligence;

/// <summary>A sensor whose reading the test sets, to drive a valuator by hand.</summary>
internal sealed class StubSensor(string name = "stub") : ISensor
{
    public string Name => name;

    public Observation Current { get; set; } = Observation.Missing(ReasonCodes.IntelInsufficientHistory);

    public void Observe(in MarketTick tick)
    {
    }

    public StubSensor Reads(decimal value)
    {
        Current = Observation.Of(value);
        return this;
    }
}
