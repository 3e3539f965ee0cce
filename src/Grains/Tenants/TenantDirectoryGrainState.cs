using Polytraders.Contracts;

namespace Polytraders.Grains.Tenants;

[GenerateSerializer]
[Alias("Polytraders.TenantDirectoryGrainState")]
public sealed class TenantDirectoryGrainState
{
    [Id(0)]
    public Dictionary<string, PortfolioSummary> Portfolios { get; set; } = new(StringComparer.Ordinal);

    [Id(1)]
    public Dictionary<string, StrategySummary> Strategies { get; set; } = new(StringComparer.Ordinal);

    [Id(2)]
    public Dictionary<string, BacktestSummary> Backtests { get; set; } = new(StringComparer.Ordinal);
}
