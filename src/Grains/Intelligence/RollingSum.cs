namespace Polytraders.Grains.Intelligence;

/// <summary>
/// The sum of the last <c>capacity</c> values pushed, kept in a ring buffer sized once at construction: O(1) per push,
/// no allocation after construction. Fixed-point addition is exact, so the running sum does
/// not drift the way a floating-point one would.
/// </summary>
public sealed class RollingSum
{
    private readonly Fixed[] _values;
    private int _next;

    public RollingSum(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _values = new Fixed[capacity];
    }

    public int Capacity => _values.Length;

    public int Count { get; private set; }

    public bool IsFull => Count == _values.Length;

    public Fixed Sum { get; private set; }

    public void Push(Fixed value)
    {
        if (IsFull)
        {
            Sum -= _values[_next];
        }
        else
        {
            Count++;
        }

        _values[_next] = value;
        Sum += value;
        _next = RingIndex.Next(_next, _values.Length);
    }
}
