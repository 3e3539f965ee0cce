namespace Polytraders.Trading.Backtest.Data;

/// <summary>
/// Merges k time-ordered price sources into one stream in (time, market, outcome) order with a binary min-heap of the
/// sources' current points: each step costs O(log k), memory holds one point per source, however long the history.
/// </summary>
public sealed class PriceMerge : IDisposable
{
    private readonly IPriceSource[] _sources;

    // Each entry carries its merge key, so ordering the heap reads one array and never copies points out of sources.
    private readonly Entry[] _heap;
    private int _count;
    private int _pending = -1;

    public PriceMerge(IReadOnlyList<IPriceSource> sources)
    {
        _sources = [.. sources];
        _heap = new Entry[_sources.Length];
        for (var i = 0; i < _sources.Length; i++)
        {
            if (_sources[i].MoveNext())
            {
                _heap[_count++] = EntryOf(i);
            }
        }

        for (var i = (_count / 2) - 1; i >= 0; i--)
        {
            SiftDown(i);
        }
    }

    public BacktestPoint Current { get; private set; }

    public bool MoveNext()
    {
        // The source that gave the last point moves on only now, so a source is read lazily, one point ahead.
        if (_pending >= 0)
        {
            _heap[0] = _sources[_pending].MoveNext() ? EntryOf(_pending) : _heap[--_count];
            _pending = -1;
            SiftDown(0);
        }

        if (_count == 0)
        {
            return false;
        }

        _pending = _heap[0].Source;
        Current = _sources[_pending].Current;
        return true;
    }

    public void Dispose()
    {
        foreach (var source in _sources)
        {
            source.Dispose();
        }
    }

    private void SiftDown(int index)
    {
        var moving = _heap[index];
        while (true)
        {
            var left = (2 * index) + 1;
            if (left >= _count)
            {
                break;
            }

            var smallest = left + 1 < _count && _heap[left + 1].Before(_heap[left]) ? left + 1 : left;
            if (!_heap[smallest].Before(moving))
            {
                break;
            }

            _heap[index] = _heap[smallest];
            index = smallest;
        }

        _heap[index] = moving;
    }

    /// <summary>Time first, then market, outcome and source index packed into one long (markets and outcomes are small).</summary>
    private Entry EntryOf(int source)
    {
        var point = _sources[source].Current;
        return new Entry(point.UtcTicks, ((long)point.Market << 36) | ((long)point.Outcome << 28) | (uint)source, source);
    }

    private readonly record struct Entry(long Ticks, long Order, int Source)
    {
        public bool Before(in Entry other) => Ticks < other.Ticks || (Ticks == other.Ticks && Order < other.Order);
    }
}
