using Polytraders.Polymarket.Crypto;
using Polytraders.Polymarket.Orders;

namespace Polytraders.Polymarket.Accounts;

/// <summary>Why orders for an account would be refused by the venue or the exchange, before any is signed.</summary>
public enum AccountProblem
{
    None,

    /// <summary>A proxy, Safe or deposit-wallet account without its funder address.</summary>
    FunderMissing,

    /// <summary>The funder is not the key's: another address for an EOA, not the derived proxy or Safe, or the key itself for a deposit wallet.</summary>
    FunderNotTheKeys,

    /// <summary>The address the CLOB API key belongs to is not the orders' signer.</summary>
    ApiKeyNotTheSigner,
}

/// <summary>An account's verdict: <see cref="AccountProblem.None"/>, or the problem and what was found.</summary>
public readonly record struct AccountVerdict(AccountProblem Problem, string Detail)
{
    public bool IsValid => Problem == AccountProblem.None;
}

/// <summary>
/// The rules the venue and the exchange apply to an order's maker and signer (ctf-exchange-v2 Signatures.sol; the
/// CLOB's "the order signer address has to be the address of the API KEY"), checked against configuration so that a
/// mismatch is one clear refusal here rather than a refused order per intent at the venue or, worse, on chain.
/// </summary>
public static class AccountCheck
{
    /// <param name="account">The account to sign for.</param>
    /// <param name="key">The signing key's address.</param>
    /// <param name="apiKeyAddress">The address the CLOB API key belongs to (POLY_ADDRESS), when a CLOB key is configured.</param>
    /// <param name="chainId">The chain the orders are signed for: it decides which wallet factories exist.</param>
    public static AccountVerdict Check(TradingAccount account, EthereumAddress key, EthereumAddress? apiKeyAddress, long chainId)
    {
        ArgumentNullException.ThrowIfNull(account);
        var funder = FunderProblem(account, key, chainId);
        if (!funder.IsValid)
        {
            return funder;
        }

        var signer = account.OrderSigner(key);
        return apiKeyAddress is { } api && api != signer
            ? new(AccountProblem.ApiKeyNotTheSigner, $"the CLOB API key belongs to {api}, but {account.SignatureType} orders are signed as {signer}")
            : funder;
    }

    private static AccountVerdict FunderProblem(TradingAccount account, EthereumAddress key, long chainId)
    {
        if (account.SignatureType == OrderSignatureType.Eoa)
        {
            return account.Funder is { } other && other != key
                ? new(AccountProblem.FunderNotTheKeys, $"an EOA account trades from the key's own address {key}, not {other}")
                : default;
        }

        if (account.Funder is not { } funder)
        {
            return new(AccountProblem.FunderMissing, $"a {account.SignatureType} account needs its funder address");
        }

        var derived = account.SignatureType switch
        {
            OrderSignatureType.PolyProxy => PolymarketWallets.ProxyWallet(key, chainId),
            OrderSignatureType.PolyGnosisSafe => PolymarketWallets.Safe(key, chainId),
            _ => null,
        };
        if (derived is { } wallet && wallet != funder)
        {
            return new(AccountProblem.FunderNotTheKeys, $"the {account.SignatureType} of key {key} is {wallet}, not the configured funder {funder}");
        }

        // A deposit wallet is a contract the exchange asks (EIP-1271): the key's own address has no code to ask.
        return account.SignatureType == OrderSignatureType.Poly1271 && funder == key
            ? new(AccountProblem.FunderNotTheKeys, $"a deposit wallet is a contract, not the signing key {key}")
            : default;
    }
}
