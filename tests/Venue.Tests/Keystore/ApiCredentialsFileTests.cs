using Polytraders.Polymarket.Auth;
using Polytraders.Polymarket.Clob;
using Polytraders.Polymarket.Keystore;
using Polytraders.Polymarket.Signing;

namespace Polytraders.Venue.Tests.Keystore;

/// <summary>API credentials are stored like the key: a v3 keystore envelope, owner-only, nothing of them in clear.</summary>
public sealed class ApiCredentialsFileTests : IDisposable
{
    private static readonly KeystoreKdf FastKdf = new Pbkdf2Kdf(Iterations: 1024);

    private static readonly ClobAccount Account = new(
        TestAccounts.HardhatAddress,
        new ApiCredentials("5f0c3a9e-1b7d-4c2a-9e8f-0a1b2c3d4e5f", "c2VjcmV0LWJ5dGVzLW9mLXRoZS1hcGkta2V5LXRlc3Q=", "9d2b8f0e7a6c5d4b3a2918f7e6d5c4b3a2918f7e6d5c4b3a2918f7e6d5c4b3a29"));

    private readonly string _directory = Directory.CreateTempSubdirectory("polytraders-credentials-").FullName;

    private string PathOf(string name) => System.IO.Path.Combine(_directory, name);

    [Fact]
    public void saved_credentials_open_again_under_the_password()
    {
        ApiCredentialsFile.Save(PathOf("creds.json"), Account, "pw", FastKdf);

        Assert.Equal(Account, ApiCredentialsFile.Load(PathOf("creds.json"), "pw"));
    }

    [Fact]
    public void the_file_holds_no_part_of_the_credentials_in_clear_and_is_the_owners_alone()
    {
        ApiCredentialsFile.Save(PathOf("creds.json"), Account, "pw", FastKdf);
        var text = File.ReadAllText(PathOf("creds.json"));

        Assert.DoesNotContain(Account.Credentials.Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Account.Credentials.Passphrase, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Account.Credentials.Key, text, StringComparison.Ordinal);
        Assert.Contains("\"cipher\": \"aes-128-ctr\"", text, StringComparison.Ordinal);
        Assert.Contains("f39fd6e51aad88f6f4ce6ab8827279cfffb92266", text, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(PathOf("creds.json")));
        }
    }

    [Fact]
    public void saving_again_replaces_the_file_and_leaves_no_temporary_behind()
    {
        ApiCredentialsFile.Save(PathOf("creds.json"), Account, "pw", FastKdf);
        var renewed = Account with { Credentials = Account.Credentials with { Key = "another-key" } };

        ApiCredentialsFile.Save(PathOf("creds.json"), renewed, "pw", FastKdf);

        Assert.Equal(renewed, ApiCredentialsFile.Load(PathOf("creds.json"), "pw"));
        Assert.Single(Directory.GetFiles(_directory));
    }

    [Fact]
    public void a_wrong_password_or_a_signing_keystore_is_refused_without_revealing_anything()
    {
        ApiCredentialsFile.Save(PathOf("creds.json"), Account, "pw", FastKdf);
        using var key = SigningKey.Generate();
        File.WriteAllText(PathOf("key.json"), Web3Keystore.Encrypt(key, "pw", FastKdf));

        var wrongPassword = Assert.Throws<KeystoreException>(() => ApiCredentialsFile.Load(PathOf("creds.json"), "guess"));
        Assert.Throws<KeystoreException>(() => ApiCredentialsFile.Load(PathOf("key.json"), "pw"));

        Assert.DoesNotContain(Account.Credentials.Secret, wrongPassword.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
