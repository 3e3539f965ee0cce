namespace Polytraders.Gateway.Contracts;

/// <summary>
/// Names the contract an endpoint reads from its body, for the OpenAPI document. Not <c>Accepts&lt;T&gt;()</c>: that also
/// makes routing answer a wrong media type with 415 before authentication, so a reviewer's write would skip its audit.
/// </summary>
internal sealed record ContractBodyMetadata(Type ContractType);
