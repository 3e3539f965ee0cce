using System.Globalization;
using Microsoft.Extensions.Options;
using Polytraders.Grains;
using Polytraders.Grains.Execution.Polymarket;
using Polytraders.Polymarket.Clob;
using Polytraders.Polymarket.Keystore;

namespace Polytraders.Silo;

/// <summary>
/// <c>Polytraders.Silo clob-credentials</c>: derives the CLOB API credentials of the configured signing key (L1
/// ClobAuth), creating them when the venue has none, and stores them encrypted beside the keystore, where a silo with
/// "Clob:Credentials:FromKey" opens them at start. Prints the address and the file, never the credentials. Exit codes:
/// 0 stored, 1 the venue or the keystore refused, 64 usage or configuration.
/// </summary>
public static class ClobCredentialsCommand
{
    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var options = CommandLineOptions.Parse(args, ["--nonce"]);
        var settings = new ConfigurationBuilder().AddConfiguration(configuration);
        if (options.TryGetValue("--nonce", out var nonce))
        {
            settings.AddInMemoryCollection(new Dictionary<string, string?> { [$"{ClobCredentialsOptions.Section}:Nonce"] = nonce });
        }

        var services = new ServiceCollection().AddLogging();
        var effective = settings.Build();
        services.AddOrderSigning(effective);
        services.AddPolymarketClobClient(effective);
        services.AddClobCredentialsFromKey();
        await using var provider = services.BuildServiceProvider();
        try
        {
            var source = provider.GetRequiredService<KeyDerivedClobAccountSource>();
            var (account, created) = await source.RenewAsync(CancellationToken.None);
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"clob-credentials: {(created ? "created" : "derived")} the API credentials of {account.Address}; stored encrypted in {source.StorePath}"));
            return 0;
        }
        catch (OptionsValidationException e)
        {
            await error.WriteLineAsync($"clob-credentials: {e.Message}");
            return 64;
        }
        catch (Exception e) when (e is ClobApiException or KeystoreException or InvalidOperationException or IOException)
        {
            // ClobApiException and KeystoreException messages never carry credentials or key material.
            await error.WriteLineAsync($"clob-credentials failed: {e.Message}");
            return 1;
        }
    }
}
