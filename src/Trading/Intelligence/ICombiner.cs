namespace Polytraders.Trading.Intelligence;

/// <summary>Blends the valuations of one tick (in the pipeline's valuator order) into the Signal's score.</summary>
public interface ICombiner
{
    string Name { get; }

    Combination Combine(ReadOnlySpan<Valuation> valuations);
}
