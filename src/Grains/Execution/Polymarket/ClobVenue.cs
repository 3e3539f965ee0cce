using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polytraders.Contracts;
using Polytraders.Polymarket.Clob;
using Polytraders.Polymarket.Orders;
using Polytraders.Trading.Venues;

namespace Polytraders.Grains.Execution.Polymarket;

/// <summary>
/// The Polymarket CLOB as an <see cref="IVenue"/>: posts the already signed order once through
/// <see cref="ClobRestClient"/> and turns the answer into fills or a refusal. A venue that cannot be reached, times
/// out or throttles gives <see cref="ReasonCodes.ExecVenueUnavailable"/> (the order may or may not be on the book:
/// reconcile, do not resubmit); a refusal gives <see cref="ReasonCodes.ExecOrderRejectedByVenue"/> with the venue's
/// message (<see cref="PolymarketReasonCodes"/>).
/// </summary>
public sealed partial class ClobVenue(
    ClobRestClient client,
    IClobAccountSource accounts,
    SubmittedOrderIndex submitted,
    IOptions<ClobOptions> options,
    IOptions<ClobVenueOptions> venueOptions,
    TimeProvider time,
    ILogger<ClobVenue> logger) : IVenue, IVenueOrderTracking
{
    public string Name => "polymarket";

    /// <summary>Re-registers an order execution still expects feed fills for (the index does not survive a restart).</summary>
    public void Track(Order order, OrderIntent intent)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(intent);
        submitted.Register(new SubmittedOrder(order.OrderHash, intent.ClientOrderId, intent.PortfolioId, intent.MarketId, intent.TokenId, intent.Side));
    }

    public async Task<VenueAnswer> SubmitAsync(Order order, OrderIntent intent, MarketState market, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(intent);
        if (order.ChainId != options.Value.ChainId)
        {
            return VenueAnswer.Refused(ReasonCodes.ExecOrderRejectedByVenue, $"order signed for chain {order.ChainId}, venue is on chain {options.Value.ChainId}");
        }

        if (!SignedOrderMapping.TryToSigned(order, out var signed, out var refusal))
        {
            return VenueAnswer.Refused(ReasonCodes.ExecOrderRejectedByVenue, refusal);
        }

        var orderType = SignedOrderMapping.OrderTypeOf(order.OrderType);
        var expiration = orderType == OrderType.Gtd && order.Expiration is > 0 ? (ulong)order.Expiration.Value : 0UL;
        var postOnly = venueOptions.Value.PostOnly && orderType is OrderType.Gtc or OrderType.Gtd;
        var owner = new SubmittedOrder(order.OrderHash, intent.ClientOrderId, intent.PortfolioId, intent.MarketId, intent.TokenId, intent.Side);

        // Registered before sending: the user feed may report the trade before this call returns.
        submitted.Register(owner);
        try
        {
            var account = await accounts.GetAccountAsync(cancellationToken).ConfigureAwait(false);
            var response = await client.PostOrderAsync(signed, account, orderType, expiration, postOnly, cancellationToken).ConfigureAwait(false);
            var answer = PostOrderAnswers.ToVenueAnswer(response, owner, signed.Order, time.GetUtcNow());
            if (answer.Accepted && orderType is OrderType.Gtc or OrderType.Gtd && PostOrderAnswers.IsResting(response))
            {
                // On the book: later fills come from the user feed (UserFeedPump → execution), not from this answer.
                answer = answer with { Resting = true };
            }

            LogAnswered(intent.ClientOrderId, order.OrderHash, response.Status ?? "none", answer.Fills.Count);
            return answer;
        }
        catch (ClobApiException ex)
        {
            var code = PolymarketReasonCodes.Of(ex.Kind);
            LogRefused(intent.ClientOrderId, code, (int?)ex.StatusCode);
            // A refusal carries the venue's own words; an outage says what failed (timeout, 429 with its wait, 5xx).
            return VenueAnswer.Refused(code, ex.Kind == ClobErrorKind.Refused ? ex.VenueMessage ?? ex.Message : ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {ClientOrderId} ({OrderHash}) posted to the CLOB: {Status}, {Fills} fill(s)")]
    private partial void LogAnswered(string clientOrderId, string orderHash, string status, int fills);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {ClientOrderId} not accepted by the CLOB: {ReasonCode} ({Status})")]
    private partial void LogRefused(string clientOrderId, string reasonCode, int? status);
}
