namespace Polytraders.Grains;

/// <summary>
/// The last reference a grain asked for, kept with its key. Orleans resolves a grain interface's type by reflection
/// (its attributes) on every <see cref="IGrainFactory.GetGrain{TGrainInterface}(string, string?)"/>: on the order path a
/// dozen calls per order made it a tenth of execution's CPU. A grain's peers rarely change key (an order's Portfolio,
/// Strategy and market; a Portfolio's one Strategy), so one kept reference per peer is enough.
/// </summary>
internal sealed class GrainReferenceCache<TGrain>
    where TGrain : IGrainWithStringKey
{
    private string? _key;
    private TGrain? _grain;

    public TGrain Get(IGrainFactory grains, string key)
    {
        if (_grain is null || !string.Equals(_key, key, StringComparison.Ordinal))
        {
            _grain = grains.GetGrain<TGrain>(key);
            _key = key;
        }

        return _grain;
    }
}
