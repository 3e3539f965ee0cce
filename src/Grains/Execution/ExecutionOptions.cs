using System.ComponentModel.DataAnnotations;

namespace Polytraders.Grains.Execution;

/// <summary>How many orders execution lets be in flight at once (section "Execution"): its explicit bound.</summary>
public sealed class ExecutionOptions
{
    public const string Section = "Execution";

    /// <summary>
    /// Orders signed and not yet answered by the venue, across the cluster's Portfolios. Beyond it execution refuses
    /// to sign (EXEC_SATURATED) rather than queue. At 50 ms a venue round trip, 512 in flight allows 10,000 orders/s,
    /// far past Polymarket's 350/s; the bound is there for a venue that stops answering, not for normal trading.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxOrdersInFlight { get; set; } = 512;

    /// <summary>
    /// How long a signed order holds its slot without its order grain saying it finished (a lost message, a dead
    /// silo): after it, the slot is free again. Longer than any venue call with its retries.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan InFlightLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Orders of one Portfolio in flight: approved by risk and not yet done (answered by the venue and closed, or
    /// filled). With this many, risk refuses the Portfolio's next intent with RISK_EXECUTION_SATURATED rather than
    /// queue it behind a venue that does not keep up. A Strategy holds at most one order per market (50), and an order
    /// stays open here until its order grain releases it, just after its fills: 256 leaves room for several Strategies'
    /// bursts and still stops a Portfolio from piling orders on a venue that stopped answering.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxOrdersInFlightPerPortfolio { get; set; } = 256;

    /// <summary>How long risk refuses with RISK_EXECUTION_SATURATED after execution refused an order as EXEC_SATURATED.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan SaturationPause { get; set; } = TimeSpan.FromSeconds(1);
}
