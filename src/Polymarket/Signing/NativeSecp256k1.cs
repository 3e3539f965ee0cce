using System.Security.Cryptography;

namespace Polytraders.Polymarket.Signing;

/// <summary>
/// secp256k1 through the reference C library. libsecp256k1 signs with RFC 6979 nonces and always
/// returns low-s signatures, which is what Ethereum requires. Everything runs on stack buffers.
/// A context is safe for concurrent signing once created and randomised (secp256k1.h), so one
/// instance serves all threads; the context lives as long as the process and is never destroyed.
/// </summary>
public sealed unsafe class NativeSecp256k1 : ISecp256k1
{
    private readonly IntPtr _context;

    /// <summary>Throws <see cref="DllNotFoundException"/> when libsecp256k1 cannot be loaded.</summary>
    public NativeSecp256k1()
    {
        _context = NativeSecp256k1Interop.ContextCreate(NativeSecp256k1Interop.ContextSignAndVerify);
        if (_context == IntPtr.Zero)
        {
            throw new InvalidOperationException("secp256k1_context_create failed.");
        }

        // Blinding against side channels; it does not change any signature.
        Span<byte> seed = stackalloc byte[32];
        RandomNumberGenerator.Fill(seed);
        fixed (byte* seedPointer = seed)
        {
            if (NativeSecp256k1Interop.ContextRandomize(_context, seedPointer) != 1)
            {
                throw new InvalidOperationException("secp256k1_context_randomize failed.");
            }
        }
    }

    public string Implementation => "libsecp256k1 (native)";

    public void Sign(ReadOnlySpan<byte> digest, SigningKey key, Span<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(key);
        SignatureLayout.CheckSignArguments(digest, signature);
        var recoverable = stackalloc byte[NativeSecp256k1Interop.RecoverableSignatureStructLength];
        int recoveryId;
        fixed (byte* digestPointer = digest)
        fixed (byte* keyPointer = key.Bytes)
        fixed (byte* output = signature)
        {
            if (NativeSecp256k1Interop.SignRecoverable(_context, recoverable, digestPointer, keyPointer, IntPtr.Zero, IntPtr.Zero) != 1)
            {
                throw new CryptographicException("secp256k1_ecdsa_sign_recoverable failed.");
            }

            NativeSecp256k1Interop.SerializeCompact(_context, output, &recoveryId, recoverable);
        }

        signature[64] = (byte)(SignatureLayout.RecoveryIdOffset + recoveryId);
    }

    public void GetPublicKey(SigningKey key, Span<byte> publicKey)
    {
        ArgumentNullException.ThrowIfNull(key);
        var point = stackalloc byte[NativeSecp256k1Interop.PublicKeyStructLength];
        fixed (byte* keyPointer = key.Bytes)
        {
            if (NativeSecp256k1Interop.PublicKeyCreate(_context, point, keyPointer) != 1)
            {
                throw new CryptographicException("secp256k1_ec_pubkey_create failed.");
            }
        }

        SerializeUncompressed(point, publicKey);
    }

    public bool TryRecoverPublicKey(ReadOnlySpan<byte> digest, ReadOnlySpan<byte> signature, Span<byte> publicKey)
    {
        if (digest.Length != SignatureLayout.DigestLength || !SignatureLayout.TryGetRecoveryId(signature, out var recoveryId))
        {
            return false;
        }

        var recoverable = stackalloc byte[NativeSecp256k1Interop.RecoverableSignatureStructLength];
        var point = stackalloc byte[NativeSecp256k1Interop.PublicKeyStructLength];
        fixed (byte* input = signature)
        fixed (byte* digestPointer = digest)
        {
            if (NativeSecp256k1Interop.ParseCompact(_context, recoverable, input, recoveryId) != 1
                || NativeSecp256k1Interop.Recover(_context, point, recoverable, digestPointer) != 1)
            {
                return false;
            }
        }

        SerializeUncompressed(point, publicKey);
        return true;
    }

    private void SerializeUncompressed(byte* point, Span<byte> publicKey)
    {
        if (publicKey.Length < SignatureLayout.PublicKeyLength)
        {
            throw new ArgumentException("The public key buffer must hold 64 bytes.", nameof(publicKey));
        }

        var serialized = stackalloc byte[65];
        nuint length = 65;
        NativeSecp256k1Interop.PublicKeySerialize(_context, serialized, &length, point, NativeSecp256k1Interop.EcUncompressed);
        new ReadOnlySpan<byte>(serialized + 1, SignatureLayout.PublicKeyLength).CopyTo(publicKey);
    }
}
