using System.Text.Encodings.Web;
using System.Text.Json;

namespace Polytraders.ContractGen;

/// <summary>Source literals for the TypeScript and Python writers.</summary>
public static class Literal
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A double-quoted string literal: JSON's escapes are valid in both TypeScript and Python.</summary>
    public static string String(string value) => JsonSerializer.Serialize(value, Relaxed);
}
