namespace Polytraders.Polymarket.Clob;

/// <summary>
/// L2 credentials from configuration (section "Clob:Credentials"), for deployments that created the key once with
/// <see cref="ClobRestClient.CreateApiKeyAsync"/> and pass it through the environment. Never logged.
/// </summary>
public sealed class ClobCredentialsOptions
{
    public const string Section = "Clob:Credentials";

    /// <summary>The EOA the key was created for (POLY_ADDRESS).</summary>
    public string Address { get; set; } = "";

    public string ApiKey { get; set; } = "";

    public string Secret { get; set; } = "";

    public string Passphrase { get; set; } = "";

    public override string ToString() => $"ClobCredentialsOptions(Address = {Address}, ApiKey = {ApiKey}, Secret = redacted, Passphrase = redacted)";
}
