using System.Text.Json.Nodes;

namespace Polytraders.Contracts.Tests.Artefacts;

/// <summary>
/// Good fixtures changed to break one structural rule each, at <see cref="Path"/>. TypeScript's types see all but the
/// pattern (<see cref="TypeLevel"/>); the Pydantic models see all.
/// </summary>
internal sealed record Mutation(string Name, ArtefactCase Case, string Path, bool TypeLevel)
{
    private const string Launch = "good/StrategyLaunch/momentum_on_crypto_cluster.json";

    public static IReadOnlyList<Mutation> All { get; } =
    [
        New("unknown_property", "Tenant", "good/Tenant/ten_desk_three_portfolios.json", d => d["nickname"] = "desk", "#/nickname"),
        New("nested_unknown_property", "StrategyLaunch", Launch, d => d["parameters"]!["stop_loss"] = "0.1", "#/parameters/stop_loss"),
        New("value_not_in_enum", "StrategyLaunch", Launch, d => d["mode"] = "live", "#/mode"),
        New("required_property_missing", "StrategyLaunch", Launch, d => d.Remove("portfolio_id"), "#/portfolio_id"),
        New("string_for_an_integer", "StrategyLaunch", Launch, d => d["parameters"]!["fast_lookback"] = "5", "#/parameters/fast_lookback"),
        New("pattern_mismatch", "StrategyLaunch", Launch, d => d["portfolio_id"] = "PORT-1", "#/portfolio_id", typeLevel: false),
    ];

    public static TheoryData<string> Names(bool typeLevelOnly) => new(All.Where(m => m.TypeLevel || !typeLevelOnly).Select(m => m.Name));

    public static Mutation Named(string name) => All.Single(m => m.Name == name);

    private static Mutation New(string name, string schema, string fixture, Action<JsonObject> mutate, string path, bool typeLevel = true) =>
        new(name, ArtefactCase.Mutation("mutation:" + name, schema, fixture, mutate), path, typeLevel);
}
