using System.Text;
using System.Text.Json;
using Polytraders.Contracts;

namespace Polytraders.Trading.Backtest.Data;

/// <summary>
/// One token's history in the shape of Polymarket's <c>GET /prices-history</c> answer,
/// <c>{"history":[{"t":1730556000,"p":0.42},...]}</c> (t in unix seconds, p the price), read as a stream with
/// <see cref="Utf8JsonReader"/> over a refilled buffer: memory for one buffer, whatever the history's length. Other
/// properties are skipped. Refuses (STRAT_BACKTEST_BAD_DATA) a point not later than the one before (unsorted or
/// duplicate timestamp), a price outside [0,1], a point without t or p; a price of exactly 0 or 1 is skipped and counted.
/// </summary>
public sealed class PricesHistorySource : IPriceSource
{
    private static readonly byte[] HistoryName = Encoding.UTF8.GetBytes("history");

    private readonly Stream _stream;
    private readonly int _market;
    private readonly int _outcome;
    private readonly BacktestDataWarnings _warnings;
    private byte[] _buffer = new byte[1 << 16];
    private int _offset;
    private int _length;
    private bool _final;
    private JsonReaderState _state;
    private Stage _stage;
    private Field _field;
    private int _skipDepth;
    private Stage _afterSkip;
    private long? _t;
    private decimal? _p;
    private long _count;
    private long _lastTicks = long.MinValue;

    public PricesHistorySource(string path, int market, int outcome, BacktestDataWarnings warnings)
        : this(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), Path.GetFileName(path), market, outcome, warnings)
    {
    }

    public PricesHistorySource(Stream stream, string name, int market, int outcome, BacktestDataWarnings warnings)
    {
        _stream = stream;
        Name = name;
        _market = market;
        _outcome = outcome;
        _warnings = warnings;
    }

    private enum Stage
    {
        Start,
        Root,
        ExpectHistory,
        History,
        Point,
        Skipping,
        Done,
    }

    private enum Field
    {
        None,
        T,
        P,
        Other,
    }

    public string Name { get; }

    public BacktestPoint Current { get; private set; }

    public bool MoveNext()
    {
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_offset, _length - _offset), _final, _state);
            bool produced;
            try
            {
                produced = Advance(ref reader);
            }
            catch (JsonException e)
            {
                throw Bad($"not valid JSON ({e.Message})");
            }

            _offset += (int)reader.BytesConsumed;
            _state = reader.CurrentState;
            if (produced)
            {
                return true;
            }

            if (_stage == Stage.Done)
            {
                return false;
            }

            if (_final)
            {
                throw Bad("the file ends inside the history");
            }

            Refill();
        }
    }

    public void Dispose() => _stream.Dispose();

    private bool Advance(ref Utf8JsonReader reader)
    {
        while (reader.Read())
        {
            var token = reader.TokenType;
            switch (_stage)
            {
                case Stage.Start:
                    _stage = token == JsonTokenType.StartObject ? Stage.Root : throw Bad("expected an object {\"history\": [...]}");
                    break;
                case Stage.Root when token == JsonTokenType.PropertyName:
                    _stage = reader.ValueTextEquals(HistoryName) ? Stage.ExpectHistory : Stage.Root;
                    break;
                case Stage.Root when token == JsonTokenType.EndObject:
                    _stage = Stage.Done;
                    return false;
                case Stage.Root:
                    SkipValue(ref reader, Stage.Root);
                    break;
                case Stage.ExpectHistory:
                    _stage = token == JsonTokenType.StartArray ? Stage.History : throw Bad("history must be an array");
                    break;
                case Stage.History when token == JsonTokenType.StartObject:
                    (_stage, _field, _t, _p) = (Stage.Point, Field.None, null, null);
                    break;
                case Stage.History when token == JsonTokenType.EndArray:
                    _stage = Stage.Root;
                    break;
                case Stage.History:
                    throw Bad($"history item {_count + 1} is not an object");
                case Stage.Point when token == JsonTokenType.PropertyName:
                    _field = reader.ValueTextEquals("t"u8) ? Field.T : reader.ValueTextEquals("p"u8) ? Field.P : Field.Other;
                    break;
                case Stage.Point when token == JsonTokenType.EndObject:
                    _stage = Stage.History;
                    if (Emit())
                    {
                        return true;
                    }

                    break;
                case Stage.Point when _field == Field.Other:
                    SkipValue(ref reader, Stage.Point);
                    break;
                case Stage.Point when token == JsonTokenType.Number && _field == Field.T:
                    _t = reader.TryGetInt64(out var seconds) ? seconds : throw Bad($"history item {_count + 1}: t must be whole unix seconds");
                    break;
                case Stage.Point when token == JsonTokenType.Number && _field == Field.P:
                    _p = reader.TryGetDecimal(out var price) ? price : throw Bad($"history item {_count + 1}: p is not a number");
                    break;
                case Stage.Point:
                    throw Bad($"history item {_count + 1}: t and p must be numbers");
                case Stage.Skipping:
                    if (token is JsonTokenType.EndObject or JsonTokenType.EndArray && reader.CurrentDepth == _skipDepth)
                    {
                        _stage = _afterSkip;
                    }

                    break;
            }
        }

        return false;
    }

    /// <summary>A value nobody reads: a primitive is already consumed; a container is skipped to its end, across refills.</summary>
    private void SkipValue(ref Utf8JsonReader reader, Stage back)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            (_skipDepth, _afterSkip, _stage) = (reader.CurrentDepth, back, Stage.Skipping);
        }
    }

    private bool Emit()
    {
        _count++;
        if (_t is not { } seconds || _p is not { } price)
        {
            throw Bad($"history item {_count} needs both t and p");
        }

        if (price < 0m || price > 1m)
        {
            throw Bad($"history item {_count}: price {price} is outside [0,1]");
        }

        var ticks = DateTimeOffset.UnixEpoch.UtcTicks + (seconds * TimeSpan.TicksPerSecond);
        if (ticks <= _lastTicks)
        {
            throw Bad($"history item {_count}: t={seconds} is not after the item before ({(ticks == _lastTicks ? "duplicate timestamp" : "unsorted")})");
        }

        _lastTicks = ticks;
        if (price == 0m || price == 1m)
        {
            _warnings.Add(ticks, $"{Name}: price of exactly {price} skipped (no tradable price)");
            return false;
        }

        Current = new BacktestPoint(ticks, _market, _outcome, price);
        return true;
    }

    private void Refill()
    {
        var remaining = _length - _offset;
        if (remaining > 0 && _offset > 0)
        {
            Buffer.BlockCopy(_buffer, _offset, _buffer, 0, remaining);
        }

        _offset = 0;
        _length = remaining;
        if (_length == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = _stream.Read(_buffer, _length, _buffer.Length - _length);
        _length += read;
        _final = read == 0;
    }

    private BacktestException Bad(string detail) => new(ReasonCodes.StratBacktestBadData, $"{Name}: {detail}");
}
