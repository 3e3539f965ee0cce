namespace Polytraders.Grains.Intelligence;

/// <summary>
/// Highest and lowest of the last <c>window</c> values, by two monotonic deques in fixed arrays: amortised O(1) per
/// push (each value enters and leaves each deque once) and no allocation after construction.
/// </summary>
public sealed class SlidingExtremes
{
    private readonly MonotonicDeque _highs;
    private readonly MonotonicDeque _lows;
    private readonly int _window;
    private long _pushed;

    public SlidingExtremes(int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        _window = window;
        _highs = new MonotonicDeque(window, keepsMaximum: true);
        _lows = new MonotonicDeque(window, keepsMaximum: false);
    }

    public bool IsFull => _pushed >= _window;

    public decimal Highest => _highs.Front;

    public decimal Lowest => _lows.Front;

    public void Push(decimal value)
    {
        var firstKept = _pushed - _window + 1;
        _highs.Push(value, _pushed, firstKept);
        _lows.Push(value, _pushed, firstKept);
        _pushed++;
    }

    /// <summary>Values in arrival order whose front is the window's extreme; entries it can never beat are dropped.</summary>
    private sealed class MonotonicDeque(int capacity, bool keepsMaximum)
    {
        private readonly decimal[] _values = new decimal[capacity];
        private readonly long[] _positions = new long[capacity];
        private int _head;
        private int _count;

        public decimal Front => _count > 0
            ? _values[_head]
            : throw new InvalidOperationException("No value has been pushed yet.");

        public void Push(decimal value, long position, long firstKept)
        {
            while (_count > 0 && _positions[_head] < firstKept)
            {
                _head = (_head + 1) % capacity;
                _count--;
            }

            while (_count > 0 && Dominates(value, _values[Back]))
            {
                _count--;
            }

            var slot = (_head + _count) % capacity;
            _values[slot] = value;
            _positions[slot] = position;
            _count++;
        }

        private int Back => (_head + _count - 1) % capacity;

        private bool Dominates(decimal incoming, decimal kept) => keepsMaximum ? incoming >= kept : incoming <= kept;
    }
}
