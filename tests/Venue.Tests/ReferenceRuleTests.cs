using Polytraders.Polymarket.Orders;
using Polytraders.Tests.Shared;

namespace Polytraders.Venue.Tests;

/// <summary>
/// The library stands alone: nothing of ours (not the core, not the contracts), of Orleans, of ASP.NET or of a database
/// driver, neither in the compiled assembly nor in its project file.
/// </summary>
public sealed class ReferenceRuleTests
{
    private static readonly ReferenceRule Rule = new("Orleans", "Microsoft.Orleans", "Microsoft.AspNetCore", "Npgsql", "System.Data", "Polytraders.");

    private static string Project => Path.Combine(ReferenceRule.RepositoryRoot(), "src", "Polymarket", "Polymarket.csproj");

    [Fact]
    public void the_assembly_references_nothing_forbidden()
    {
        var library = typeof(OrderBuilder).Assembly;

        Assert.Equal("Polytraders.Polymarket", library.GetName().Name);
        Assert.Empty(Rule.ForbiddenAssemblies(library));
    }

    [Fact]
    public void the_project_file_references_nothing_forbidden() => Assert.Empty(Rule.ForbiddenProjectReferences(Project));

    [Fact]
    public void the_rule_finds_the_forbidden_references_of_a_shell_project() =>
        Assert.Equal(
            ["Microsoft.Orleans.Reminders", "Microsoft.Orleans.Sdk", "Microsoft.Orleans.Serialization.SystemTextJson", "Microsoft.Orleans.Streaming", "Polytraders.Grains.Abstractions", "Polytraders.Polymarket", "Polytraders.Trading"],
            Rule.ForbiddenProjectReferences(Path.Combine(ReferenceRule.RepositoryRoot(), "src", "Grains", "Grains.csproj")));
}
