using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Polytraders.Contracts.Tests;

/// <summary>Code names reason codes through the generated constants; a hand-typed code must at least be registered.</summary>
public sealed partial class ReasonCodeLiteralTests
{
    [GeneratedRegex("^(INTEL|DISC|STRAT|RISK|EXEC|SEC|GOV)_[A-Z0-9_]+$")]
    private static partial Regex ReasonCodeShape();

    private static readonly SyntaxKind[] LiteralKinds =
    [
        SyntaxKind.StringLiteralToken,
        SyntaxKind.Utf8StringLiteralToken,
        SyntaxKind.SingleLineRawStringLiteralToken,
        SyntaxKind.MultiLineRawStringLiteralToken,
        SyntaxKind.InterpolatedStringTextToken,
    ];

    /// <summary>Source files under src/, without generated contracts and build output.</summary>
    private static IEnumerable<string> SourceFiles()
    {
        var src = Path.Combine(Repo.Root, "src");
        return Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(src, f).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)
                .Any(part => part is "Generated" or "bin" or "obj"))
            .Order(StringComparer.Ordinal);
    }

    /// <summary>Every string literal of <paramref name="source"/> shaped like a reason code, with its line.</summary>
    internal static IEnumerable<(string Code, int Line)> ReasonCodeLiterals(string source) =>
        CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens()
            .Where(t => LiteralKinds.Contains(t.Kind()) && ReasonCodeShape().IsMatch(t.ValueText))
            .Select(t => (t.ValueText, t.GetLocation().GetLineSpan().StartLinePosition.Line + 1));

    [Fact]
    public void every_reason_code_literal_in_src_is_registered()
    {
        var unregistered = SourceFiles()
            .SelectMany(file => ReasonCodeLiterals(File.ReadAllText(file))
                .Where(literal => !ReasonCodes.IsRegistered(literal.Code))
                .Select(literal => $"{Path.GetRelativePath(Repo.Root, file)}:{literal.Line}: \"{literal.Code}\""))
            .ToList();

        Assert.True(unregistered.Count == 0, "unregistered reason codes (use the ReasonCodes constants):\n" + string.Join("\n", unregistered));
    }

    [Fact]
    public void the_scan_finds_literals_and_ignores_comments_and_constants()
    {
        const string source = """
            // "STRAT_IN_A_COMMENT" is not a literal
            class C
            {
                string a = "STRAT_MOMENTUM_SHORT";
                string b = $"RISK_{x}_AND_{y}";
                string c = @"EXEC_VERBATIM";
                string d = ReasonCodes.StratMomentumLong;
                string e = "not_a_code";
                string f = "SEC_RAW"u8.ToString();
            }
            """;

        var found = ReasonCodeLiterals(source).Select(l => l.Code).ToList();

        Assert.Equal(["STRAT_MOMENTUM_SHORT", "EXEC_VERBATIM", "SEC_RAW"], found);
    }

    [Fact]
    public void the_scan_sees_src()
    {
        Assert.NotEmpty(SourceFiles());
        Assert.DoesNotContain(SourceFiles(), f => f.EndsWith(".g.cs", StringComparison.Ordinal) && f.Contains("Generated", StringComparison.Ordinal));
    }
}
