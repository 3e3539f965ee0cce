using Polytraders.Polymarket.Crypto;
using Polytraders.Polymarket.Orders;

namespace Polytraders.Polymarket.Accounts;

/// <summary>
/// The proxy wallet and the Gnosis Safe Polymarket's factories deploy for an EOA, at CREATE2 addresses the exchange
/// recomputes from the order's signer (verifyPolyProxySignature / verifyPolySafeSignature in ctf-exchange-v2
/// src/exchange/mixins/Signatures.sol, through PolyProxyLib and PolySafeLib): a proxy or Safe order whose maker is not
/// this address is refused on chain. Constants and salts: derive_proxy_wallet / derive_safe_wallet in Polymarket's
/// rs-clob-client src/lib.rs (factories from builder-relayer-client).
/// </summary>
public static class PolymarketWallets
{
    private static readonly EthereumAddress ProxyFactory = EthereumAddress.Parse("0xaB45c5A4B0c941a2F231C04C3f49182e1A254052");
    private static readonly EthereumAddress SafeFactory = EthereumAddress.Parse("0xaacFeEa03eb1561C4e67d661e40682Bd20E3541b");
    private static readonly Bytes32 ProxyInitCodeHash = Bytes32.Parse("0xd21df8dc65880a8606f09fe0ce3df9b8869287ab0b058be05aa9e8af6330a00b");
    private static readonly Bytes32 SafeInitCodeHash = Bytes32.Parse("0x2bce2127ff07fb632d16c8347c4ebf501f4841168bed00d9e6ef715ddb6fcecf");

    /// <summary>The proxy wallet of <paramref name="owner"/>; null on Amoy, where Polymarket deploys no proxy factory.</summary>
    public static EthereumAddress? ProxyWallet(EthereumAddress owner, long chainId)
    {
        if (chainId != CtfExchangeV2.PolygonChainId)
        {
            return null;
        }

        // PolyProxyLib._getSalt: keccak256 of the 20 address bytes, unpadded (encodePacked).
        Span<byte> packed = stackalloc byte[EthereumAddress.Length];
        owner.WriteTo(packed);
        return Create2(ProxyFactory, Keccak256.Hash(packed), ProxyInitCodeHash);
    }

    /// <summary>The Safe of <paramref name="owner"/>; the same factory on Polygon and Amoy.</summary>
    public static EthereumAddress? Safe(EthereumAddress owner, long chainId)
    {
        if (chainId is not (CtfExchangeV2.PolygonChainId or CtfExchangeV2.AmoyChainId))
        {
            return null;
        }

        // PolySafeLib._getSalt: keccak256 of the address as one ABI word (left-padded to 32 bytes).
        Span<byte> word = stackalloc byte[Bytes32.Length];
        owner.WriteTo(word[(Bytes32.Length - EthereumAddress.Length)..]);
        return Create2(SafeFactory, Keccak256.Hash(word), SafeInitCodeHash);
    }

    /// <summary>EIP-1014: the last 20 bytes of keccak256(0xff ‖ deployer ‖ salt ‖ keccak256(init code)).</summary>
    private static EthereumAddress Create2(EthereumAddress deployer, ReadOnlySpan<byte> salt, Bytes32 initCodeHash)
    {
        Span<byte> preimage = stackalloc byte[1 + EthereumAddress.Length + (2 * Bytes32.Length)];
        preimage[0] = 0xff;
        deployer.WriteTo(preimage[1..]);
        salt.CopyTo(preimage[(1 + EthereumAddress.Length)..]);
        initCodeHash.WriteTo(preimage[(1 + EthereumAddress.Length + Bytes32.Length)..]);
        Span<byte> hash = stackalloc byte[Keccak256.HashLength];
        Keccak256.Hash(preimage, hash);
        return EthereumAddress.FromBytes(hash[^EthereumAddress.Length..]);
    }
}
