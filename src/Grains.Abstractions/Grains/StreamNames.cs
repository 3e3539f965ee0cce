namespace Polytraders.Grains;

/// <summary>Names of the Orleans stream provider and namespaces, shared by publishers and subscribers.</summary>
public static class StreamNames
{
    public const string Provider = "market-stream";

    /// <summary>Price updates of one market; stream key = market id.</summary>
    public const string MarketNamespace = "market";

    public const string PubSubStore = "PubSubStore";

    public const string GrainStorage = "Default";
}
