using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.EC;

namespace Polytraders.Polymarket.Signing;

/// <summary>
/// A secp256k1 private key. The 32 bytes live in a pinned array that <see cref="Dispose"/> zeroes;
/// the key never appears in <see cref="ToString"/>, exception messages or logs, and only this
/// assembly can read it.
/// </summary>
public sealed class SigningKey : IDisposable
{
    public const int Length = 32;

    private static readonly Org.BouncyCastle.Asn1.X9.X9ECParameters Curve = CustomNamedCurves.GetByName("secp256k1");

    private readonly byte[] _bytes = GC.AllocateArray<byte>(Length, pinned: true);
    private bool _disposed;

    private SigningKey(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != Length)
        {
            throw new ArgumentException("A secp256k1 private key is 32 bytes.", nameof(privateKey));
        }

        if (!IsInCurveOrder(privateKey))
        {
            throw new ArgumentException("The private key is not in [1, n-1] for secp256k1.", nameof(privateKey));
        }

        privateKey.CopyTo(_bytes);
    }

    /// <summary>Copies the caller's bytes; the caller should clear its own copy.</summary>
    public static SigningKey FromBytes(ReadOnlySpan<byte> privateKey) => new(privateKey);

    /// <summary>Parses 64 hex digits (with or without "0x"); the intermediate buffer is cleared.</summary>
    public static SigningKey FromHex(string privateKeyHex)
    {
        Span<byte> buffer = stackalloc byte[Length];
        try
        {
            Crypto.Hex.Decode(privateKeyHex, buffer);
            return new SigningKey(buffer);
        }
        catch (FormatException)
        {
            // The message of the inner exception could echo input; replace it.
            throw new FormatException("The private key is not 64 hex digits.");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }
    }

    /// <summary>A fresh key from the operating system's CSPRNG.</summary>
    public static SigningKey Generate()
    {
        Span<byte> buffer = stackalloc byte[Length];
        try
        {
            do
            {
                RandomNumberGenerator.Fill(buffer);
            }
            while (!IsInCurveOrder(buffer));

            return new SigningKey(buffer);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }
    }

    internal ReadOnlySpan<byte> Bytes
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _bytes;
        }
    }

    public override string ToString() => "SigningKey(redacted)";

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_bytes);
        _disposed = true;
    }

    private static bool IsInCurveOrder(ReadOnlySpan<byte> candidate)
    {
        var d = new Org.BouncyCastle.Math.BigInteger(1, candidate);
        return d.SignValue > 0 && d.CompareTo(Curve.N) < 0;
    }
}
