using Polytraders.Contracts;

namespace Polytraders.Trading.Validation.Rules;

/// <summary>
/// Every backtest envelope is badged and names its run, and is not a launch; no live envelope is. Governance envelopes
/// (a Tenant's chain) name no Portfolio; all others do. Only a governance
/// envelope counts refusals, over a window that ends after it starts. The documents a payload carries obey their own
/// rules (<c>#/payload/intent/size</c>...).
/// </summary>
public sealed class AuditEnvelopeRule : ContractRule<AuditEnvelope>
{
    private static readonly StrategyLaunchRule Launch = new();
    private static readonly SignalRule Signal = new();
    private static readonly OrderIntentRule Intent = new();
    private static readonly FillRule Fill = new();

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

        if (backtest && value.LaunchId is not null)
        {
            yield return new ContractViolation(ReasonCodes.GovInvalidRequest, "BacktestLaunchId", "#/launch_id", "a backtest run is not a launch: its envelopes carry backtest_id, never launch_id");
        }

        // A Tenant's governance chain belongs to no Portfolio; every other link is a Portfolio's (or its Backtest's).
        if ((value.Mode == AuditEnvelopeMode.Governance) == (value.PortfolioId is not null))
        {
            yield return new ContractViolation(ReasonCodes.GovInvalidRequest, "GovernancePortfolio", "#/portfolio_id", "portfolio_id is absent exactly on governance envelopes");
        }

        if (value.Payload.Ladder is not null && value.Mode != AuditEnvelopeMode.Governance)
        {
            yield return new ContractViolation(ReasonCodes.GovInvalidRequest, "LadderOnGovernanceOnly", "#/payload/ladder", "only a governance envelope carries a mode-ladder event");
        }

        foreach (var violation in RegisteredCodes.Check(value.ReasonCode, "#/reason_code"))
        {
            yield return violation;
        }

        var payload = value.Payload;
        if (payload.Refusals is { } refusals)
        {
            if (payload.Kind != AuditPayloadKind.Governance)
            {
                yield return new ContractViolation(ReasonCodes.GovInvalidRequest, "RefusalsOnGovernanceOnly", "#/payload/refusals", "only a governance envelope of refused requests counts refusals");
            }

            if (refusals.WindowEnd < refusals.WindowStart)
            {
                yield return new ContractViolation(ReasonCodes.GovInvalidRequest, "RefusalWindow", "#/payload/refusals/window_end", "a window of refusals ends at or after it starts");
            }
        }

        var embedded = Launch.CheckAt(payload.Launch, "#/payload/launch")
            .Concat(Signal.CheckAt(payload.Signal, "#/payload/signal"))
            .Concat(Intent.CheckAt(payload.Intent, "#/payload/intent"))
            .Concat(Intent.CheckAt(payload.ReshapedIntent, "#/payload/reshaped_intent"))
            .Concat(Fill.CheckAt(payload.Fill, "#/payload/fill"));
        foreach (var violation in embedded)
        {
            yield return violation;
        }
    }
}
