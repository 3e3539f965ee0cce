using Polytraders.Contracts;

namespace Polytraders.Grains;

/// <summary>
/// The registered Bots, read-only (key 0): what each silo loaded and pinned from bots/ at start. There is no write
/// method on purpose: specs are frozen for M2, so nothing at runtime edits one.
/// </summary>
[Alias("Polytraders.IBotRegistryGrain")]
public interface IBotRegistryGrain : IGrainWithIntegerKey
{
    [Alias("List")]
    Task<List<BotSummary>> List();

    /// <summary>The Bot's spec with its sections; null when no Bot has that id.</summary>
    [Alias("Get")]
    Task<BotSpec?> Get(string botId);

    [Alias("StatusBoard")]
    Task<StatusBoard> StatusBoard();
}
