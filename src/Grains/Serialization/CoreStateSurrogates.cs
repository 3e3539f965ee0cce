using Polytraders.Contracts;
using Polytraders.Trading.Momentum;
using Polytraders.Trading.Risk;

namespace Polytraders.Grains.Serialization;

// The core's state types cross no wire but are written with every state write of risk and Strategy grains. The core
// references no Orleans, so their binary form is declared here: a surrogate per type, one field per property (the
// names match, which SerializationTests checks, so a property added to the core cannot be dropped silently). Field ids
// are never reused or renumbered: stored states are read with them.

[GenerateSerializer]
[Alias("Polytraders.RiskBook")]
internal struct RiskBookSurrogate
{
    [Id(0)] public decimal Balance;
    [Id(1)] public Dictionary<string, RiskPosition> Positions;
    [Id(2)] public Dictionary<string, OpenOrder> OpenOrders;
    [Id(3)] public TradingState TradingState;
    [Id(4)] public bool KillSwitch;
    [Id(5)] public DateOnly PnlDay;
    [Id(6)] public decimal RealisedPnlToday;
    [Id(7)] public decimal RateTokens;
    [Id(8)] public DateTimeOffset? RateUpdatedAt;
}

[RegisterConverter]
internal sealed class RiskBookConverter : IConverter<RiskBook, RiskBookSurrogate>
{
    public RiskBook ConvertFromSurrogate(in RiskBookSurrogate s) => new()
    {
        Balance = s.Balance,
        Positions = s.Positions ?? [],
        OpenOrders = s.OpenOrders ?? [],
        TradingState = s.TradingState,
        KillSwitch = s.KillSwitch,
        PnlDay = s.PnlDay,
        RealisedPnlToday = s.RealisedPnlToday,
        RateTokens = s.RateTokens,
        RateUpdatedAt = s.RateUpdatedAt,
    };

    public RiskBookSurrogate ConvertToSurrogate(in RiskBook v) => new()
    {
        Balance = v.Balance,
        Positions = v.Positions,
        OpenOrders = v.OpenOrders,
        TradingState = v.TradingState,
        KillSwitch = v.KillSwitch,
        PnlDay = v.PnlDay,
        RealisedPnlToday = v.RealisedPnlToday,
        RateTokens = v.RateTokens,
        RateUpdatedAt = v.RateUpdatedAt,
    };
}

[GenerateSerializer]
[Alias("Polytraders.RiskPosition")]
internal struct RiskPositionSurrogate
{
    [Id(0)] public string MarketId;
    [Id(1)] public string TokenId;
    [Id(2)] public decimal Size;
    [Id(3)] public decimal CostBasis;
    [Id(4)] public List<string> ClusterIds;
    [Id(5)] public decimal RealisedPnl;
    [Id(6)] public decimal AverageWhenEmptied;
}

[RegisterConverter]
internal sealed class RiskPositionConverter : IConverter<RiskPosition, RiskPositionSurrogate>
{
    public RiskPosition ConvertFromSurrogate(in RiskPositionSurrogate s) => new()
    {
        MarketId = s.MarketId,
        TokenId = s.TokenId,
        Size = s.Size,
        CostBasis = s.CostBasis,
        ClusterIds = s.ClusterIds ?? [],
        RealisedPnl = s.RealisedPnl,
        AverageWhenEmptied = s.AverageWhenEmptied,
    };

    public RiskPositionSurrogate ConvertToSurrogate(in RiskPosition v) => new()
    {
        MarketId = v.MarketId,
        TokenId = v.TokenId,
        Size = v.Size,
        CostBasis = v.CostBasis,
        ClusterIds = v.ClusterIds,
        RealisedPnl = v.RealisedPnl,
        AverageWhenEmptied = v.AverageWhenEmptied,
    };
}

[GenerateSerializer]
[Alias("Polytraders.OpenOrder")]
internal struct OpenOrderSurrogate
{
    [Id(0)] public string ClientOrderId;
    [Id(1)] public string MarketId;
    [Id(2)] public string TokenId;
    [Id(3)] public Side Side;
    [Id(4)] public decimal RemainingSize;
    [Id(5)] public decimal LimitPrice;
    [Id(6)] public List<string> ClusterIds;
    [Id(7)] public List<string> Fills;
}

[RegisterConverter]
internal sealed class OpenOrderConverter : IConverter<OpenOrder, OpenOrderSurrogate>
{
    public OpenOrder ConvertFromSurrogate(in OpenOrderSurrogate s) => new()
    {
        ClientOrderId = s.ClientOrderId,
        MarketId = s.MarketId,
        TokenId = s.TokenId,
        Side = s.Side,
        RemainingSize = s.RemainingSize,
        LimitPrice = s.LimitPrice,
        ClusterIds = s.ClusterIds ?? [],
        Fills = s.Fills ?? [],
    };

    public OpenOrderSurrogate ConvertToSurrogate(in OpenOrder v) => new()
    {
        ClientOrderId = v.ClientOrderId,
        MarketId = v.MarketId,
        TokenId = v.TokenId,
        Side = v.Side,
        RemainingSize = v.RemainingSize,
        LimitPrice = v.LimitPrice,
        ClusterIds = v.ClusterIds,
        Fills = v.Fills,
    };
}

[GenerateSerializer]
[Alias("Polytraders.MomentumStrategyState")]
internal struct MomentumStrategyStateSurrogate
{
    [Id(0)] public long Sequence;
    [Id(1)] public Dictionary<string, MomentumPosition> Positions;
}

[RegisterConverter]
internal sealed class MomentumStrategyStateConverter : IConverter<MomentumStrategyState, MomentumStrategyStateSurrogate>
{
    public MomentumStrategyState ConvertFromSurrogate(in MomentumStrategyStateSurrogate s) => new() { Sequence = s.Sequence, Positions = s.Positions ?? [] };

    public MomentumStrategyStateSurrogate ConvertToSurrogate(in MomentumStrategyState v) => new() { Sequence = v.Sequence, Positions = v.Positions };
}

[GenerateSerializer]
[Alias("Polytraders.MomentumPosition")]
internal struct MomentumPositionSurrogate
{
    [Id(0)] public string MarketId;
    [Id(1)] public string TokenId;
    [Id(2)] public int Phase;
    [Id(3)] public decimal Size;
    [Id(4)] public decimal EntryPrice;
    [Id(5)] public DateTimeOffset? EnteredAt;
    [Id(6)] public string? PendingClientOrderId;
    [Id(7)] public string? EntryClientOrderId;
    [Id(8)] public OrderIntentExitCause? PendingExitCause;
}

[RegisterConverter]
internal sealed class MomentumPositionConverter : IConverter<MomentumPosition, MomentumPositionSurrogate>
{
    public MomentumPosition ConvertFromSurrogate(in MomentumPositionSurrogate s) => new()
    {
        MarketId = s.MarketId,
        TokenId = s.TokenId,
        Phase = (MomentumPhase)s.Phase,
        Size = s.Size,
        EntryPrice = s.EntryPrice,
        EnteredAt = s.EnteredAt,
        PendingClientOrderId = s.PendingClientOrderId,
        EntryClientOrderId = s.EntryClientOrderId,
        PendingExitCause = s.PendingExitCause,
    };

    public MomentumPositionSurrogate ConvertToSurrogate(in MomentumPosition v) => new()
    {
        MarketId = v.MarketId,
        TokenId = v.TokenId,
        Phase = (int)v.Phase,
        Size = v.Size,
        EntryPrice = v.EntryPrice,
        EnteredAt = v.EnteredAt,
        PendingClientOrderId = v.PendingClientOrderId,
        EntryClientOrderId = v.EntryClientOrderId,
        PendingExitCause = v.PendingExitCause,
    };
}
