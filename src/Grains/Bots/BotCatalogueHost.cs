using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polytraders.Trading.Bots;
using Polytraders.Trading.Validation;

namespace Polytraders.Grains.Bots;

/// <summary>
/// The silo's one copy of the Bot catalogue, loaded once (at start by <see cref="BotCatalogueStartup"/>, or by whoever
/// asks first) and never changed: the specs are frozen for M2.
/// </summary>
public sealed partial class BotCatalogueHost
{
    private readonly Lazy<Task<BotCatalogue>> _catalogue;

    public BotCatalogueHost(IOptions<BotsOptions> options, ILogger<BotCatalogueHost> logger)
    {
        _catalogue = new(() => LoadAsync(options.Value.Directory, logger), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public Task<BotCatalogue> GetAsync() => _catalogue.Value;

    private static async Task<BotCatalogue> LoadAsync(string directory, ILogger logger)
    {
        var validator = await ContractValidator.LoadAsync(ContractRules.All).ConfigureAwait(false);
        try
        {
            var catalogue = await new BotCatalogueLoader(validator).LoadAsync(directory).ConfigureAwait(false);
            LogLoaded(logger, catalogue.All.Count, directory);
            return catalogue;
        }
        catch (BotSpecRefusedException e)
        {
            LogRefused(logger, e.ReasonCode, e.File, e.Rule, e.Message);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bots: {Count} registered Bot(s) loaded and pinned from {Directory}")]
    private static partial void LogLoaded(ILogger logger, int count, string directory);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Bots: {ReasonCode} refuses {File} ({Rule}): {Detail}")]
    private static partial void LogRefused(ILogger logger, string reasonCode, string file, string rule, string detail);
}
