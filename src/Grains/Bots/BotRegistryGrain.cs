using Orleans.Concurrency;
using Polytraders.Contracts;
using Polytraders.Trading.Bots;

namespace Polytraders.Grains.Bots;

/// <summary>Reads of the silo's Bot catalogue; any silo answers the same, since every silo loads the same pinned files.</summary>
[StatelessWorker]
public sealed class BotRegistryGrain(BotCatalogueHost registry) : Grain, IBotRegistryGrain
{
    public async Task<List<BotSummary>> List() => (await registry.GetAsync()).All.Select(BotCatalogue.Summary).ToList();

    public async Task<BotSpec?> Get(string botId) => (await registry.GetAsync()).Find(botId);

    public async Task<StatusBoard> StatusBoard() => (await registry.GetAsync()).StatusBoard();
}
