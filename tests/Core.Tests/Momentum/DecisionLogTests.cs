using Polytraders.Contracts;
using Polytraders.Trading.Momentum;
using Polytraders.Trading.Risk;

namespace Polytraders.Core.Tests.Momentum;

public class DecisionLogTests
{
    [Fact]
    public void lines_are_canonical_whatever_the_decimal_scale()
    {
        var strategy = MomentumFixture.Strategy();
        var entry = strategy.Enter();
        var padded = entry with { Size = 18.8600m, LimitPrice = 0.5300m };

        Assert.Equal(DecisionLog.IntentLine(entry), DecisionLog.IntentLine(padded));
        Assert.Equal(
            $"INTENT|2026-03-02T12:00:03.0000000Z|{entry.ClientOrderId}|{TestMarkets.Btc.MarketId}|101|Buy|18.86|0.53|Fak|STRAT_MOMENTUM_LONG|-|1",
            DecisionLog.IntentLine(entry));
    }

    [Fact]
    public void a_risk_line_holds_outcome_code_binding_limit_and_final_shape()
    {
        var entry = MomentumFixture.Strategy().Enter();
        var reshaped = RiskDecision.Reshape(entry, 10m, ReasonCodes.RiskMaxOrderNotional, "why");
        var rejected = RiskDecision.Reject(entry, ReasonCodes.RiskKillSwitch, "why");

        Assert.Equal($"RISK|{entry.ClientOrderId}|Reshaped|STRAT_RESHAPED_BY_RISK|RISK_MAX_ORDER_NOTIONAL|10|0.53", DecisionLog.RiskLine(reshaped));
        Assert.Equal($"RISK|{entry.ClientOrderId}|Rejected|RISK_KILL_SWITCH|-|-|-", DecisionLog.RiskLine(rejected));
    }

    [Fact]
    public void the_hash_is_the_sha256_of_the_text()
    {
        var log = new DecisionLog();
        log.Add(new TradingStateTransition(ReasonCodes.GovKillSwitchOn, TradingState.Active, TradingState.Active, true, "test"), MomentumFixture.Start);

        Assert.Equal("STATE|2026-03-02T12:00:00.0000000Z|GOV_KILL_SWITCH_ON|Active|Active|kill-on\n", log.Text);
        Assert.Equal(
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(log.Text))),
            log.Hash());
    }

    [Fact]
    public void first_differences_name_the_line_and_both_versions()
    {
        var differences = DecisionLog.FirstDifferences(["a", "b", "c"], ["a", "x"]);

        Assert.Equal(["line 2:\n  expected b\n  actual   x", "line 3:\n  expected c\n  actual   <none>"], differences);
    }
}
