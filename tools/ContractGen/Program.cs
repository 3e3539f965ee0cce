using Polytraders.ContractGen;

// Regenerates, from schemas/: src/Contracts/Generated (the C# records), src/Grains.Abstractions/Contracts/Generated
// (their Orleans wire form), contracts/typescript (TypeScript declarations) and contracts/python/polytraders_contracts
// (Pydantic models). With --check it writes nothing and exits 1 when the committed files differ from what the schemas
// generate; src/Contracts runs that check on every build.
var check = args.Contains("--check");
var root = RepositoryPaths.Root(Directory.GetCurrentDirectory());
var outputs = GeneratedOutput.All(root, await ContractSchemaSet.LoadAsync(RepositoryPaths.Schemas(root)));
if (check)
{
    var drift = outputs.SelectMany(o => o.Drift(root)).ToList();
    foreach (var line in drift)
    {
        await Console.Error.WriteLineAsync(line);
    }

    await Console.Out.WriteLineAsync(drift.Count == 0 ? "contracts: up to date" : $"contracts: {drift.Count} file(s) drifted; run: dotnet run --project tools/ContractGen");
    return drift.Count == 0 ? 0 : 1;
}

foreach (var output in outputs)
{
    Directory.CreateDirectory(output.Directory);
    foreach (var stale in Directory.GetFiles(output.Directory, output.Pattern).Where(f => !output.Files.ContainsKey(Path.GetFileName(f))))
    {
        File.Delete(stale);
    }

    foreach (var (name, content) in output.Files)
    {
        await File.WriteAllTextAsync(Path.Combine(output.Directory, name), content);
    }

    await Console.Out.WriteLineAsync($"contracts: wrote {output.Files.Count} file(s) to {Path.GetRelativePath(root, output.Directory)}");
}

return 0;
