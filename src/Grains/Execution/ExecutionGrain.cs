using System.Globalization;
using System.Numerics;
using Microsoft.Extensions.Logging;
using Polytraders.Contracts;
using Polytraders.Grains.Execution.Crypto;
using Polytraders.Grains.Execution.Orders;
using Polytraders.Grains.Execution.Venues;

namespace Polytraders.Grains.Execution;

/// <summary>
/// The singleton execution grain and the only holder of the signing key. Per client order id it records "accepted"
/// (with the salt) before signing and "submitted" after the venue answered, so a restart can tell an order that was
/// never sent from one that was, and no intent is ever signed twice.
/// </summary>
public sealed partial class ExecutionGrain(
    [PersistentState("execution", StreamNames.GrainStorage)] IPersistentState<ExecutionGrainState> state,
    OrderSignerService signer,
    IVenue venue,
    TimeProvider time,
    ILogger<ExecutionGrain> logger) : Grain, IExecutionGrain
{
    public Task<string> GetSignerAddress() => Task.FromResult(signer.Address.ToString());

    public async Task<CommandResult> Execute(OrderIntent approved, AuditContext context)
    {
        if (state.State.Orders.ContainsKey(approved.ClientOrderId))
        {
            return CommandResult.Refused(ReasonCodes.ExecDuplicateClientOrderId, $"Client order id {approved.ClientOrderId} was already accepted.");
        }

        if (context.Mode == AuditEnvelopeMode.LimitedLive && signer.IsDevelopmentKey)
        {
            return await Fail(approved, context, ReasonCodes.SecDevKeyRefusedLive, "the development key cannot sign limited_live orders");
        }

        var record = new ExecutionRecord { Intent = approved, Salt = OrderSalt.Next(), Status = ExecutionStatus.Accepted };
        state.State.Orders[approved.ClientOrderId] = record;
        await state.WriteStateAsync();

        var market = await GrainFactory.GetGrain<IMarketGrain>(approved.MarketId).GetState();
        if (market is null)
        {
            return await Fail(approved, context, ReasonCodes.StratUnknownMarket, $"market {approved.MarketId} is not configured");
        }

        var signed = OrderContracts.RulesOf(market.Market).Then(rules => signer.SignLimit(
            record.Salt,
            BigInteger.Parse(approved.TokenId, CultureInfo.InvariantCulture),
            OrderContracts.SideOf(approved.Side),
            approved.LimitPrice,
            approved.Size,
            rules,
            Bytes32.Parse(context.BuilderCode)));
        if (!signed.IsSuccess)
        {
            return await Fail(approved, context, signed.ReasonCode!, signed.Detail!);
        }

        var order = OrderContracts.ToContract(signed.Value, approved, market.Market.NegRisk, signer.ChainId, signer.Label);
        record.Order = order;
        record.Status = ExecutionStatus.Signed;
        await state.WriteStateAsync();
        await Audit(context, ReasonCodes.ExecOrderSigned, new AuditPayload { Kind = AuditPayloadKind.Order, Order = order });

        var answer = await venue.SubmitAsync(order, approved, market, CancellationToken.None);
        record.Status = ExecutionStatus.Submitted;
        await state.WriteStateAsync();
        if (!answer.Accepted)
        {
            return await Fail(approved, context, answer.ReasonCode!, answer.Detail!);
        }

        if (answer.Fills.Count == 0)
        {
            return await Fail(approved, context, ReasonCodes.ExecOrderUnfilled, $"{venue.Name} venue matched nothing at {approved.LimitPrice}");
        }

        foreach (var fill in answer.Fills)
        {
            await Audit(context, ReasonCodes.ExecOrderFilled, new AuditPayload { Kind = AuditPayloadKind.Fill, Fill = fill });
            await GrainFactory.GetGrain<IPortfolioGrain>(approved.PortfolioId).RecordFill(fill);
            await GrainFactory.GetGrain<IRiskGrain>(approved.PortfolioId).OnFill(fill);
            await GrainFactory.GetGrain<IStrategyGrain>(approved.StrategyId).OnFill(fill);
        }

        LogFilled(approved.ClientOrderId, answer.Fills.Count, venue.Name);
        return CommandResult.Done(order.OrderHash);
    }

    private async Task<CommandResult> Fail(OrderIntent intent, AuditContext context, string reasonCode, string detail)
    {
        if (state.State.Orders.TryGetValue(intent.ClientOrderId, out var record))
        {
            record.Status = ExecutionStatus.Failed;
            await state.WriteStateAsync();
        }

        await Audit(context, reasonCode, new AuditPayload { Kind = AuditPayloadKind.OrderFailed, Detail = detail });
        await GrainFactory.GetGrain<IStrategyGrain>(intent.StrategyId).OnIntentRejected(intent.ClientOrderId, reasonCode);
        LogFailed(intent.ClientOrderId, reasonCode, detail);
        return CommandResult.Refused(reasonCode, detail);
    }

    private Task<AuditEnvelope> Audit(AuditContext context, string reasonCode, AuditPayload payload) =>
        GrainFactory.GetGrain<IAuditTrailGrain>(context.PortfolioId).Append(context.Draft(reasonCode, "execution", payload, time.GetUtcNow()));

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {ClientOrderId}: {Fills} fill(s) on {Venue}")]
    private partial void LogFilled(string clientOrderId, int fills, string venue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {ClientOrderId} failed: {ReasonCode} {Detail}")]
    private partial void LogFailed(string clientOrderId, string reasonCode, string detail);
}
