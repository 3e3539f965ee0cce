namespace Polytraders.Grains.Backtest.Data;

/// <summary>
/// Merges k time-ordered price sources into one stream in (time, market, outcome) order with a binary min-heap of the
/// sources' current points: each step costs O(log k), memory holds one point per source, however long the history.
/// </summary>
public sealed class PriceMerge : IDisposable
{
    private readonly IPriceSource[] _sources;
    private readonly int[] _heap;

    // The merge keys of each source's current point, so ordering the heap never copies points out of the sources.
    private readonly long[] _ticks;
    private readonly long[] _order;
    private int _count;
    private int _pending = -1;

    public PriceMerge(IReadOnlyList<IPriceSource> sources)
    {
        _sources = [.. sources];
        _heap = new int[_sources.Length];
        _ticks = new long[_sources.Length];
        _order = new long[_sources.Length];
        for (var i = 0; i < _sources.Length; i++)
        {
            if (_sources[i].MoveNext())
            {
                Key(i);
                _heap[_count++] = i;
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
            if (_sources[_pending].MoveNext())
            {
                Key(_pending);
                _heap[0] = _pending;
            }
            else
            {
                _heap[0] = _heap[--_count];
            }

            _pending = -1;
            SiftDown(0);
        }

        if (_count == 0)
        {
            return false;
        }

        _pending = _heap[0];
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
        while (true)
        {
            var left = (2 * index) + 1;
            if (left >= _count)
            {
                return;
            }

            var smallest = left + 1 < _count && Less(_heap[left + 1], _heap[left]) ? left + 1 : left;
            if (!Less(_heap[smallest], _heap[index]))
            {
                return;
            }

            (_heap[index], _heap[smallest]) = (_heap[smallest], _heap[index]);
            index = smallest;
        }
    }

    /// <summary>Time first, then market, outcome and source index packed into one long (markets and outcomes are small).</summary>
    private void Key(int source)
    {
        var point = _sources[source].Current;
        _ticks[source] = point.UtcTicks;
        _order[source] = ((long)point.Market << 36) | ((long)point.Outcome << 28) | (uint)source;
    }

    private bool Less(int a, int b) => _ticks[a] < _ticks[b] || (_ticks[a] == _ticks[b] && _order[a] < _order[b]);
}
