namespace Polytraders.ContractGen;

/// <summary>Differences between freshly generated contracts and the files of <c>pattern</c> committed in a folder.</summary>
public static class GeneratedDrift
{
    public static IReadOnlyList<string> Compare(IReadOnlyDictionary<string, string> generated, string directory, string pattern)
    {
        var drift = new List<string>();
        foreach (var (name, content) in generated)
        {
            var path = Path.Combine(directory, name);
            if (!File.Exists(path))
            {
                drift.Add($"{name}: missing");
            }
            else if (!string.Equals(File.ReadAllText(path).ReplaceLineEndings("\n"), content, StringComparison.Ordinal))
            {
                drift.Add($"{name}: differs from the schemas");
            }
        }

        if (Directory.Exists(directory))
        {
            drift.AddRange(Directory.GetFiles(directory, pattern)
                .Select(Path.GetFileName)
                .Where(name => !generated.ContainsKey(name!))
                .Select(name => $"{name}: no schema generates it"));
        }

        return drift;
    }
}
