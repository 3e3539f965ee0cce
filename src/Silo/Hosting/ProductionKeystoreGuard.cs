using Microsoft.Extensions.Options;
using Polytraders.Contracts;
using Polytraders.Grains.Execution;

namespace Polytraders.Silo.Hosting;

/// <summary>
/// A Production silo refuses to start with the development keystore (<c>~/.polytraders/dev-keystore.json</c>, which the
/// silo would make on first run) or with the keystore password compiled into the code: SEC_DEV_KEYSTORE_IN_PRODUCTION.
/// Set <c>Signing:KeystorePath</c> and pass <c>Signing:KeystorePassword</c> through the environment
/// (<c>Signing__KeystorePassword</c>); or run as Development (<c>dotnet run</c> does) for the development key.
/// </summary>
public sealed class ProductionKeystoreGuard(IHostEnvironment environment) : IValidateOptions<SigningOptions>
{
    public ValidateOptionsResult Validate(string? name, SigningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!environment.IsProduction())
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        if (string.Equals(Path.GetFullPath(options.KeystorePath), Path.GetFullPath(SigningOptions.DevelopmentKeystorePath), StringComparison.Ordinal))
        {
            failures.Add($"{ReasonCodes.SecDevKeystoreInProduction}: Signing:KeystorePath is the development keystore ({SigningOptions.DevelopmentKeystorePath}); a Production silo needs a keystore of its own.");
        }

        if (string.Equals(options.KeystorePassword, SigningOptions.DevelopmentKeystorePassword, StringComparison.Ordinal))
        {
            failures.Add($"{ReasonCodes.SecDevKeystoreInProduction}: Signing:KeystorePassword is the development password compiled into the code; pass the keystore's own password through the environment (Signing__KeystorePassword).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
