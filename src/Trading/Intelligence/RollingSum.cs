using System.Numerics;

namespace Polytraders.Trading.Intelligence;

/// <summary>
/// The sum of the last <c>capacity</c> values pushed, kept in a ring buffer sized once at construction: O(1) per push,
/// no allocation after construction. Addition of <see cref="Fixed"/> or decimal values is exact, so the running sum
/// does not drift the way a floating-point one would.
/// </summary>
public sealed class RollingSum<T>
    where T : struct, IAdditionOperators<T, T, T>, ISubtractionOperators<T, T, T>
{
    private readonly T[] _values;
    private int _next;

    public RollingSum(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _values = new T[capacity];
    }

    public int Capacity => _values.Length;

    public int Count { get; private set; }

    public bool IsFull => Count == _values.Length;

    public T Sum { get; private set; }

    public void Push(T value)
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
