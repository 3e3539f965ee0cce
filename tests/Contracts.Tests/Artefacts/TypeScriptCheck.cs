using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Polytraders.ContractGen;

namespace Polytraders.Contracts.Tests.Artefacts;

/// <summary>
/// Type-checks documents against the generated TypeScript declarations: each becomes an object literal declared with
/// its contract's type in one generated file, so tsc checks literal types (enums) and excess properties
/// (additionalProperties: false) as it would in a client, and one tsc run covers every document.
/// </summary>
internal static partial class TypeScriptCheck
{
    private static readonly SemaphoreSlim Installing = new(1, 1);

    public static string PackageDirectory => RepositoryPaths.GeneratedTypeScript(Repo.Root);

    /// <summary>tsc's errors per case id, each with the source line it points at (none: the document type-checks).</summary>
    public static async Task<IReadOnlyDictionary<string, List<string>>> RunAsync(IReadOnlyList<ArtefactCase> cases)
    {
        await EnsureTypeScriptAsync();
        using var temp = Repo.Temp();
        var (source, lines) = Source(cases);
        await File.WriteAllTextAsync(temp.Combine("documents.ts"), source);
        await File.WriteAllTextAsync(temp.Combine("tsconfig.json"), JsonSerializer.Serialize(new
        {
            extends = Path.Combine(PackageDirectory, "tsconfig.json"),
            include = new[] { "documents.ts" },
        }));

        var tsc = Path.Combine(PackageDirectory, "node_modules", "typescript", "bin", "tsc");
        var run = await ExternalTool.RunAsync("node", [tsc, "-p", temp.Combine("tsconfig.json"), "--pretty", "false"], temp.Path);
        var errors = cases.ToDictionary(c => c.Id, _ => new List<string>(), StringComparer.Ordinal);
        var sourceLines = source.Split('\n');
        string? current = null;
        foreach (var line in run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (ErrorLine().Match(line) is { Success: true } error)
            {
                var at = int.Parse(error.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture);
                current = lines.SingleOrDefault(l => l.First <= at && at <= l.Last).Id
                    ?? throw new InvalidOperationException($"tsc reported an error outside every document:\n{run}");
                errors[current].Add($"{error.Groups["message"].Value} [line: {sourceLines[at - 1].Trim()}]");
            }
            else if (current is not null && line.StartsWith(' '))
            {
                errors[current][^1] += " " + line.Trim(); // tsc continues a message on indented lines
            }
            else
            {
                throw new InvalidOperationException($"tsc failed on its own:\n{run}");
            }
        }

        if (run.ExitCode != 0 && errors.Values.All(e => e.Count == 0))
        {
            throw new InvalidOperationException($"tsc failed without naming a document:\n{run}");
        }

        return errors;
    }

    /// <summary>TypeScript comes from npm at the version package-lock.json pins; npm ci installs it on a fresh clone.</summary>
    private static async Task EnsureTypeScriptAsync()
    {
        await Installing.WaitAsync();
        try
        {
            if (File.Exists(Path.Combine(PackageDirectory, "node_modules", "typescript", "package.json")))
            {
                return;
            }

            var install = await ExternalTool.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], PackageDirectory);
            if (install.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm ci in {PackageDirectory} failed (it needs the npm registry):\n{install}");
            }
        }
        finally
        {
            Installing.Release();
        }
    }

    private static (string Source, List<(int First, int Last, string Id)> Lines) Source(IReadOnlyList<ArtefactCase> cases)
    {
        var index = Path.Combine(PackageDirectory, "index.js").Replace('\\', '/');
        var source = new StringBuilder($"import type * as contracts from {JsonSerializer.Serialize(index)};\n");
        var lines = new List<(int, int, string)>();
        var line = 2;
        for (var i = 0; i < cases.Count; i++)
        {
            var literal = cases[i].Document.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
            var count = literal.Count(c => c == '\n') + 1;
            source.Append($"// {cases[i].Id}\nexport const document{i}: contracts.{cases[i].Schema} = {literal};\n");
            lines.Add((line + 1, line + count, cases[i].Id));
            line += count + 1;
        }

        return (source.ToString(), lines);
    }

    [GeneratedRegex(@"^documents\.ts\((?<line>\d+),\d+\): error (?<message>TS\d+: .*)$")]
    private static partial Regex ErrorLine();
}
