using System.Buffers.Binary;
using FsCheck.Xunit;
using Microsoft.Extensions.Logging.Abstractions;
using Polytraders.Polymarket.Crypto;
using Polytraders.Polymarket.Signing;

namespace Polytraders.Venue.Tests.Signing;

public class Secp256k1Tests
{
    // Constructed directly: if libsecp256k1 cannot be loaded these tests fail, they never skip.
    private static readonly NativeSecp256k1 Native = new();
    private static readonly ManagedSecp256k1 Managed = new();

    [Fact]
    public void hardhat_key_derives_the_well_known_address_natively_and_managed()
    {
        using var native = TestAccounts.Hardhat(Native);
        using var managed = TestAccounts.Hardhat(Managed);
        Assert.Equal(TestAccounts.HardhatAddress, native.Address);
        Assert.Equal(TestAccounts.HardhatAddress, managed.Address);
    }

    [Property(MaxTest = 100)]
    public bool native_and_managed_signatures_are_identical_over_random_digests_and_keys(ulong d0, ulong d1, ulong d2, ulong d3, int keySeed)
    {
        var digest = Words(d0, d1, d2, d3);
        using var key = SigningKey.FromBytes(Keccak256.Hash(BitConverter.GetBytes(keySeed)));
        var native = new byte[65];
        var managed = new byte[65];
        Native.Sign(digest, key, native);
        Managed.Sign(digest, key, managed);
        return native.AsSpan().SequenceEqual(managed);
    }

    [Property(MaxTest = 50)]
    public bool signature_recovers_the_signer_address(ulong d0, ulong d1, ulong d2, ulong d3, int keySeed)
    {
        var digest = Words(d0, d1, d2, d3);
        using var signer = new EthereumSigner(SigningKey.FromBytes(Keccak256.Hash(BitConverter.GetBytes(keySeed))), Native);
        var signature = new byte[65];
        signer.SignDigest(digest, signature);
        var nativeKey = new byte[64];
        return SignatureRecovery.RecoverAddress(digest, signature) == signer.Address
            && Native.TryRecoverPublicKey(digest, signature, nativeKey)
            && EthereumAddress.FromPublicKey(nativeKey) == signer.Address;
    }

    [Fact]
    public void signatures_are_low_s_with_v_27_or_28()
    {
        using var signer = TestAccounts.Hardhat(Native);
        var halfOrder = System.Numerics.BigInteger.Parse("7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0", System.Globalization.NumberStyles.HexNumber);
        for (var i = 0; i < 32; i++)
        {
            var signature = new byte[65];
            signer.SignDigest(Keccak256.Hash([(byte)i]), signature);
            var s = new System.Numerics.BigInteger(signature.AsSpan(32, 32), isUnsigned: true, isBigEndian: true);
            Assert.True(s <= halfOrder);
            Assert.Contains(signature[64], new byte[] { 27, 28 });
        }
    }

    [Fact]
    public void a_tampered_signature_does_not_recover_the_signer()
    {
        using var signer = TestAccounts.Hardhat(Native);
        var digest = Keccak256.HashUtf8("order");
        var signature = new byte[65];
        signer.SignDigest(digest, signature);
        signature[64] ^= 1;
        Assert.NotEqual(signer.Address, SignatureRecovery.RecoverAddress(digest, signature));
    }

    [Fact]
    public void a_malformed_signature_recovers_nothing()
    {
        Assert.Null(SignatureRecovery.RecoverAddress(new byte[32], new byte[65]));
        Assert.Null(SignatureRecovery.RecoverAddress(new byte[32], new byte[64]));
    }

    [Fact]
    public void factory_prefers_the_native_library()
    {
        Assert.IsType<NativeSecp256k1>(Secp256k1Factory.Create(NullLogger.Instance));
    }

    [Fact]
    public void signing_key_never_prints_its_bytes()
    {
        using var key = SigningKey.FromHex(TestAccounts.HardhatKeyHex);
        Assert.Equal("SigningKey(redacted)", key.ToString());
        Assert.DoesNotContain("ac0974", TestAccounts.Hardhat().ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void a_disposed_key_cannot_sign()
    {
        var key = SigningKey.FromHex(TestAccounts.HardhatKeyHex);
        var signer = new EthereumSigner(key, Native);
        signer.Dispose();
        Assert.Throws<ObjectDisposedException>(() => signer.SignDigest(new byte[32], new byte[65]));
    }

    [Theory]
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")]
    [InlineData("0x1234")]
    public void keys_outside_the_curve_order_or_badly_sized_are_refused_without_echoing_them(string hex)
    {
        var error = Assert.ThrowsAny<Exception>(() => SigningKey.FromHex(hex));
        Assert.DoesNotContain(hex[2..], error.Message, StringComparison.OrdinalIgnoreCase);
    }

    private static byte[] Words(ulong a, ulong b, ulong c, ulong d)
    {
        var bytes = new byte[32];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, a);
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(8), b);
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(16), c);
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(24), d);
        return bytes;
    }
}
