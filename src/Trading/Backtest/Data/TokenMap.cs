using Polytraders.Contracts;

namespace Polytraders.Trading.Backtest.Data;

/// <summary>Outcome token id → (market index, outcome index) over a data set's markets, looked up by span so parsing allocates nothing.</summary>
public sealed class TokenMap
{
    private readonly Dictionary<string, int> _byToken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    public TokenMap(IReadOnlyList<Market> markets)
    {
        Markets = markets;
        for (var m = 0; m < markets.Count; m++)
        {
            for (var o = 0; o < markets[m].Outcomes.Count; o++)
            {
                if (!_byToken.TryAdd(markets[m].Outcomes[o].TokenId, Pack(m, o)))
                {
                    throw new BacktestException(ReasonCodes.StratBacktestBadData, $"Token {markets[m].Outcomes[o].TokenId} is an outcome of two markets.");
                }
            }
        }

        _bySpan = _byToken.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public IReadOnlyList<Market> Markets { get; }

    public bool TryFind(ReadOnlySpan<char> tokenId, out int market, out int outcome)
    {
        if (_bySpan.TryGetValue(tokenId, out var packed))
        {
            (market, outcome) = (packed >> 4, packed & 0xF);
            return true;
        }

        (market, outcome) = (-1, -1);
        return false;
    }

    public string TokenOf(int market, int outcome) => Markets[market].Outcomes[outcome].TokenId;

    private static int Pack(int market, int outcome) => (market << 4) | outcome;
}
