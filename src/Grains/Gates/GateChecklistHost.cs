using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polytraders.Trading.Gates;
using Polytraders.Trading.Validation;

namespace Polytraders.Grains.Gates;

/// <summary>The silo's one copy of the mode-ladder checklists, loaded once (at start, or by whoever asks first) and never changed.</summary>
public sealed partial class GateChecklistHost
{
    private readonly Lazy<Task<GateChecklists>> _checklists;

    public GateChecklistHost(IOptions<GatesOptions> options, ILogger<GateChecklistHost> logger)
    {
        _checklists = new(() => LoadAsync(options.Value.Directory, logger), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public Task<GateChecklists> GetAsync() => _checklists.Value;

    private static async Task<GateChecklists> LoadAsync(string directory, ILogger logger)
    {
        var validator = await ContractValidator.LoadAsync(ContractRules.All).ConfigureAwait(false);
        try
        {
            var checklists = await new GateChecklistLoader(validator).LoadAsync(directory).ConfigureAwait(false);
            LogLoaded(logger, directory);
            return checklists;
        }
        catch (GateChecklistRefusedException e)
        {
            LogRefused(logger, e.ReasonCode, e.File, e.Rule, e.Message);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Gates: mode-ladder checklists loaded from {Directory}")]
    private static partial void LogLoaded(ILogger logger, string directory);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Gates: {ReasonCode} refuses {File} ({Rule}): {Detail}")]
    private static partial void LogRefused(ILogger logger, string reasonCode, string file, string rule, string detail);
}
