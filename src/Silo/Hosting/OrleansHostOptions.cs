using System.ComponentModel.DataAnnotations;

namespace Polytraders.Silo.Hosting;

/// <summary>
/// The silo's cluster identity and endpoints (section "Orleans"). Distinct ports (and <c>Urls</c>) let several silos
/// run on one machine; with PostgreSQL storage, silos with the same ServiceId and ClusterId on one database form one
/// cluster. The standalone gateway's defaults for <c>Cluster:Clustering=AdoNet</c> are the same ids.
/// </summary>
public sealed class OrleansHostOptions
{
    public const string Section = "Orleans";

    /// <summary>Orleans' <c>ClusterMembershipOptions</c> (failure detection), bound as they are named, on PostgreSQL clustering.</summary>
    public const string MembershipSection = "Orleans:Membership";

    /// <summary>Null: "polytraders" on PostgreSQL, "dev" in memory (the localhost clustering default).</summary>
    public string? ServiceId { get; set; }

    /// <summary>Null: "polytraders" on PostgreSQL, "dev" in memory.</summary>
    public string? ClusterId { get; set; }

    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and clients reach this one at (PostgreSQL clustering).</summary>
    public string AdvertisedIPAddress { get; set; } = "127.0.0.1";

    public string EffectiveServiceId(StorageProvider provider) => ServiceId ?? (provider == StorageProvider.Postgres ? "polytraders" : "dev");

    public string EffectiveClusterId(StorageProvider provider) => ClusterId ?? (provider == StorageProvider.Postgres ? "polytraders" : "dev");
}
