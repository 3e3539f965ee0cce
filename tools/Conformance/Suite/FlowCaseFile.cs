using System.Text.Json;

namespace Polytraders.Conformance;

/// <summary>The file conformance/cases/&lt;name&gt;/case.json; the folder's name is the case's name.</summary>
internal sealed record FlowCaseFile
{
    public string Description { get; init; } = "";

    public string? Prices { get; init; }

    public IReadOnlyList<CaseStep> Steps { get; init; } = [];

    public IReadOnlyList<CaseStep> Cleanup { get; init; } = [];

    public static ConformanceCase Load(string caseFolder)
    {
        var path = Path.Combine(caseFolder, "case.json");
        var file = JsonSerializer.Deserialize<FlowCaseFile>(File.ReadAllText(path), CaseJson.Options)
                   ?? throw new InvalidDataException($"{path} holds null");
        return new ConformanceCase(Path.GetFileName(caseFolder), file.Description, file.Steps, file.Cleanup) { Prices = file.Prices };
    }
}
