using Microsoft.Extensions.Options;
using Polytraders.Contracts;
using Polytraders.Polymarket.Accounts;
using Polytraders.Polymarket.Clob;
using Polytraders.Polymarket.Crypto;
using Polytraders.Polymarket.Orders;

namespace Polytraders.Grains.Execution;

/// <summary>
/// Checks a Portfolio's Polymarket account against the signing key's address and the address the CLOB API key belongs
/// to (Clob:Credentials:Address, when configured), with the rules of <see cref="AccountCheck"/>. Execution asks it
/// before every signature and before a launch; the silo asks it at start for the key's own account. It sees the key's
/// address only, never the key.
/// </summary>
public sealed class SigningAccountCheck(OrderSignerService signer, IOptions<ClobCredentialsOptions> clob)
{
    /// <summary>The configured API key's address, read once: execution checks every order against it.</summary>
    private readonly Lazy<(bool Valid, EthereumAddress? Address)> _apiKeyAddress = new(() =>
        (TryParse(clob.Value.Address, out var address), address));

    /// <summary>The account to sign for, or null with the registered refusal; an absent account is the key's own.</summary>
    public (TradingAccount? Account, CommandResult Verdict) Check(PolymarketAccount? configured)
    {
        if (!TryParse(configured?.Funder, out var funder))
        {
            return (null, CommandResult.Refused(ReasonCodes.SecAccountFunderMismatch, $"the Portfolio's funder '{configured!.Funder}' is not an address"));
        }

        if (_apiKeyAddress.Value is not (true, var apiKeyAddress))
        {
            return (null, CommandResult.Refused(ReasonCodes.SecClobAddressMismatch, $"{ClobCredentialsOptions.Section}:Address is not an address"));
        }

        var account = configured is null ? TradingAccount.OwnKey : new TradingAccount(TypeOf(configured.SignatureType), funder);
        var verdict = AccountCheck.Check(account, signer.Address, apiKeyAddress, signer.ChainId);
        return verdict.Problem switch
        {
            AccountProblem.None => (account, CommandResult.Done()),
            AccountProblem.FunderMissing => (null, CommandResult.Refused(ReasonCodes.SecAccountFunderMissing, verdict.Detail)),
            AccountProblem.FunderNotTheKeys => (null, CommandResult.Refused(ReasonCodes.SecAccountFunderMismatch, verdict.Detail)),
            _ => (null, CommandResult.Refused(ReasonCodes.SecClobAddressMismatch, verdict.Detail)),
        };
    }

    private static OrderSignatureType TypeOf(SignatureType type) => type switch
    {
        SignatureType.Eoa => OrderSignatureType.Eoa,
        SignatureType.PolyProxy => OrderSignatureType.PolyProxy,
        SignatureType.PolyGnosisSafe => OrderSignatureType.PolyGnosisSafe,
        SignatureType.Poly1271 => OrderSignatureType.Poly1271,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown signature type."),
    };

    /// <summary>False only for text that is there and is not an address; blank is "not configured".</summary>
    private static bool TryParse(string? text, out EthereumAddress? address)
    {
        address = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        try
        {
            address = EthereumAddress.Parse(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
