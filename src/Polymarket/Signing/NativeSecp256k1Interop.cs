using System.Runtime.InteropServices;

namespace Polytraders.Polymarket.Signing;

/// <summary>
/// P/Invoke declarations for libsecp256k1 (bitcoin-core/secp256k1, include/secp256k1.h and
/// include/secp256k1_recovery.h; Debian package libsecp256k1-1, which ships the recovery module).
/// Opaque structs are passed as byte buffers of the sizes the headers document.
/// </summary>
internal static unsafe partial class NativeSecp256k1Interop
{
    public const string LibraryName = "libsecp256k1.so.1";

    /// <summary>secp256k1.h: SECP256K1_CONTEXT_SIGN | SECP256K1_CONTEXT_VERIFY ((1 &lt;&lt; 0) | (1 &lt;&lt; 9) | (1 &lt;&lt; 8)); accepted by every release.</summary>
    public const uint ContextSignAndVerify = 0x301;

    /// <summary>secp256k1.h: SECP256K1_EC_UNCOMPRESSED = SECP256K1_FLAGS_TYPE_COMPRESSION (1 &lt;&lt; 1).</summary>
    public const uint EcUncompressed = 0x2;

    /// <summary>secp256k1.h: secp256k1_pubkey is an opaque 64-byte struct.</summary>
    public const int PublicKeyStructLength = 64;

    /// <summary>secp256k1_recovery.h: secp256k1_ecdsa_recoverable_signature is an opaque 65-byte struct.</summary>
    public const int RecoverableSignatureStructLength = 65;

    [LibraryImport(LibraryName, EntryPoint = "secp256k1_context_create")]
    public static partial IntPtr ContextCreate(uint flags);

    [LibraryImport(LibraryName, EntryPoint = "secp256k1_context_randomize")]
    public static partial int ContextRandomize(IntPtr context, byte* seed32);

    /// <summary>Null nonce function and data select the default, RFC 6979 (HMAC-SHA256).</summary>
    [LibraryImport(LibraryName, EntryPoint = "secp256k1_ecdsa_sign_recoverable")]
    public static partial int SignRecoverable(IntPtr context, byte* signature, byte* message32, byte* secretKey, IntPtr nonceFunction, IntPtr nonceData);

    [LibraryImport(LibraryName, EntryPoint = "secp256k1_ecdsa_recoverable_signature_serialize_compact")]
    public static partial int SerializeCompact(IntPtr context, byte* output64, int* recoveryId, byte* signature);

    [LibraryImport(LibraryName, EntryPoint = "secp256k1_ecdsa_recoverable_signature_parse_compact")]
    public static partial int ParseCompact(IntPtr context, byte* signature, byte* input64, int recoveryId);

    [LibraryImport(LibraryName, EntryPoint = "secp256k1_ecdsa_recover")]
    public static partial int Recover(IntPtr context, byte* publicKey, byte* signature, byte* message32);

    [LibraryImport(LibraryName, EntryPoint = "secp256k1_ec_pubkey_create")]
    public static partial int PublicKeyCreate(IntPtr context, byte* publicKey, byte* secretKey);

    [LibraryImport(LibraryName, EntryPoint = "secp256k1_ec_pubkey_serialize")]
    public static partial int PublicKeySerialize(IntPtr context, byte* output, nuint* outputLength, byte* publicKey, uint flags);
}
