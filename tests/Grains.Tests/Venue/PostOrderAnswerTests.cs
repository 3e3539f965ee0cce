using Polytraders.Contracts;
using Polytraders.Grains.Execution.Polymarket;
using Polytraders.Polymarket.Clob;
using Polytraders.Polymarket.Crypto;
using Polytraders.Polymarket.Orders;

namespace Polytraders.Grains.Tests.Venue;

/// <summary>POST /order answers → VenueAnswer, without a socket.</summary>
public sealed class PostOrderAnswerTests
{
    private static readonly SubmittedOrder Buy = new("0xabc", "coid-1", "PORT-001", "0xm", "1", Side.Buy);
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    // A BUY of 15 shares for up to 10 pUSD (limit 0.6667 pUSD a share, as a market buy would carry).
    private static readonly OrderV2 Signed = new(1, default, default, 1, MakerAmount: 10_000_000, TakerAmount: 15_000_000, OrderSide.Buy, OrderSignatureType.Eoa, 0, Bytes32.Zero, Bytes32.Zero);

    [Fact]
    public void the_documented_decimal_amounts_of_a_matched_buy_become_shares_and_an_average_price()
    {
        // py-clob-client issue #217: a 10 pUSD FAK buy answered makingAmount 9.999999, takingAmount 14.925372.
        var answer = PostOrderAnswers.ToVenueAnswer(
            new PostOrderResponse { Success = true, OrderId = "0xabc", Status = "matched", MakingAmount = "9.999999", TakingAmount = "14.925372", TradeIds = ["t-1"] },
            Buy,
            Signed,
            Now);

        var fill = Assert.Single(answer.Fills);
        Assert.Equal((14.925372m, 0.670000m, "t-1:0xabc", Now), (fill.Size, fill.Price, fill.FillId, fill.FilledAt));
    }

    [Theory]
    [InlineData("10", "15")]
    [InlineData("10000000", "15000000")]
    [InlineData("10.000000", "15.000000")]
    public void whole_number_amounts_are_read_as_units_unless_only_base_units_fit_the_order(string making, string taking)
    {
        var answer = PostOrderAnswers.ToVenueAnswer(
            new PostOrderResponse { Success = true, OrderId = "0xabc", Status = "matched", MakingAmount = making, TakingAmount = taking },
            Buy,
            Signed,
            Now);

        var fill = Assert.Single(answer.Fills);
        Assert.Equal((15m, 0.666667m, "0xabc:post"), (fill.Size, fill.Price, fill.FillId));
    }

    [Theory]
    [InlineData("live")]
    [InlineData("delayed")]
    [InlineData("unmatched")]
    public void orders_that_did_not_match_are_accepted_without_fills(string status)
    {
        var answer = PostOrderAnswers.ToVenueAnswer(new PostOrderResponse { Success = true, Status = status, MakingAmount = "", TakingAmount = "" }, Buy, Signed, Now);

        Assert.True(answer.Accepted);
        Assert.Empty(answer.Fills);
    }

    [Fact]
    public void an_unsuccessful_answer_is_refused_with_the_venues_message()
    {
        var answer = PostOrderAnswers.ToVenueAnswer(new PostOrderResponse { Success = false, ErrorMsg = "not enough balance / allowance" }, Buy, Signed, Now);

        Assert.Equal((false, ReasonCodes.ExecOrderRejectedByVenue, "not enough balance / allowance"), (answer.Accepted, answer.ReasonCode, answer.Detail));
    }
}
