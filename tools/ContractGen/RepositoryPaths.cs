namespace Polytraders.ContractGen;

/// <summary>Where the schemas and the generated contracts live, found from any folder inside the repository.</summary>
public static class RepositoryPaths
{
    public static string Root(string? start = null)
    {
        var directory = new DirectoryInfo(start ?? AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Polytraders.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Polytraders.sln not found above " + (start ?? AppContext.BaseDirectory));
    }

    public static string Schemas(string root) => Path.Combine(root, "schemas");

    public static string GeneratedContracts(string root) => Path.Combine(root, "src", "Contracts", "Generated");

    /// <summary>The contracts' Orleans wire form, beside the grain interfaces that carry them.</summary>
    public static string GeneratedWire(string root) => Path.Combine(root, "src", "Grains.Abstractions", "Contracts", "Generated");

    /// <summary>The TypeScript declarations, an npm package of types only.</summary>
    public static string GeneratedTypeScript(string root) => Path.Combine(root, "contracts", "typescript");

    /// <summary>The Pydantic models, the package polytraders_contracts.</summary>
    public static string GeneratedPython(string root) => Path.Combine(root, "contracts", "python", "polytraders_contracts");
}
