namespace Polytraders.Trading.Intelligence;

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

    public Fixed Highest => _highs.Front;

    public Fixed Lowest => _lows.Front;

    public void Push(Fixed value)
    {
        var firstKept = _pushed - _window + 1;
        _highs.Push(value, _pushed, firstKept);
        _lows.Push(value, _pushed, firstKept);
        _pushed++;
    }

    /// <summary>Values in arrival order whose front is the window's extreme; entries it can never beat are dropped.</summary>
    private sealed class MonotonicDeque(int capacity, bool keepsMaximum)
    {
        private readonly Fixed[] _values = new Fixed[capacity];
        private readonly long[] _positions = new long[capacity];
        private int _head;
        private int _count;

        public Fixed Front => _count > 0
            ? _values[_head]
            : throw new InvalidOperationException("No value has been pushed yet.");

        public void Push(Fixed value, long position, long firstKept)
        {
            while (_count > 0 && _positions[_head] < firstKept)
            {
                _head = RingIndex.Next(_head, capacity);
                _count--;
            }

            while (_count > 0 && Dominates(value, _values[Back]))
            {
                _count--;
            }

            var slot = RingIndex.Wrap(_head + _count, capacity);
            _values[slot] = value;
            _positions[slot] = position;
            _count++;
        }

        private int Back => RingIndex.Wrap(_head + _count - 1, capacity);

        private bool Dominates(Fixed incoming, Fixed kept) => keepsMaximum ? incoming >= kept : incoming <= kept;
    }
}
