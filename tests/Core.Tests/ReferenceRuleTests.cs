using Polytraders.Contracts;
using Polytraders.Tests.Shared;
using Polytraders.Trading.Risk;

namespace Polytraders.Core.Tests;

/// <summary>
/// The core and the contracts are plain C#: no Orleans, ASP.NET or database driver, and none of the shell's projects
/// (grains, silo, gateway) or the venue library. The compiler enforces the direction between our projects; this keeps
/// the packages out too.
/// </summary>
public sealed class ReferenceRuleTests
{
    private static readonly ReferenceRule Rule = new(
        "Orleans", "Microsoft.Orleans", "Microsoft.AspNetCore", "Npgsql", "System.Data",
        "Polytraders.Grains", "Polytraders.Silo", "Polytraders.Gateway", "Polytraders.Polymarket");

    [Fact]
    public void the_core_assembly_references_no_orleans_aspnet_database_or_shell_assembly() =>
        Assert.Empty(Rule.ForbiddenAssemblies(typeof(RiskEngine).Assembly));

    [Fact]
    public void the_contracts_assembly_references_no_orleans_aspnet_database_or_shell_assembly() =>
        Assert.Empty(Rule.ForbiddenAssemblies(typeof(OrderIntent).Assembly));

    [Theory]
    [InlineData("src/Trading/Trading.csproj")]
    [InlineData("src/Contracts/Contracts.csproj")]
    public void the_core_projects_reference_no_forbidden_package_or_project(string project) =>
        Assert.Empty(Rule.ForbiddenProjectReferences(Path.Combine(ReferenceRule.RepositoryRoot(), project)));

    [Fact]
    public void the_rule_finds_a_reference_of_a_referenced_project() =>
        Assert.Equal(["Polytraders.Trading -> Polytraders.Contracts"], new ReferenceRule("Polytraders.Contracts").ForbiddenAssemblies(typeof(RiskEngine).Assembly));

    [Fact]
    public void the_rule_finds_the_packages_of_the_grains_project() =>
        Assert.Contains("Microsoft.Orleans.Sdk", Rule.ForbiddenProjectReferences(Path.Combine(ReferenceRule.RepositoryRoot(), "src/Grains/Grains.csproj")));
}
