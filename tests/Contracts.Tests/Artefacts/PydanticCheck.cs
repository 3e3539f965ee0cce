using System.Text.Json;
using System.Text.Json.Serialization;
using Polytraders.ContractGen;

namespace Polytraders.Contracts.Tests.Artefacts;

/// <summary>One refusal by the Pydantic models: where (a JSON pointer, as _why_bad names places) and Pydantic's error type.</summary>
internal sealed record PydanticError(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("message")] string Message)
{
    public override string ToString() => $"{Type} at {Path}: {Message}";
}

/// <summary>Parses documents with the generated Pydantic models, all in one python3 run (parse_with_pydantic.py).</summary>
internal static class PydanticCheck
{
    private const int PydanticMissing = 3;

    /// <summary>The models' refusals per case id (none: the document parsed).</summary>
    public static async Task<IReadOnlyDictionary<string, List<PydanticError>>> RunAsync(IReadOnlyList<ArtefactCase> cases)
    {
        var input = JsonSerializer.Serialize(cases.Select(c => new { id = c.Id, model = c.Schema, document = c.Document.ToJsonString() }));
        var script = Path.Combine(Repo.Root, "tests", "Contracts.Tests", "Artefacts", "parse_with_pydantic.py");
        var package = Path.GetDirectoryName(RepositoryPaths.GeneratedPython(Repo.Root))!;
        var run = await ExternalTool.RunAsync(
            "python3",
            [script, package],
            Repo.Root,
            input,
            new Dictionary<string, string> { ["PYTHONDONTWRITEBYTECODE"] = "1" }); // no __pycache__ in the committed package
        return run.ExitCode switch
        {
            0 => JsonSerializer.Deserialize<Dictionary<string, List<PydanticError>>>(run.StandardOutput)!,
            PydanticMissing => throw new InvalidOperationException($"{run.StandardError.Trim()}\n{ExternalTool.InstallHint("python3")}"),
            _ => throw new InvalidOperationException($"python3 {script} failed:\n{run}"),
        };
    }
}
