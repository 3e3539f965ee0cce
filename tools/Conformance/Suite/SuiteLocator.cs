namespace Polytraders.Conformance;

/// <summary>Finds the folder the suite's paths are relative to: the one holding conformance/, fixtures/ and schemas/.</summary>
public static class SuiteLocator
{
    public static string? FindUpwards(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "conformance", "cases")) && Directory.Exists(Path.Combine(dir.FullName, "schemas")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
