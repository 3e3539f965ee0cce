using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Polytraders.Polymarket.Keystore;

namespace Polytraders.Integration.Tests.Durable;

/// <summary>
/// Development keystores for test silos, encrypted with a cheap KDF: the standard scrypt costs a second or more per
/// open, and every silo start opens one. Each silo may get its own, so which silo signed is visible in the address.
/// </summary>
internal sealed class TestKeys : IDisposable
{
    public const string Password = "integration-tests-only";

    private readonly string _directory = Directory.CreateTempSubdirectory("polytraders-it-keys-").FullName;

    /// <summary>Creates a keystore and returns its path and the lower-case hex address (no 0x) it holds.</summary>
    public (string Path, string Address) Create(string name)
    {
        var path = System.IO.Path.Combine(_directory, name + ".json");
        using (DevKeyFile.LoadOrCreate(path, Password, NullLogger.Instance, new Pbkdf2Kdf(1024)))
        {
        }

        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return (path, json.RootElement.GetProperty("address").GetString()!.ToLowerInvariant().Replace("0x", "", StringComparison.Ordinal));
    }

    public static string Hex(string address) => address.ToLowerInvariant().Replace("0x", "", StringComparison.Ordinal);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
