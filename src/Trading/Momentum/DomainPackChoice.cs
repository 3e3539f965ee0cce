using Polytraders.Contracts;
using Polytraders.Trading.Intelligence;

namespace Polytraders.Trading.Momentum;

/// <summary>The pack a launch runs: the one it names, else its Cluster's taxonomy root when a pack has that name, else crypto.</summary>
public static class DomainPackChoice
{
    public static string For(StrategyLaunch launch, string? clusterTaxonomy)
    {
        if (launch.DomainPack is { } named)
        {
            return named == StrategyLaunchDomainPack.Politics ? PoliticsPack.Name : CryptoPack.Name;
        }

        var root = clusterTaxonomy?.Split('/')[0];
        return DomainPack.Names.FirstOrDefault(n => n == root) ?? CryptoPack.Name;
    }
}
