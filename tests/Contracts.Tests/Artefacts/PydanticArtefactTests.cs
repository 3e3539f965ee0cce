using Polytraders.Trading.Validation;

namespace Polytraders.Contracts.Tests.Artefacts;

/// <summary>
/// The Pydantic models are real: every good fixture parses, and every bad fixture whose rule is structural is refused
/// where its _why_bad says. Bad fixtures of other rules (oneOf, not, the contract rules) are the C# validator's alone.
/// </summary>
public sealed class PydanticArtefactTests
{
    /// <summary>The NJsonSchema rule names of the keywords the generated models check (type, required, enum, pattern,
    /// additionalProperties, lengths, bounds, item counts, uniqueItems, date-time and uuid).</summary>
    private static readonly HashSet<string> StructuralRules =
    [
        "StringExpected", "IntegerExpected", "NumberExpected", "BooleanExpected", "PropertyRequired", "NotInEnumeration",
        "PatternMismatch", "NoAdditionalPropertiesAllowed", "NumberTooSmall", "NumberTooBig", "StringTooShort",
        "StringTooLong", "TooFewItems", "TooManyItems", "ItemsNotUnique", "DateTimeExpected", "UuidExpected",
    ];

    /// <summary>One python run over every good fixture, every structural bad fixture and every mutation.</summary>
    private static readonly Lazy<Task<IReadOnlyDictionary<string, List<PydanticError>>>> Run = new(() => PydanticCheck.RunAsync(
    [
        .. ArtefactCase.GoodFixtures(),
        .. StructuralBadFixtures.Select(row => ArtefactCase.Fixture((string)row[0], (string)row[1])),
        .. Mutation.All.Select(m => m.Case),
    ]));

    public static TheoryData<string, string> GoodFixtures => FixtureTests.GoodFixtures;

    public static TheoryData<string, string> StructuralBadFixtures
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var row in FixtureTests.BadFixtures.Where(row => StructuralRules.Contains(WhyBad((string)row[1]).Rule)))
            {
                data.Add((string)row[0], (string)row[1]);
            }

            return data;
        }
    }

    public static TheoryData<string> Mutations => Mutation.Names(typeLevelOnly: false);

    [Theory]
    [MemberData(nameof(GoodFixtures))]
    public async Task good_fixture_parses_with_the_pydantic_models(string schema, string fixture)
    {
        var errors = (await Run.Value)[fixture];

        Assert.True(errors.Count == 0, $"{schema}: {fixture} is refused:\n{string.Join("\n", errors)}");
    }

    [Theory]
    [MemberData(nameof(StructuralBadFixtures))]
    public async Task structural_bad_fixture_is_refused_by_the_pydantic_models_where_its_why_bad_says(string schema, string fixture)
    {
        var (rule, path) = WhyBad(fixture);

        var errors = (await Run.Value)[fixture];

        Assert.True(errors.Any(e => e.Path == path), $"{schema}: {fixture} breaks {rule} at {path}; the models said: [{string.Join("; ", errors)}]");
    }

    [Theory]
    [MemberData(nameof(Mutations))]
    public async Task pydantic_refuses_a_good_fixture_mutated_to_break_a_structural_rule(string name)
    {
        var mutation = Mutation.Named(name);

        var errors = (await Run.Value)[mutation.Case.Id];

        Assert.Contains(errors, e => e.Path == mutation.Path);
    }

    /// <summary>A misspelt rule above would leave its fixtures untested in silence.</summary>
    [Fact]
    public void every_structural_rule_is_named_by_a_bad_fixture()
    {
        var named = FixtureTests.BadFixtures.Select(row => WhyBad((string)row[1]).Rule).ToHashSet();

        Assert.All(StructuralRules, rule => Assert.Contains(rule, named));
    }

    private static (string Rule, string Path) WhyBad(string fixture)
    {
        var whyBad = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Repo.FixturePath(fixture)))![FixtureVerifier.WhyBadField]!.GetValue<string>();
        var claim = FixtureVerifier.WhyBadPattern().Match(whyBad);
        return (claim.Groups["rule"].Value, claim.Groups["path"].Value);
    }
}
