namespace Polytraders.Polymarket.Orders;

/// <summary>
/// Outcome of an order computation that may be refused because the CLOB would reject its input.
/// Refusals carry an <see cref="OrderRefusal"/> and a human-readable detail; programming errors still throw.
/// </summary>
public readonly record struct OrderResult<T>
{
    private readonly T? _value;

    private OrderResult(T? value, OrderRefusal? refusal, string? detail)
    {
        _value = value;
        Refusal = refusal;
        Detail = detail;
    }

    /// <summary>Why the input was refused, or null on success.</summary>
    public OrderRefusal? Refusal { get; }

    /// <summary>The refusal in words, or null on success.</summary>
    public string? Detail { get; }

    public bool IsSuccess => Refusal is null;

    /// <summary>The computed value; throws when the result is a refusal.</summary>
    public T Value => IsSuccess
        ? _value!
        : throw new InvalidOperationException($"No value: refused with {Refusal} ({Detail}).");

    public static OrderResult<T> Success(T value) => new(value, null, null);

    public static OrderResult<T> Refused(OrderRefusal refusal, string detail) => new(default, refusal, detail);

    /// <summary>Carries a refusal over to a result of another type.</summary>
    public OrderResult<TOther> Map<TOther>(Func<T, TOther> map) =>
        IsSuccess ? OrderResult<TOther>.Success(map(_value!)) : OrderResult<TOther>.Refused(Refusal!.Value, Detail!);

    /// <summary>Chains a further step that may itself refuse.</summary>
    public OrderResult<TOther> Then<TOther>(Func<T, OrderResult<TOther>> next) =>
        IsSuccess ? next(_value!) : OrderResult<TOther>.Refused(Refusal!.Value, Detail!);
}
