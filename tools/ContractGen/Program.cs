using Polytraders.ContractGen;

// Regenerates src/Contracts/Generated (the records) and src/Grains.Abstractions/Contracts/Generated (their Orleans wire
// form) from schemas/. With --check it writes nothing and exits 1 when the committed files differ from what the
// schemas generate.
var check = args.Contains("--check");
var root = RepositoryPaths.Root(Directory.GetCurrentDirectory());
var set = await ContractSchemaSet.LoadAsync(RepositoryPaths.Schemas(root));
var outputs = new[]
{
    (Directory: RepositoryPaths.GeneratedContracts(root), Files: CSharpContractWriter.Write(set)),
    (Directory: RepositoryPaths.GeneratedWire(root), Files: OrleansWireWriter.Write(set)),
};
if (check)
{
    var drift = outputs.SelectMany(o => GeneratedDrift.Compare(o.Files, o.Directory).Select(line => $"{Path.GetRelativePath(root, o.Directory)}/{line}")).ToList();
    foreach (var line in drift)
    {
        await Console.Error.WriteLineAsync(line);
    }

    await Console.Out.WriteLineAsync(drift.Count == 0 ? "contracts: up to date" : $"contracts: {drift.Count} file(s) drifted; run: dotnet run --project tools/ContractGen");
    return drift.Count == 0 ? 0 : 1;
}

foreach (var (outputDirectory, generated) in outputs)
{
    Directory.CreateDirectory(outputDirectory);
    foreach (var stale in Directory.GetFiles(outputDirectory, "*.g.cs").Where(f => !generated.ContainsKey(Path.GetFileName(f))))
    {
        File.Delete(stale);
    }

    foreach (var (name, content) in generated)
    {
        await File.WriteAllTextAsync(Path.Combine(outputDirectory, name), content);
    }

    await Console.Out.WriteLineAsync($"contracts: wrote {generated.Count} file(s) to {Path.GetRelativePath(root, outputDirectory)}");
}

return 0;
