namespace Polytraders.Trading.Intelligence;

/// <summary>
/// The last <c>capacity</c> prices in a ring buffer sized once at construction, giving the oldest one in O(1):
/// enough for a change over a fixed lookback without keeping history beyond it.
/// </summary>
public sealed class PriceWindow
{
    private readonly Fixed[] _values;
    private int _next;

    public PriceWindow(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _values = new Fixed[capacity];
    }

    public int Count { get; private set; }

    public bool IsFull => Count == _values.Length;

    /// <summary>The earliest price still in the window; when the window is full, the one <c>capacity - 1</c> pushes ago.</summary>
    public Fixed Oldest => IsFull ? _values[_next] : _values[0];

    public void Push(Fixed value)
    {
        _values[_next] = value;
        _next = RingIndex.Next(_next, _values.Length);
        if (!IsFull)
        {
            Count++;
        }
    }
}
