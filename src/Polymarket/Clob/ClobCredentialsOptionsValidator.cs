using Microsoft.Extensions.Options;

namespace Polytraders.Polymarket.Clob;

/// <summary>
/// Refuses an account configured both ways: with <see cref="ClobCredentialsOptions.FromKey"/> a hand-configured key
/// would be silently ignored, and which one trades would depend on which an operator remembers setting.
/// </summary>
public sealed class ClobCredentialsOptionsValidator : IValidateOptions<ClobCredentialsOptions>
{
    public ValidateOptionsResult Validate(string? name, ClobCredentialsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.FromKey && (options.ApiKey.Length > 0 || options.Secret.Length > 0 || options.Passphrase.Length > 0)
            ? ValidateOptionsResult.Fail($"{ClobCredentialsOptions.Section}: FromKey takes the credentials from the signing key; remove ApiKey, Secret and Passphrase, or FromKey.")
            : ValidateOptionsResult.Success;
    }
}
