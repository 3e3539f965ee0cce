namespace Polytraders.Grains;

/// <summary>Filters of GET /api/v1/audit; results are oldest first, paged by an opaque cursor.</summary>
[GenerateSerializer]
[Alias("Polytraders.AuditQuery")]
public sealed record AuditQuery
{
    [Id(0)]
    public string? PortfolioId { get; init; }

    [Id(1)]
    public string? StrategyId { get; init; }

    [Id(2)]
    public string? LaunchId { get; init; }

    [Id(3)]
    public string? ReasonCode { get; init; }

    [Id(4)]
    public DateTimeOffset? Since { get; init; }

    [Id(5)]
    public DateTimeOffset? Until { get; init; }

    [Id(6)]
    public int Limit { get; init; } = 100;

    [Id(7)]
    public string? Cursor { get; init; }
}
