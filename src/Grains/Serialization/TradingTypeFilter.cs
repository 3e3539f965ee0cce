using Orleans.Serialization;
using Polytraders.Contracts;
using Polytraders.Trading.Risk;

namespace Polytraders.Grains.Serialization;

/// <summary>
/// Lets Orleans load our contracts and core types by name. Types with [GenerateSerializer] are allowed by the code
/// generator; ours carry no Orleans attributes, and grain state written as JSON by earlier versions (Orleans' default
/// storage serializer, with type names such as a <c>Dictionary&lt;string, RiskPosition&gt;</c> inside a risk book) is
/// still read, which Orleans refuses for types it does not know.
/// </summary>
public sealed class TradingTypeFilter : ITypeFilter
{
    private static readonly HashSet<System.Reflection.Assembly> Ours = [typeof(OrderIntent).Assembly, typeof(RiskBook).Assembly];

    public bool? IsTypeAllowed(Type type) => Ours.Contains(type.Assembly) ? true : null;
}
