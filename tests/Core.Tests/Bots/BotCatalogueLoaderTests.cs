using Polytraders.Contracts;
using Polytraders.Tests.Shared;
using Polytraders.Trading.Bots;
using Polytraders.Trading.Validation;

namespace Polytraders.Core.Tests.Bots;

public sealed class BotCatalogueLoaderTests
{
    private static string RepositoryBots => Path.Combine(ReferenceRule.RepositoryRoot(), "bots");

    [Fact]
    public async Task the_repository_registers_momentum_v1_demo_wired_with_27_sections_pinned()
    {
        var catalogue = await BotFolder.LoadAsync(RepositoryBots);

        var momentum = catalogue.Find("momentum-v1");
        Assert.NotNull(momentum);
        Assert.Equal(BotStatus.DemoWired, momentum.Status);
        Assert.Equal(Enumerable.Range(1, 27), momentum.Sections.Select(s => (int)s.Number));
        Assert.Same(momentum, catalogue.Resolve(StrategyLaunchFamily.Momentum, "1.0.0"));
    }

    [Fact]
    public async Task a_spec_with_26_sections_stops_the_load_naming_the_file_and_the_rule()
    {
        using var folder = new BotFolder();
        var spec = BotFolder.TestSpec("test-bot-short");
        var sections = spec.Sections.Take(26).ToList();
        var file = folder.WriteSpec(spec with { Sections = sections, ContentHash = BotSpecHash.Compute(sections) });
        folder.WithPins(BotFolder.PinOf(spec));

        var refused = await Assert.ThrowsAsync<BotSpecRefusedException>(folder.LoadAsync);

        Assert.Equal(ReasonCodes.GovBotSpecInvalid, refused.ReasonCode);
        Assert.Equal(file, refused.File);
        Assert.Equal("TooFewItems", refused.Rule);
        Assert.Contains(file, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_section_edited_after_hashing_is_refused_as_a_hash_mismatch()
    {
        using var folder = new BotFolder();
        var spec = BotFolder.TestSpec("test-bot-edited");
        spec.Sections[4] = spec.Sections[4] with { Body = "Test data: a body edited after the spec was hashed." };
        folder.With(spec);

        var refused = await Assert.ThrowsAsync<BotSpecRefusedException>(folder.LoadAsync);

        Assert.Equal((ReasonCodes.GovBotSpecInvalid, "ContentHashMismatch"), (refused.ReasonCode, refused.Rule));
    }

    [Fact]
    public async Task a_spec_whose_hash_drifted_from_its_pin_without_a_version_change_is_refused()
    {
        using var folder = new BotFolder();
        var pinned = BotFolder.TestSpec("test-bot-frozen");
        var sections = pinned.Sections.Select(s => s.Number == 11 ? s with { Body = "Test data: the entry rule, quietly rewritten." } : s).ToList();
        var file = folder.WriteSpec(pinned with { Sections = sections, ContentHash = BotSpecHash.Compute(sections) });
        folder.WithPins(BotFolder.PinOf(pinned));

        var refused = await Assert.ThrowsAsync<BotSpecRefusedException>(folder.LoadAsync);

        Assert.Equal((ReasonCodes.GovBotSpecChangedWithoutVersion, "ChangedWithoutVersion", file), (refused.ReasonCode, refused.Rule, refused.File));
    }

    [Fact]
    public async Task a_new_spec_version_loads_once_the_registry_pins_it_and_not_before()
    {
        using var folder = new BotFolder();
        var revised = BotFolder.TestSpec("test-bot-revised", specVersion: "1.1.0");
        folder.WriteSpec(revised);
        folder.WithPins(BotFolder.PinOf(revised) with { SpecVersion = "1.0.0" });

        var refused = await Assert.ThrowsAsync<BotSpecRefusedException>(folder.LoadAsync);
        Assert.Equal((ReasonCodes.GovBotSpecNotPinned, "VersionNotPinned"), (refused.ReasonCode, refused.Rule));

        folder.WithPins(BotFolder.PinOf(revised));
        Assert.Equal("1.1.0", (await folder.LoadAsync()).Find("test-bot-revised")!.SpecVersion);
    }

    [Fact]
    public async Task a_spec_nobody_pinned_and_a_pin_without_its_spec_are_both_refused()
    {
        using var unpinned = new BotFolder();
        unpinned.With(BotFolder.TestSpec("test-bot-a"));
        unpinned.WriteSpec(BotFolder.TestSpec("test-bot-b"));
        var refused = await Assert.ThrowsAsync<BotSpecRefusedException>(unpinned.LoadAsync);
        Assert.Equal((ReasonCodes.GovBotSpecNotPinned, "Unpinned"), (refused.ReasonCode, refused.Rule));

        using var orphan = new BotFolder();
        orphan.WriteSpec(BotFolder.TestSpec("test-bot-a"));
        orphan.WithPins(BotFolder.PinOf(BotFolder.TestSpec("test-bot-a")), BotFolder.PinOf(BotFolder.TestSpec("test-bot-gone")));
        refused = await Assert.ThrowsAsync<BotSpecRefusedException>(orphan.LoadAsync);
        Assert.Equal((ReasonCodes.GovBotSpecNotPinned, "PinWithoutSpec"), (refused.ReasonCode, refused.Rule));
    }

    [Fact]
    public async Task a_spec_file_not_named_for_its_bot_is_refused()
    {
        using var folder = new BotFolder();
        var spec = BotFolder.TestSpec("test-bot-named");
        folder.WriteSpec(spec, "another-name.json");
        folder.WithPins(BotFolder.PinOf(spec));

        var refused = await Assert.ThrowsAsync<BotSpecRefusedException>(folder.LoadAsync);

        Assert.Equal((ReasonCodes.GovBotSpecInvalid, "FileNotNamedForBot"), (refused.ReasonCode, refused.Rule));
    }

    [Fact]
    public async Task a_registry_pinning_a_bot_twice_is_refused_as_unpinned()
    {
        using var folder = new BotFolder();
        var spec = BotFolder.TestSpec("test-bot-twice");
        folder.WriteSpec(spec);
        folder.WithPins(BotFolder.PinOf(spec), BotFolder.PinOf(spec) with { SpecVersion = "1.0.1" });

        var refused = await Assert.ThrowsAsync<BotSpecRefusedException>(folder.LoadAsync);

        Assert.Equal((ReasonCodes.GovBotSpecNotPinned, "DuplicatePin"), (refused.ReasonCode, refused.Rule));
    }

    [Fact]
    public async Task a_launch_of_an_unregistered_version_resolves_to_no_bot()
    {
        using var folder = new BotFolder();
        var catalogue = await folder.With(BotFolder.TestSpec("test-bot-v1")).LoadAsync();

        Assert.NotNull(catalogue.Resolve(StrategyLaunchFamily.Momentum, "1.0.0"));
        Assert.Null(catalogue.Resolve(StrategyLaunchFamily.Momentum, "9.9.9"));
    }

    [Fact]
    public void every_refusal_code_is_registered()
    {
        Assert.All(
            [ReasonCodes.GovBotSpecInvalid, ReasonCodes.GovBotSpecNotPinned, ReasonCodes.GovBotSpecChangedWithoutVersion, ReasonCodes.StratUnregisteredBot],
            code => Assert.True(ReasonCodes.IsRegistered(code), code));
    }
}
