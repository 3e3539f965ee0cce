using System.ComponentModel.DataAnnotations;

namespace Polytraders.Grains.Execution;

/// <summary>Where the execution grain's key comes from (section "Signing").</summary>
public sealed class SigningOptions
{
    public const string Section = "Signing";

    /// <summary>The development keystore: where the embedded default makes (and then reuses) a development key.</summary>
    public static string DevelopmentKeystorePath { get; } = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".polytraders", "dev-keystore.json");

    /// <summary>The password compiled in for the development keystore; a Production silo refuses to start with it.</summary>
    public const string DevelopmentKeystorePassword = "polytraders-development-only";

    /// <summary>Web3 Secret Storage file; the embedded default makes a development key here on first run.</summary>
    [Required]
    public string KeystorePath { get; set; } = DevelopmentKeystorePath;

    /// <summary>Keystore password; for development only. Live deployments pass it through the environment.</summary>
    [Required]
    public string KeystorePassword { get; set; } = DevelopmentKeystorePassword;

    /// <summary>True when the key is the generated development key, which no live mode accepts.</summary>
    public bool IsDevelopmentKey { get; set; } = true;

    [Range(1, long.MaxValue)]
    public long ChainId { get; set; } = 137;

    /// <summary>Open the key while the silo starts (fail fast on a bad keystore); off only to test recovery from a key that fails later.</summary>
    public bool OpenAtStart { get; set; } = true;
}
