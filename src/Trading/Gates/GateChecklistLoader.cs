using System.Text.Json;
using Polytraders.Contracts;
using Polytraders.Trading.Validation;

namespace Polytraders.Trading.Gates;

/// <summary>
/// Reads the mode-ladder checklists (<c>&lt;class&gt;/&lt;from&gt;_to_&lt;to&gt;.json</c>, one per class and
/// transition), validates each against its contract and holds every class to a complete ladder. The first file that
/// breaks a rule throws <see cref="GateChecklistRefusedException"/> naming it: the silo does not start on a ladder with a
/// missing or mislabelled rung.
/// </summary>
public sealed class GateChecklistLoader(ContractValidator validator)
{
    public async Task<GateChecklists> LoadAsync(string directory, CancellationToken cancellationToken = default)
    {
        var checklists = new List<GateChecklist>();
        foreach (var folder in Directory.GetDirectories(directory).Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
            {
                var checklist = await ReadAsync(file, cancellationToken).ConfigureAwait(false);
                var expected = $"{Rungs.Name(checklist.From)}_to_{Rungs.Name(checklist.To)}.json";
                if (Path.GetFileName(file) != expected || Path.GetFileName(folder) != ContractJson.NameOf(checklist.Class))
                {
                    throw Refused(file, "FileNotNamedForTransition", $"this checklist must be {ContractJson.NameOf(checklist.Class)}/{expected}");
                }

                checklists.Add(checklist);
            }

            if (checklists.Count(c => ContractJson.NameOf(c.Class) == Path.GetFileName(folder)) != (int)Rungs.Highest)
            {
                throw Refused(folder, "IncompleteLadder", $"a class needs one checklist per transition, {(int)Rungs.Highest} from {Rungs.Name(Rungs.Lowest)} to {Rungs.Name(Rungs.Highest)}");
            }
        }

        return new GateChecklists(checklists);
    }

    private static GateChecklistRefusedException Refused(string file, string rule, string detail) =>
        new(ReasonCodes.GovGateChecklistInvalid, file, rule, detail);

    private async Task<GateChecklist> ReadAsync(string file, CancellationToken cancellationToken)
    {
        var json = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
        if (validator.Validate(nameof(GateChecklist), json) is [var first, ..])
        {
            throw new GateChecklistRefusedException(first.ReasonCode, file, first.Rule, $"{first.Message} at {first.Path}");
        }

        return JsonSerializer.Deserialize<GateChecklist>(json, ContractJson.Options)!;
    }
}

/// <summary>A checklist file the silo refuses to start with: the file, the rule it breaks and the registered GOV_* code.</summary>
public sealed class GateChecklistRefusedException(string reasonCode, string file, string rule, string detail)
    : Exception($"{reasonCode}: {file}: {rule}: {detail}")
{
    public string ReasonCode { get; } = reasonCode;

    public string File { get; } = file;

    public string Rule { get; } = rule;
}
