using System.Security.Cryptography;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using ECPoint = Org.BouncyCastle.Math.EC.ECPoint;

namespace Polytraders.Polymarket.Signing;

/// <summary>
/// secp256k1 in managed code (BouncyCastle): RFC 6979 nonces via HMacDsaKCalculator(SHA-256),
/// s normalised to the low half of the order (EIP-2), and the recovery id found by recovering
/// both candidates. Roughly 40 times slower than libsecp256k1; it exists as a fallback when the
/// native library is absent and as an independent cross-check in tests.
/// </summary>
public sealed class ManagedSecp256k1 : ISecp256k1
{
    private static readonly X9ECParameters Curve = CustomNamedCurves.GetByName("secp256k1");
    private static readonly ECDomainParameters Domain = new(Curve.Curve, Curve.G, Curve.N, Curve.H);
    private static readonly BigInteger HalfOrder = Curve.N.ShiftRight(1);

    public string Implementation => "BouncyCastle (managed)";

    public void Sign(ReadOnlySpan<byte> digest, SigningKey key, Span<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(key);
        SignatureLayout.CheckSignArguments(digest, signature);
        var d = new BigInteger(1, key.Bytes);
        var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
        signer.Init(true, new ECPrivateKeyParameters(d, Domain));
        var message = digest.ToArray();
        var rs = signer.GenerateSignature(message);
        var r = rs[0];
        var s = rs[1].CompareTo(HalfOrder) > 0 ? Curve.N.Subtract(rs[1]) : rs[1];

        Span<byte> expected = stackalloc byte[SignatureLayout.PublicKeyLength];
        WritePoint(Domain.G.Multiply(d).Normalize(), expected);
        Span<byte> candidate = stackalloc byte[SignatureLayout.PublicKeyLength];
        for (var recoveryId = 0; recoveryId < 2; recoveryId++)
        {
            if (TryRecover(message, r, s, recoveryId, candidate) && candidate.SequenceEqual(expected))
            {
                WriteScalar(r, signature[..32]);
                WriteScalar(s, signature[32..64]);
                signature[64] = (byte)(SignatureLayout.RecoveryIdOffset + recoveryId);
                return;
            }
        }

        throw new CryptographicException("No recovery id reproduces the signer's public key.");
    }

    public void GetPublicKey(SigningKey key, Span<byte> publicKey)
    {
        ArgumentNullException.ThrowIfNull(key);
        WritePoint(Domain.G.Multiply(new BigInteger(1, key.Bytes)).Normalize(), publicKey);
    }

    public bool TryRecoverPublicKey(ReadOnlySpan<byte> digest, ReadOnlySpan<byte> signature, Span<byte> publicKey)
    {
        if (digest.Length != SignatureLayout.DigestLength || !SignatureLayout.TryGetRecoveryId(signature, out var recoveryId))
        {
            return false;
        }

        var r = new BigInteger(1, signature[..32]);
        var s = new BigInteger(1, signature[32..64]);
        return TryRecover(digest.ToArray(), r, s, recoveryId, publicKey);
    }

    /// <summary>
    /// SEC 1 v2 §4.1.6 public key recovery: R is the curve point with x = r and y parity = recovery id;
    /// Q = r⁻¹ (sR − eG). (Recovery ids 2 and 3, for r ≥ n − p, occur with negligible probability
    /// and are not produced by Ethereum signers.)
    /// </summary>
    private static bool TryRecover(byte[] digest, BigInteger r, BigInteger s, int recoveryId, Span<byte> publicKey)
    {
        var n = Curve.N;
        if (r.SignValue <= 0 || r.CompareTo(n) >= 0 || s.SignValue <= 0 || s.CompareTo(n) >= 0)
        {
            return false;
        }

        var encoded = new byte[33];
        encoded[0] = (byte)(0x02 + recoveryId);
        var x = r.ToByteArrayUnsigned();
        x.CopyTo(encoded, 33 - x.Length);
        ECPoint bigR;
        try
        {
            bigR = Curve.Curve.DecodePoint(encoded);
        }
        catch (ArgumentException)
        {
            return false;
        }

        var e = new BigInteger(1, digest);
        var rInverse = r.ModInverse(n);
        var q = Org.BouncyCastle.Math.EC.ECAlgorithms.SumOfTwoMultiplies(Domain.G, e.Negate().Mod(n).Multiply(rInverse).Mod(n), bigR, s.Multiply(rInverse).Mod(n)).Normalize();
        if (q.IsInfinity)
        {
            return false;
        }

        WritePoint(q, publicKey);
        return true;
    }

    private static void WritePoint(ECPoint point, Span<byte> destination)
    {
        WriteScalar(point.AffineXCoord.ToBigInteger(), destination[..32]);
        WriteScalar(point.AffineYCoord.ToBigInteger(), destination[32..64]);
    }

    private static void WriteScalar(BigInteger value, Span<byte> destination32)
    {
        destination32.Clear();
        var bytes = value.ToByteArrayUnsigned();
        bytes.CopyTo(destination32[(32 - bytes.Length)..]);
    }
}
