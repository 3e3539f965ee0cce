using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Polytraders.Gateway.Auth;

namespace Polytraders.Gateway.Options;

/// <summary>Refuses to start a gateway nobody could call, or one whose keys name unknown roles or malformed logins.</summary>
internal sealed partial class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    /// <summary>Shortest API key accepted; guessable keys are refused at start.</summary>
    public const int MinimumKeyLength = 16;

    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var failures = new List<string>();
        if (options.ApiKeys.Count == 0)
        {
            failures.Add($"{GatewayOptions.SectionName}:ApiKeys holds no key; configure at least one (Gateway:ApiKeys:<key>:Operator and :Role).");
        }

        var index = 0;
        foreach (var (key, entry) in options.ApiKeys)
        {
            index++;
            // Never echo a key into logs or errors: name it by position only.
            var label = $"{GatewayOptions.SectionName}:ApiKeys entry #{index}";
            if (string.IsNullOrWhiteSpace(key) || key.Length < MinimumKeyLength || key.Any(char.IsWhiteSpace))
            {
                failures.Add($"{label}: the key must be at least {MinimumKeyLength} characters without whitespace.");
            }

            if (entry is null)
            {
                failures.Add($"{label}: no Operator/Role.");
                continue;
            }

            if (!GatewayRoles.All.Contains(entry.Role))
            {
                failures.Add($"{label}: Role '{entry.Role}' is not one of {string.Join(", ", GatewayRoles.All)}.");
            }

            if (!OperatorIdPattern().IsMatch(entry.Operator ?? ""))
            {
                failures.Add($"{label}: Operator '{entry.Operator}' does not match {OperatorIdPattern()}.");
            }

            if (entry.Tenant is { } tenant && !Identifiers.IsTenantId(tenant))
            {
                failures.Add($"{label}: Tenant '{tenant}' is not a tenant id (TEN-...).");
            }
        }

        if (options.ClusterIds is { } clusterIds)
        {
            foreach (var clusterId in clusterIds.Where(id => !Identifiers.IsClusterId(id)))
            {
                failures.Add($"{GatewayOptions.SectionName}:ClusterIds: '{clusterId}' is not a cluster id.");
            }
        }

        if (!Identifiers.IsTenantId(options.DefaultTenant))
        {
            failures.Add($"{GatewayOptions.SectionName}:DefaultTenant '{options.DefaultTenant}' is not a tenant id (TEN-...).");
        }

        if (options.MaxBodyBytes is < 1024 or > 16 * 1024 * 1024)
        {
            failures.Add($"{GatewayOptions.SectionName}:MaxBodyBytes must be between 1 KiB and 16 MiB.");
        }

        if (options.ReadinessTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{GatewayOptions.SectionName}:ReadinessTimeout must be positive.");
        }

        var limits = options.RateLimits;
        Bucket(failures, "Reads", limits.Reads);
        Bucket(failures, "Writes", limits.Writes);
        if (limits.FailedAuthentication.PermitLimit < 1 || limits.FailedAuthentication.Window <= TimeSpan.Zero || limits.FailedAuthentication.Window > TimeSpan.FromDays(1))
        {
            failures.Add($"{GatewayOptions.SectionName}:RateLimits:FailedAuthentication needs PermitLimit >= 1 and a Window from 1 tick to 1 day.");
        }

        if (options.RefusalAudit.Window <= TimeSpan.Zero || options.RefusalAudit.Window > TimeSpan.FromDays(1))
        {
            failures.Add($"{GatewayOptions.SectionName}:RefusalAudit:Window must be positive and at most 1 day.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Bucket(List<string> failures, string name, TokenBucketLimit bucket)
    {
        if (bucket.TokenLimit < 1 || bucket.TokensPerPeriod < 1 || bucket.ReplenishmentPeriod <= TimeSpan.Zero || bucket.ReplenishmentPeriod > TimeSpan.FromDays(1))
        {
            failures.Add($"{GatewayOptions.SectionName}:RateLimits:{name} needs TokenLimit >= 1, TokensPerPeriod >= 1 and a ReplenishmentPeriod from 1 tick to 1 day.");
        }
    }

    [GeneratedRegex(@"^[a-z][a-z0-9._-]{1,63}\z", RegexOptions.CultureInvariant)]
    internal static partial Regex OperatorIdPattern();
}
