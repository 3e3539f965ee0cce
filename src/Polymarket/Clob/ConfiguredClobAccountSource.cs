using Microsoft.Extensions.Options;
using Polytraders.Polymarket.Auth;
using Polytraders.Polymarket.Crypto;

namespace Polytraders.Polymarket.Clob;

/// <summary>The account from <see cref="ClobCredentialsOptions"/>; refuses, without echoing values, when any part is missing.</summary>
public sealed class ConfiguredClobAccountSource(IOptions<ClobCredentialsOptions> options) : IClobAccountSource
{
    private readonly Lazy<ClobAccount> _account = new(() => Build(options.Value));

    public ValueTask<ClobAccount> GetAccountAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_account.Value);

    private static ClobAccount Build(ClobCredentialsOptions o)
    {
        if (string.IsNullOrWhiteSpace(o.Address) || string.IsNullOrWhiteSpace(o.ApiKey)
            || string.IsNullOrWhiteSpace(o.Secret) || string.IsNullOrWhiteSpace(o.Passphrase))
        {
            throw new InvalidOperationException($"{ClobCredentialsOptions.Section} needs Address, ApiKey, Secret and Passphrase.");
        }

        EthereumAddress address;
        try
        {
            address = EthereumAddress.Parse(o.Address);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{ClobCredentialsOptions.Section}:Address is not an Ethereum address.");
        }

        return new ClobAccount(address, new ApiCredentials(o.ApiKey, o.Secret, o.Passphrase));
    }
}
