using System.ComponentModel.DataAnnotations;

namespace Polytraders.Polymarket.Clob;

/// <summary>
/// Where the L2 credentials come from (section "Clob:Credentials"): configured by hand (ApiKey, Secret, Passphrase,
/// passed through the environment), or, with <see cref="FromKey"/>, from the signing key itself (L1 ClobAuth) and kept
/// encrypted beside the keystore. Never logged.
/// </summary>
public sealed class ClobCredentialsOptions
{
    public const string Section = "Clob:Credentials";

    /// <summary>The EOA the key was created for (POLY_ADDRESS). With <see cref="FromKey"/>, optional: if set, it must be the signing key's.</summary>
    public string Address { get; set; } = "";

    public string ApiKey { get; set; } = "";

    public string Secret { get; set; } = "";

    public string Passphrase { get; set; } = "";

    /// <summary>
    /// Take the credentials from the signing key instead: the ones stored at <see cref="StorePath"/> when they belong
    /// to the key, else derived from the venue (created when it has none) at start, and stored there.
    /// </summary>
    public bool FromKey { get; set; }

    /// <summary>The encrypted credentials file; empty means beside the keystore, as &lt;keystore name&gt;.clob-credentials.json.</summary>
    public string StorePath { get; set; } = "";

    /// <summary>The L1 nonce the key is derived or created under (POLY_NONCE); one key per nonce.</summary>
    [Range(0, long.MaxValue)]
    public long Nonce { get; set; }

    public override string ToString() => $"ClobCredentialsOptions(Address = {Address}, ApiKey = redacted, Secret = redacted, Passphrase = redacted, FromKey = {FromKey})";
}
