using Polytraders.Polymarket.Crypto;
using Polytraders.Polymarket.Signing;

namespace Polytraders.Venue.Tests;

/// <summary>Publicly known keys the reference clients' test vectors are made with.</summary>
internal static class TestAccounts
{
    /// <summary>Hardhat / Anvil account #0, used by every Polymarket client test suite.</summary>
    public const string HardhatKeyHex = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    public static readonly EthereumAddress HardhatAddress = EthereumAddress.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");

    /// <summary>keccak256("cow"): the signer of the EIP-712 specification's Mail example.</summary>
    public static readonly byte[] CowKey = Keccak256.HashUtf8("cow");

    public static EthereumSigner Hardhat(ISecp256k1? curve = null) =>
        new(SigningKey.FromHex(HardhatKeyHex), curve ?? new NativeSecp256k1());
}
