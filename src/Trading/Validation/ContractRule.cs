using System.Text.Json;
using Polytraders.Contracts;

namespace Polytraders.Trading.Validation;

/// <summary>Rules JSON Schema cannot express, checked on the typed contract after the document passed its schema.</summary>
public abstract class ContractRule
{
    /// <summary>Title of the schema whose documents this rule checks.</summary>
    public abstract string Schema { get; }

    public abstract IEnumerable<ContractViolation> Check(JsonElement document);
}

/// <summary>A rule over one generated contract type; grains and the gateway call <see cref="Check(T)"/> directly.</summary>
public abstract class ContractRule<T> : ContractRule
{
    public override string Schema => typeof(T).Name;

    public override IEnumerable<ContractViolation> Check(JsonElement document) =>
        Check(document.Deserialize<T>(ContractJson.Options) ?? throw new JsonException($"null is not a {typeof(T).Name}"));

    public abstract IEnumerable<ContractViolation> Check(T value);

    /// <summary>
    /// This rule on a document embedded in another at <paramref name="path"/> (a JSON pointer such as
    /// <c>#/payload/intent</c>), its violations placed under that path; nothing when the embedded document is absent.
    /// </summary>
    public IEnumerable<ContractViolation> CheckAt(T? value, string path) =>
        value is null ? [] : Check(value).Select(violation => violation.Under(path));
}
