using Polytraders.Contracts;

namespace Polytraders.Grains;

/// <summary>
/// The one execution grain (key: <see cref="Key"/>): the only holder of the signing key. Builds, signs and submits the
/// Polymarket order for an approved intent exactly once per client order id, and reports fills onward.
/// </summary>
[Alias("Polytraders.IExecutionGrain")]
public interface IExecutionGrain : IGrainWithStringKey
{
    public const string Key = "execution";

    /// <summary>Returns once the intent is recorded as accepted; signing and submission follow in the same turn.</summary>
    [Alias("Execute")]
    Task<CommandResult> Execute(OrderIntent approved, string tenantId, string builderCode);

    [Alias("GetSignerAddress")]
    Task<string> GetSignerAddress();
}
