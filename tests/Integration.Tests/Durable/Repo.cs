namespace Polytraders.Integration.Tests.Durable;

/// <summary>Paths of the repository and of the built binaries the process tests run (same configuration as this build).</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: the configuration this test assembly was built in (its bin/&lt;configuration&gt;/&lt;tfm&gt; folder).</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string TargetFramework { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;

    public static string SiloDll => Binary("src/Silo", "Polytraders.Silo.dll");

    public static string GatewayDll => Binary("src/Gateway", "Polytraders.Gateway.dll");

    public static string Fixture(string relative) => Path.Combine(Root, "fixtures", relative);

    private static string Binary(string project, string dll)
    {
        var path = Path.Combine(Root, project, "bin", Configuration, TargetFramework, dll);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is not built; build the solution in {Configuration} first.", path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Polytraders.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Polytraders.sln above {AppContext.BaseDirectory}.");
    }
}
