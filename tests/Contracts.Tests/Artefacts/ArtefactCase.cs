using System.Text.Json.Nodes;
using Polytraders.Trading.Validation;

namespace Polytraders.Contracts.Tests.Artefacts;

/// <summary>One document the TypeScript and Python artefacts are run on: a fixture (less its _why_bad) or a mutation of one.</summary>
internal sealed record ArtefactCase(string Id, string Schema, JsonObject Document)
{
    public static ArtefactCase Fixture(string schema, string fixture)
    {
        var document = JsonNode.Parse(File.ReadAllText(Repo.FixturePath(fixture)))!.AsObject();
        document.Remove(FixtureVerifier.WhyBadField);
        return new ArtefactCase(fixture, schema, document);
    }

    public static IReadOnlyList<ArtefactCase> GoodFixtures() =>
        [.. FixtureTests.GoodFixtures.Select(row => Fixture((string)row[0], (string)row[1]))];

    /// <summary>A good fixture changed so that it breaks one structural rule: what shows each artefact can refuse.</summary>
    public static ArtefactCase Mutation(string id, string schema, string goodFixture, Action<JsonObject> mutate)
    {
        var document = Fixture(schema, goodFixture).Document;
        mutate(document);
        return new ArtefactCase(id, schema, document);
    }
}
