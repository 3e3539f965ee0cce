namespace Polytraders.Polymarket.Keystore;

/// <summary>
/// Key derivation settings of a Web3 Secret Storage (v3) file. Source: the Web3 Secret Storage
/// Definition (ethereum.org developers docs, "web3-secret-storage"): kdf "scrypt" with n, r, p,
/// dklen, salt, or "pbkdf2" with c, dklen, prf "hmac-sha256", salt.
/// </summary>
public abstract record KeystoreKdf(int DerivedKeyLength)
{
    /// <summary>go-ethereum's StandardScryptN / StandardScryptP (accounts/keystore/passphrase.go): n = 2^18, r = 8, p = 1.</summary>
    public static KeystoreKdf StandardScrypt { get; } = new ScryptKdf(N: 1 << 18, R: 8, P: 1);
}

/// <summary>scrypt with cost n (a power of two), block size r and parallelism p.</summary>
public sealed record ScryptKdf(int N, int R, int P, int DerivedKeyLength = 32) : KeystoreKdf(DerivedKeyLength);

/// <summary>PBKDF2-HMAC-SHA256 with c iterations.</summary>
public sealed record Pbkdf2Kdf(int Iterations, int DerivedKeyLength = 32) : KeystoreKdf(DerivedKeyLength);
