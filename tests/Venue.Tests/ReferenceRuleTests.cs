using System.Xml.Linq;
using Polytraders.Polymarket.Orders;

namespace Polytraders.Venue.Tests;

/// <summary>
/// The library stands alone: nothing of ours, of Orleans, of ASP.NET or of Npgsql, neither in the compiled assembly
/// nor in its project file (the compiler drops a reference nothing uses, so the metadata alone would miss one).
/// </summary>
public sealed class ReferenceRuleTests
{
    private static readonly string[] Forbidden = ["Orleans", "Microsoft.Orleans", "Microsoft.AspNetCore", "Npgsql", "Polytraders."];

    [Fact]
    public void the_assembly_references_nothing_forbidden()
    {
        var library = typeof(OrderBuilder).Assembly;

        Assert.Equal("Polytraders.Polymarket", library.GetName().Name);
        Assert.DoesNotContain(library.GetReferencedAssemblies(), a => IsForbidden(a.Name!));
    }

    [Fact]
    public void the_project_file_references_nothing_forbidden()
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot(), "src", "Polymarket", "Polymarket.csproj"));
        var references = project.Descendants()
            .Where(e => e.Name.LocalName is "PackageReference" or "ProjectReference" or "FrameworkReference" or "Reference")
            .Select(e => (string?)e.Attribute("Include") ?? "")
            .ToList();

        Assert.NotEmpty(references);
        Assert.DoesNotContain(references, r => IsForbidden(Path.GetFileNameWithoutExtension(r)) || r.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("Orleans.Core", true)]
    [InlineData("Microsoft.Orleans.Sdk", true)]
    [InlineData("Microsoft.AspNetCore.App", true)]
    [InlineData("Npgsql", true)]
    [InlineData("Polytraders.Grains.Abstractions", true)]
    [InlineData("BouncyCastle.Cryptography", false)]
    [InlineData("Microsoft.Extensions.Options", false)]
    public void the_rule_knows_forbidden_names(string name, bool forbidden) => Assert.Equal(forbidden, IsForbidden(name));

    private static bool IsForbidden(string name) => Forbidden.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    private static string RepositoryRoot()
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
