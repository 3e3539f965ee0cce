using Polytraders.Contracts;
using Polytraders.Trading.Audit;

namespace Polytraders.Integration.Tests.Durable;

/// <summary>Sealed audit chains with the shapes a real trail holds (intents with decimals, free text, backtest badges).</summary>
internal static class AuditSamples
{
    public const string BuilderCode = "0x706f6c7974726164657273000000000000000000000000000000000000000001";
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 14, 0, 0, TimeSpan.Zero);

    public static AuditContext Context(string portfolioId, string? strategyId = "momentum-crypto-1", string? launchId = "LCH-0001") =>
        new("TEN-DESK", portfolioId, strategyId, launchId, AuditEnvelopeMode.Paper, BuilderCode);

    /// <summary>A draft whose time is <paramref name="minute"/> minutes (plus sub-microsecond ticks) after <see cref="Start"/>.</summary>
    public static AuditEnvelope Draft(AuditContext context, string reasonCode, int minute, string detail = "ok")
    {
        var at = Start.AddMinutes(minute).AddTicks(1234567 + minute);
        return context.Draft(reasonCode, "strategy", new AuditPayload
        {
            Kind = AuditPayloadKind.Intent,
            Intent = Intent(context, minute),
            Detail = detail,
        }, at);
    }

    public static OrderIntent Intent(AuditContext context, int n) => new()
    {
        PortfolioId = context.PortfolioId,
        StrategyId = context.StrategyId ?? "momentum-crypto-1",
        LaunchId = context.LaunchId ?? "LCH-0001",
        MarketId = "0x" + new string('a', 64),
        TokenId = "123456789012345678901234567890",
        Side = Side.Buy,
        Size = 100.50m,
        LimitPrice = 0.420m,
        TimeInForce = TimeInForce.Gtc,
        ClientOrderId = $"coid-{n:D6}",
        CreatedAt = Start.AddMinutes(n),
        ReasonCode = ReasonCodes.StratMomentumLong,
        Signal = new Signal
        {
            StrategyScore = 0.3500m,
            ScoreType = ScoreType.Momentum,
            MarketId = "0x" + new string('a', 64),
            TokenId = "123456789012345678901234567890",
            AsOf = Start.AddMinutes(n),
            Inputs = [],
            ReasonCodes = [ReasonCodes.StratMomentumLong],
        },
    };

    /// <summary>Seals drafts into a chain the way the chain writer does.</summary>
    public static List<AuditEnvelope> Seal(IEnumerable<AuditEnvelope> drafts)
    {
        var chain = new List<AuditEnvelope>();
        foreach (var draft in drafts)
        {
            chain.Add(AuditChain.Seal(draft, chain.Count + 1, chain.Count == 0 ? AuditChain.GenesisHash : chain[^1].Hash));
        }

        return chain;
    }
}
