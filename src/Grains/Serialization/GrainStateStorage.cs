using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace Polytraders.Grains.Serialization;

/// <summary>
/// How grain state is written to storage: Orleans' own binary serializer, the one grain calls use. Orleans' default is
/// Newtonsoft JSON with type names on every object, which made each state write of a Strategy or a risk grain (70–110 KB
/// of JSON, mostly type names) cost more than everything else on the tick path together. States written as JSON by an
/// earlier version still load: JSON is the fallback when reading.
/// </summary>
public static class GrainStateStorage
{
    public static IServiceCollection AddBinaryGrainStateStorage(this IServiceCollection services) =>
        services.AddSingleton<IGrainStorageSerializer>(provider => new GrainStorageSerializer(
            new OrleansGrainStorageSerializer(provider.GetRequiredService<Serializer>()),
            ActivatorUtilities.CreateInstance<JsonGrainStorageSerializer>(provider)));
}
