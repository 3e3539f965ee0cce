using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Polytraders.Trading.Momentum;
using Polytraders.Trading.Risk;

namespace Polytraders.Grains.Serialization;

/// <summary>
/// The core's state types that grains keep in their own state. The core references no Orleans, so they carry no field
/// ids; Orleans stores them as JSON (System.Text.Json over their public properties) inside the grain's binary state.
/// The contracts are different: they cross the wire on every call, so they have generated binary surrogates
/// (Grains.Abstractions/Contracts/Generated).
/// </summary>
public static class CoreStateSerialization
{
    public static IReadOnlySet<Type> Types { get; } = new HashSet<Type>
    {
        typeof(RiskBook),
        typeof(MomentumStrategyState),
    };

    public static IServiceCollection AddCoreStateSerialization(this IServiceCollection services)
    {
        services.AddSingleton<ITypeFilter, TradingTypeFilter>();
        return services.AddSerializer(serializer => serializer.AddJsonSerializer(isSupported: Types.Contains));
    }
}
