using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Polytraders.Polymarket.Orders;

/// <summary>
/// Order salts: the only entropy that tells two otherwise identical orders apart, so they come
/// from the OS CSPRNG. They are capped at 53 bits because the CLOB carries "salt" as a JSON
/// number and JavaScript consumers lose integers above 2^53 − 1, which would break the
/// signature. Sources: py-clob-client-v2 py_clob_client_v2/order_utils/utils.py (SALT_BITS = 53,
/// secrets.randbits) and rs-clob-client-v2 src/clob/order_builder.rs (JS_SAFE_INTEGER_MAX).
/// </summary>
public static class OrderSalt
{
    /// <summary>2^53 − 1, JavaScript's Number.MAX_SAFE_INTEGER.</summary>
    public const ulong MaxValue = (1UL << 53) - 1;

    public static ulong Next()
    {
        Span<byte> random = stackalloc byte[sizeof(ulong)];
        RandomNumberGenerator.Fill(random);
        return BinaryPrimitives.ReadUInt64LittleEndian(random) & MaxValue;
    }

    /// <summary>
    /// A salt derived from a key that is unique per order (a client order id): signing the same order again, after a
    /// crash between signing and recording it, reproduces the same order and hash instead of a second order. SHA-256
    /// of the key's UTF-8 bytes, first 8 bytes little-endian, capped at 53 bits; never 0.
    /// </summary>
    public static ulong Derived(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key), hash);
        var salt = BinaryPrimitives.ReadUInt64LittleEndian(hash) & MaxValue;
        return salt == 0 ? 1 : salt;
    }
}
