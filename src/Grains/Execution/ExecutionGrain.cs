using System.Globalization;
using System.Numerics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polytraders.Contracts;
using Polytraders.Grains.Execution.Polymarket;
using Polytraders.Grains.Telemetry;
using Polytraders.Polymarket.Crypto;
using Polytraders.Polymarket.Orders;
using Polytraders.Trading.Audit;

namespace Polytraders.Grains.Execution;

/// <summary>
/// The singleton execution grain and the only holder of the signing key. A turn here is the order maths and one
/// signature (tens of microseconds): no storage, no venue. Slots bound the orders in flight across the cluster;
/// they live in memory only, since after a restart the order grains, not this grain, know what is still open.
/// </summary>
public sealed partial class ExecutionGrain(
    OrderSignerService signer,
    SigningAccountCheck accounts,
    IOptions<ExecutionOptions> options,
    TimeProvider time,
    ILogger<ExecutionGrain> logger) : Grain, IExecutionGrain
{
    private readonly Dictionary<string, DateTimeOffset> _inFlight = new(StringComparer.Ordinal);

    public Task<string> GetSignerAddress() => Task.FromResult(signer.Address.ToString());

    public Task<CommandResult> CheckAccount(PolymarketAccount? account) => Task.FromResult(accounts.Check(account).Verdict);

    public Task<OrderSignature> Sign(OrderIntent approved, AuditContext context, Market market)
    {
        ArgumentNullException.ThrowIfNull(approved);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(market);
        // The launch is held to the ladder's non_development_signing_key item; this is the key holder's own last line.
        if (AuditModes.IsLive(context.Mode) && signer.IsDevelopmentKey)
        {
            return Refuse(approved, ReasonCodes.SecDevKeyRefusedLive, "the development key cannot sign live orders");
        }

        // Every order is checked, not only the launch: a Portfolio reconfigured to another account, or an intent sent
        // again after a restart on a silo configured differently, never reaches the venue signed for the wrong account.
        var (account, verdict) = accounts.Check(context.PolymarketAccount);
        if (account is null)
        {
            return Refuse(approved, verdict.ReasonCode!, verdict.Detail!);
        }

        var now = time.GetUtcNow();
        if (!_inFlight.ContainsKey(approved.ClientOrderId) && !HasSlot(now))
        {
            return Refuse(approved, ReasonCodes.ExecSaturated, $"{_inFlight.Count} orders in flight, the most execution allows ({options.Value.MaxOrdersInFlight}); not signed");
        }

        var signed = OrderContracts.RulesOf(market).Then(rules => signer.SignLimit(
            OrderSalt.Derived(approved.ClientOrderId),
            approved.CreatedAt,
            BigInteger.Parse(approved.TokenId, CultureInfo.InvariantCulture),
            OrderContracts.SideOf(approved.Side),
            approved.LimitPrice,
            approved.Size,
            rules,
            Bytes32.Parse(context.BuilderCode),
            account));
        if (!signed.IsSuccess)
        {
            return Refuse(approved, PolymarketReasonCodes.Of(signed.Refusal!.Value), signed.Detail!);
        }

        _inFlight[approved.ClientOrderId] = now;
        GrainMetrics.ReportOrdersInFlight(_inFlight.Count);
        return Task.FromResult(OrderSignature.Signed(OrderContracts.ToContract(signed.Value, approved, market.NegRisk, signer.ChainId, signer.Label)));
    }

    public Task Finished(string clientOrderId)
    {
        _inFlight.Remove(clientOrderId);
        GrainMetrics.ReportOrdersInFlight(_inFlight.Count);
        return Task.CompletedTask;
    }

    /// <summary>A free slot, after releasing the ones whose lease ran out (their finish message never came).</summary>
    private bool HasSlot(DateTimeOffset now)
    {
        if (_inFlight.Count < options.Value.MaxOrdersInFlight)
        {
            return true;
        }

        var expired = now - options.Value.InFlightLease;
        foreach (var (clientOrderId, signedAt) in _inFlight)
        {
            if (signedAt < expired)
            {
                _inFlight.Remove(clientOrderId);
            }
        }

        return _inFlight.Count < options.Value.MaxOrdersInFlight;
    }

    private Task<OrderSignature> Refuse(OrderIntent approved, string reasonCode, string detail)
    {
        LogRefused(approved.ClientOrderId, reasonCode, detail);
        return Task.FromResult(OrderSignature.Refused(reasonCode, detail));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {ClientOrderId} not signed: {ReasonCode} {Detail}")]
    private partial void LogRefused(string clientOrderId, string reasonCode, string detail);
}
