using Polytraders.Contracts;

namespace Polytraders.Grains.Contracts.Rules;

/// <summary>Every backtest envelope is badged and names its run; no live envelope is.</summary>
public sealed class AuditEnvelopeRule : ContractRule<AuditEnvelope>
{
    public override IEnumerable<ContractViolation> Check(AuditEnvelope value)
    {
        var backtest = value.Mode == AuditEnvelopeMode.Backtest;
        if (backtest != (value.Badge == Badge.Backtest))
        {
            yield return new ContractViolation(ReasonCodes.GovInvalidRequest, "BacktestBadge", "#/badge", "badge BACKTEST is set exactly on backtest envelopes");
        }

        if (backtest != (value.BacktestId is not null))
        {
            yield return new ContractViolation(ReasonCodes.GovInvalidRequest, "BacktestId", "#/backtest_id", "backtest_id is set exactly on backtest envelopes");
        }

        foreach (var violation in RegisteredCodes.Check(value.ReasonCode, "#/reason_code"))
        {
            yield return violation;
        }
    }
}
