using Polytraders.Contracts;

namespace Polytraders.Core.Tests.Momentum;

/// <summary>Binary markets for strategy and risk tests: tick 0.01 and minimum size 5 unless told otherwise.</summary>
internal static class TestMarkets
{
    public static readonly Market Btc = Binary(1, "crypto");
    public static readonly Market Eth = Binary(2, "crypto");
    public static readonly Market Election = Binary(3, "politics");

    public static Market Binary(int number, params string[] clusters) => new()
    {
        MarketId = "0x" + number.ToString("x64"),
        Question = $"Test market {number}?",
        Outcomes = [new Outcome { Name = "Yes", TokenId = $"{number}01" }, new Outcome { Name = "No", TokenId = $"{number}02" }],
        TickSize = 0.01m,
        MinOrderSize = 5m,
        NegRisk = false,
        EndDate = new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero),
        Status = MarketStatus.Open,
        ClusterIds = [.. clusters],
    };

    public static string YesToken(this Market market) => market.Outcomes[0].TokenId;
}
