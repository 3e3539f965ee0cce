namespace Polytraders.Contracts.Tests.Artefacts;

/// <summary>The TypeScript declarations are real: every good fixture type-checks against them, and tsc refuses what breaks them.</summary>
public sealed class TypeScriptArtefactTests
{
    /// <summary>One tsc run over every good fixture and every type-level mutation, shared by the tests below.</summary>
    private static readonly Lazy<Task<IReadOnlyDictionary<string, List<string>>>> Run = new(() =>
        TypeScriptCheck.RunAsync([.. ArtefactCase.GoodFixtures(), .. Mutation.All.Where(m => m.TypeLevel).Select(m => m.Case)]));

    public static TheoryData<string, string> GoodFixtures => FixtureTests.GoodFixtures;

    public static TheoryData<string> TypeLevelMutations => Mutation.Names(typeLevelOnly: true);

    [Theory]
    [MemberData(nameof(GoodFixtures))]
    public async Task good_fixture_type_checks_against_the_typescript_declarations(string schema, string fixture)
    {
        var errors = (await Run.Value)[fixture];

        Assert.True(errors.Count == 0, $"{schema}: {fixture} does not type-check:\n{string.Join("\n", errors)}");
    }

    [Theory]
    [MemberData(nameof(TypeLevelMutations))]
    public async Task tsc_refuses_a_good_fixture_mutated_to_break_a_structural_rule(string name)
    {
        var mutation = Mutation.Named(name);

        var errors = (await Run.Value)[mutation.Case.Id];

        // tsc points at the offending property, or at the object that lacks a required one and names it.
        var property = $"\"{mutation.Path.Split('/')[^1]}\"";
        Assert.Contains(errors, e => e.Contains(property, StringComparison.Ordinal) || e.Contains(property.Trim('"') + "'", StringComparison.Ordinal));
    }
}
