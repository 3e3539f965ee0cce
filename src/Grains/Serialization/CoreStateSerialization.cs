using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Polytraders.Trading.Momentum;
using Polytraders.Trading.Risk;

namespace Polytraders.Grains.Serialization;

/// <summary>
/// The core's state types that grains keep in their own state. The core references no Orleans, so their binary form
/// is declared beside the grains (<c>CoreStateSurrogates.cs</c>), as the contracts' is generated
/// (Grains.Abstractions/Contracts/Generated).
/// </summary>
public static class CoreStateSerialization
{
    /// <summary>Each core state type and its surrogate, whose fields must name every property of the type.</summary>
    public static IReadOnlyDictionary<Type, Type> Surrogates { get; } = new Dictionary<Type, Type>
    {
        [typeof(RiskBook)] = typeof(RiskBookSurrogate),
        [typeof(RiskPosition)] = typeof(RiskPositionSurrogate),
        [typeof(OpenOrder)] = typeof(OpenOrderSurrogate),
        [typeof(MomentumStrategyState)] = typeof(MomentumStrategyStateSurrogate),
        [typeof(MomentumPosition)] = typeof(MomentumPositionSurrogate),
    };

    public static IServiceCollection AddCoreStateSerialization(this IServiceCollection services)
    {
        // The ADO.NET storage's JSON reader (states written by earlier versions) resolves our types by name.
        services.AddSingleton<ITypeFilter, TradingTypeFilter>();
        return services.AddSerializer(serializer => serializer.AddAssembly(typeof(CoreStateSerialization).Assembly));
    }
}
