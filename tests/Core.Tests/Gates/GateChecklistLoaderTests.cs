using Polytraders.Contracts;
using Polytraders.Tests.Shared;
using Polytraders.Trading.Gates;
using Polytraders.Trading.Validation;

namespace Polytraders.Core.Tests.Gates;

public sealed class GateChecklistLoaderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "polytraders-gates-tests", Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private async Task<GateChecklistRefusedException> RefusedAsync()
    {
        var validator = await ContractValidator.LoadAsync(ContractRules.All);
        return await Assert.ThrowsAsync<GateChecklistRefusedException>(() => new GateChecklistLoader(validator).LoadAsync(_root));
    }

    /// <summary>The repository's momentum ladder, copied; <paramref name="edit"/> changes one file's text.</summary>
    private string CopyMomentum(string file, Func<string, string> edit)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, "momentum")).FullName;
        foreach (var source in Directory.GetFiles(Path.Combine(ReferenceRule.RepositoryRoot(), "gates", "momentum")))
        {
            var text = File.ReadAllText(source);
            File.WriteAllText(Path.Combine(folder, Path.GetFileName(source)), Path.GetFileName(source) == file ? edit(text) : text);
        }

        return Path.Combine(folder, file);
    }

    [Fact]
    public async Task a_class_without_its_wide_live_checklist_stops_the_load()
    {
        File.Delete(CopyMomentum("limited_live_to_wide_live.json", t => t));

        var refused = await RefusedAsync();

        Assert.Equal(ReasonCodes.GovGateChecklistInvalid, refused.ReasonCode);
        Assert.Equal("IncompleteLadder", refused.Rule);
    }

    [Fact]
    public async Task a_checklist_filed_under_another_transition_stops_the_load_naming_the_file()
    {
        var file = CopyMomentum("docs-complete_to_demo-wired.json", t => t.Replace("\"from\": \"docs-complete\"", "\"from\": \"demo-wired\"", StringComparison.Ordinal));

        var refused = await RefusedAsync();

        Assert.Equal(file, refused.File);
        Assert.Equal("OneRungUp", refused.Rule);
    }
}
