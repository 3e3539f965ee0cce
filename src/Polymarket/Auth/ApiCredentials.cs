namespace Polytraders.Polymarket.Auth;

/// <summary>
/// L2 API credentials as /auth/api-key returns them. The secret is base64 (URL-safe alphabet
/// accepted); secret and passphrase never appear in <see cref="ToString"/>.
/// </summary>
public sealed record ApiCredentials(string Key, string Secret, string Passphrase)
{
    public override string ToString() => $"ApiCredentials(Key = {Key}, Secret = redacted, Passphrase = redacted)";
}
