namespace Polytraders.ContractGen;

/// <summary>
/// One folder of generated files: what the schemas generate for it, and the file pattern it owns (a file of that
/// pattern no schema generates is stale). ContractGen writes and checks these; the drift tests compare them.
/// </summary>
public sealed record GeneratedOutput(string Directory, IReadOnlyDictionary<string, string> Files, string Pattern)
{
    public static IReadOnlyList<GeneratedOutput> All(string root, ContractSchemaSet set) =>
    [
        new(RepositoryPaths.GeneratedContracts(root), CSharpContractWriter.Write(set), "*.g.cs"),
        new(RepositoryPaths.GeneratedWire(root), OrleansWireWriter.Write(set), "*.g.cs"),
        new(RepositoryPaths.GeneratedTypeScript(root), TypeScriptContractWriter.Write(set), "*.ts"),
        new(RepositoryPaths.GeneratedPython(root), PythonContractWriter.Write(set), "*.py"),
    ];

    /// <summary>How the committed folder differs from <see cref="Files"/>, one line per file, named from the root.</summary>
    public IEnumerable<string> Drift(string root) =>
        GeneratedDrift.Compare(Files, Directory, Pattern).Select(line => $"{Path.GetRelativePath(root, Directory).Replace('\\', '/')}/{line}");
}
