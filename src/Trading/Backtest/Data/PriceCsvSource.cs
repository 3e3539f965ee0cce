using Polytraders.Contracts;

namespace Polytraders.Trading.Backtest.Data;

/// <summary>
/// A price file in the CSV shape <c>timestamp,token_id,price</c> (optionally <c>,best_bid,best_ask,bid_size,ask_size</c>:
/// a book snapshot), every token in one file in time order: the shape of the built-in replay and of most exports.
/// Points of one timestamp are handed on in market order whatever their order in the file, so a CSV and a
/// /prices-history download of the same prices run the same. Refuses (STRAT_BACKTEST_BAD_DATA, with the line) a line
/// earlier than the one before, a token twice at one timestamp, an unknown token and a price outside [0,1]; a price
/// of exactly 0 or 1 is skipped and counted as a warning.
/// </summary>
public sealed class PriceCsvSource : IPriceSource
{
    public const string Header = "timestamp,token_id,price";
    public const string BookHeader = "timestamp,token_id,price,best_bid,best_ask,bid_size,ask_size";

    private readonly LineReader _lines;
    private readonly TokenMap _tokens;
    private readonly BacktestDataWarnings _warnings;
    private readonly bool _withBook;
    private readonly List<BacktestPoint> _group = [];
    private BacktestPoint? _carried;
    private int _next;

    public PriceCsvSource(string path, TokenMap tokens, BacktestDataWarnings warnings)
        : this(new StreamReader(path, new FileStreamOptions { BufferSize = 1 << 16, Options = FileOptions.SequentialScan }), Path.GetFileName(path), tokens, warnings)
    {
    }

    public PriceCsvSource(TextReader reader, string name, TokenMap tokens, BacktestDataWarnings warnings)
    {
        Name = name;
        _lines = new LineReader(reader);
        _tokens = tokens;
        _warnings = warnings;
        if (!_lines.TryRead(out var header))
        {
            throw Bad("the file is empty");
        }

        var trimmed = header.Trim();
        _withBook = trimmed.SequenceEqual(BookHeader);
        if (!_withBook && !trimmed.SequenceEqual(Header))
        {
            throw Bad($"the header must be '{Header}' (or '{BookHeader}'), not '{trimmed}'");
        }
    }

    public string Name { get; }

    public BacktestPoint Current { get; private set; }

    public bool MoveNext()
    {
        if (_next >= _group.Count && !ReadGroup())
        {
            return false;
        }

        Current = _group[_next++];
        return true;
    }

    public void Dispose() => _lines.Dispose();

    /// <summary>The points of the next timestamp, sorted by market and outcome.</summary>
    private bool ReadGroup()
    {
        _group.Clear();
        _next = 0;
        if (_carried is { } carried)
        {
            _group.Add(carried);
            _carried = null;
        }

        while (ReadPoint() is { } point)
        {
            if (_group.Count > 0 && point.UtcTicks != _group[0].UtcTicks)
            {
                if (point.UtcTicks < _group[0].UtcTicks)
                {
                    throw Bad($"line {_lines.LineNumber}: {point.Timestamp:O} is earlier than the line before ({_group[0].Timestamp:O}); the file must be in time order");
                }

                _carried = point;
                break;
            }

            foreach (var seen in _group)
            {
                if (seen.Market == point.Market && seen.Outcome == point.Outcome)
                {
                    throw Bad($"line {_lines.LineNumber}: token {_tokens.TokenOf(point.Market, point.Outcome)} has two prices at {point.Timestamp:O} (duplicate timestamp)");
                }
            }

            _group.Add(point);
        }

        if (_group.Count > 1)
        {
            _group.Sort(static (a, b) => BacktestPoint.Compare(a, b));
        }

        return _group.Count > 0;
    }

    private BacktestPoint? ReadPoint()
    {
        while (_lines.TryRead(out var line))
        {
            if (line.IsEmpty)
            {
                continue;
            }

            var timestampEnd = line.IndexOf(',');
            var rest = timestampEnd < 0 ? [] : line[(timestampEnd + 1)..];
            var tokenEnd = rest.IndexOf(',');
            if (timestampEnd < 0 || tokenEnd < 0)
            {
                throw Bad($"line {_lines.LineNumber}: expected {(_withBook ? 7 : 3)} fields");
            }

            if (!PriceText.TryParseTimestamp(line[..timestampEnd], out var ticks))
            {
                throw Bad($"line {_lines.LineNumber}: '{line[..timestampEnd]}' is not a timestamp");
            }

            var token = rest[..tokenEnd];
            if (!_tokens.TryFind(token, out var market, out var outcome))
            {
                throw Bad($"line {_lines.LineNumber}: token {token} is an outcome of no market in the data set (unknown token)");
            }

            var fields = rest[(tokenEnd + 1)..];
            var priceEnd = fields.IndexOf(',');
            if (_withBook != (priceEnd >= 0))
            {
                throw Bad($"line {_lines.LineNumber}: expected {(_withBook ? 7 : 3)} fields");
            }

            var price = Decimal(priceEnd < 0 ? fields : fields[..priceEnd], "price");
            if (price < 0m || price > 1m)
            {
                throw Bad($"line {_lines.LineNumber}: price {price} is outside [0,1]");
            }

            if (price == 0m || price == 1m)
            {
                _warnings.Add(ticks, $"{Name}: price of exactly {price} skipped (no tradable price)");
                continue;
            }

            if (!_withBook)
            {
                return new BacktestPoint(ticks, market, outcome, price);
            }

            var book = fields[(priceEnd + 1)..];
            Span<decimal?> values = stackalloc decimal?[4];
            for (var i = 0; i < 4; i++)
            {
                var end = book.IndexOf(',');
                var field = end < 0 ? book : book[..end];
                if ((end < 0) != (i == 3))
                {
                    throw Bad($"line {_lines.LineNumber}: expected 7 fields");
                }

                values[i] = field.IsEmpty ? null : Decimal(field, i < 2 ? "book price" : "book size");
                book = end < 0 ? [] : book[(end + 1)..];
            }

            if (values[0] is < 0m or > 1m || values[1] is < 0m or > 1m || values[2] < 0m || values[3] < 0m)
            {
                throw Bad($"line {_lines.LineNumber}: a book price is outside [0,1] or a book size is negative");
            }

            if (values[0] is { } bid && values[1] is { } ask && bid > ask)
            {
                throw Bad($"line {_lines.LineNumber}: best_bid {bid} is above best_ask {ask} (crossed book)");
            }

            return new BacktestPoint(ticks, market, outcome, price, new BookSnapshot(values[0], values[1], values[2], values[3]));
        }

        return null;
    }

    private decimal Decimal(ReadOnlySpan<char> text, string what) =>
        PriceText.TryParseDecimal(text, out var value)
            ? value
            : throw Bad($"line {_lines.LineNumber}: '{text}' is not a {what}");

    private BacktestException Bad(string detail) => new(ReasonCodes.StratBacktestBadData, $"{Name}: {detail}");
}
