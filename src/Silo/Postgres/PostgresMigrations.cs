using System.Reflection;
using System.Text.RegularExpressions;

namespace Polytraders.Silo.Postgres;

/// <summary>
/// The project's PostgreSQL migrations, read from the SQL files embedded in this assembly
/// (<c>Postgres/Migrations/NNNN_name.sql</c>), ordered by version.
/// </summary>
public static partial class PostgresMigrations
{
    // Matched anywhere in the manifest name so it works with and without an explicit LogicalName.
    private const string ResourceMarker = ".Postgres.Migrations.";

    private static readonly Lazy<IReadOnlyList<PostgresMigration>> all = new(Load);

    public static IReadOnlyList<PostgresMigration> All => all.Value;

    [GeneratedRegex(@"^(?<version>\d{4})_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex FileNamePattern();

    private static IReadOnlyList<PostgresMigration> Load()
    {
        var assembly = typeof(PostgresMigrations).Assembly;
        var migrations = new List<PostgresMigration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var at = resource.IndexOf(ResourceMarker, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var fileName = resource[(at + ResourceMarker.Length)..];
            var match = FileNamePattern().Match(fileName);
            if (!match.Success)
            {
                throw new InvalidOperationException(
                    $"Embedded migration '{fileName}' is not named NNNN_lower_snake_name.sql.");
            }

            migrations.Add(new PostgresMigration(
                int.Parse(match.Groups["version"].Value, System.Globalization.CultureInfo.InvariantCulture),
                match.Groups["name"].Value,
                ReadResource(assembly, resource)));
        }

        if (migrations.Count == 0)
        {
            throw new InvalidOperationException(
                "No PostgreSQL migrations are embedded in Polytraders.Silo. Silo.csproj needs " +
                "<EmbeddedResource Include=\"Postgres/Migrations/*.sql\" />.");
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        // A gap or a duplicate means a file was lost or mis-numbered; applying around it would leave a
        // database that no later build can reason about.
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException(
                    $"PostgreSQL migrations must be numbered 0001, 0002, ... without gaps; found {migrations[i]} at position {i + 1}.");
            }
        }

        return migrations;
    }

    private static string ReadResource(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource '{resource}' could not be opened.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
