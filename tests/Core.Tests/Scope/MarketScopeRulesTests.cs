using Polytraders.Contracts;
using Polytraders.Trading.Scope;

namespace Polytraders.Core.Tests.Scope;

public class MarketScopeRulesTests
{
    private static List<string> Markets(int count) => [.. Enumerable.Range(1, count).Select(i => "0x" + i.ToString("x64"))];

    private static string[] Codes(MarketScope scope) => [.. MarketScopeRules.Validate(scope).Select(v => v.Code)];

    [Fact]
    public void a_cluster_binding_or_a_manual_list_of_up_to_fifty_markets_is_valid()
    {
        Assert.Empty(Codes(new MarketScope { Mode = ScopeMode.Cluster, ClusterId = "crypto" }));
        Assert.Empty(Codes(new MarketScope { Mode = ScopeMode.Manual, MarketIds = Markets(1) }));
        Assert.Empty(Codes(new MarketScope { Mode = ScopeMode.Manual, MarketIds = Markets(50) }));
    }

    [Fact]
    public void a_scope_naming_both_a_cluster_and_markets_is_mixed()
    {
        Assert.Equal([ReasonCodes.StratScopeMixedModes], Codes(new MarketScope { Mode = ScopeMode.Cluster, ClusterId = "crypto", MarketIds = Markets(1) }));
        Assert.Equal([ReasonCodes.StratScopeMixedModes], Codes(new MarketScope { Mode = ScopeMode.Manual, ClusterId = "crypto", MarketIds = Markets(1) }));
    }

    [Fact]
    public void a_scope_without_markets_or_cluster_is_empty()
    {
        Assert.Equal([ReasonCodes.StratScopeEmpty], Codes(new MarketScope { Mode = ScopeMode.Manual }));
        Assert.Equal([ReasonCodes.StratScopeEmpty], Codes(new MarketScope { Mode = ScopeMode.Manual, MarketIds = [] }));
        Assert.Equal([ReasonCodes.StratScopeEmpty], Codes(new MarketScope { Mode = ScopeMode.Cluster }));
    }

    [Fact]
    public void a_manual_scope_of_fifty_one_markets_has_too_many()
    {
        Assert.Equal([ReasonCodes.StratScopeTooManyMarkets], Codes(new MarketScope { Mode = ScopeMode.Manual, MarketIds = Markets(51) }));
    }

    [Fact]
    public void the_same_market_in_another_case_is_a_duplicate()
    {
        var markets = Markets(2);
        markets.Add(markets[0].ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal));

        var violation = Assert.Single(MarketScopeRules.Validate(new MarketScope { Mode = ScopeMode.Manual, MarketIds = markets }));
        Assert.Equal(ReasonCodes.StratScopeDuplicateMarket, violation.Code);
        Assert.Contains(markets[2], violation.Message, StringComparison.OrdinalIgnoreCase);
    }
}
