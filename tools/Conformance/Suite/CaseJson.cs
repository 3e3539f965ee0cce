using System.Text.Json;
using System.Text.Json.Nodes;

namespace Polytraders.Conformance;

/// <summary>How case files are read: snake_case members, comments and trailing commas allowed (they are written by hand).</summary>
internal static class CaseJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static JsonNode ReadNode(string path) =>
        JsonNode.Parse(File.ReadAllText(path), documentOptions: DocumentOptions) ?? throw new InvalidDataException($"{path} holds null");
}
