namespace Polytraders.Bench.Cluster;

/// <summary>One measured trading tape: its delivery rate and what it made the system do while it ran.</summary>
internal sealed record TradingRun(DeliveryRate Rate, long IntentsSent, long IntentsDecided, long Orders, long Filled, long Envelopes, long Signals)
{
    public double SignalShare => Envelopes == 0 ? 0 : (double)Signals / Envelopes;

    public string Activity => FormattableString.Invariant(
        $"the Strategies sent {IntentsSent:N0} intents, risk decided {IntentsDecided:N0}, the paper venue saw {Orders:N0} orders and filled {Filled:N0}; {Envelopes:N0} audit envelopes, {SignalShare:P0} of them Signals");
}
