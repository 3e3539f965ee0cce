namespace Polytraders.Grains.Execution;

/// <summary>
/// Outcome of a venue-side computation that may be refused for a business reason.
/// Refusals carry a code from <see cref="ExecutionReasonCodes"/> and a human-readable detail;
/// programming errors still throw.
/// </summary>
public readonly record struct ExecutionResult<T>
{
    private readonly T? _value;

    private ExecutionResult(T? value, string? reasonCode, string? detail)
    {
        _value = value;
        ReasonCode = reasonCode;
        Detail = detail;
    }

    /// <summary>The refusal code, or null on success.</summary>
    public string? ReasonCode { get; }

    /// <summary>Why the input was refused, or null on success.</summary>
    public string? Detail { get; }

    public bool IsSuccess => ReasonCode is null;

    /// <summary>The computed value; throws when the result is a refusal.</summary>
    public T Value => IsSuccess
        ? _value!
        : throw new InvalidOperationException($"No value: refused with {ReasonCode} ({Detail}).");

    public static ExecutionResult<T> Success(T value) => new(value, null, null);

    public static ExecutionResult<T> Refused(string reasonCode, string detail) => new(default, reasonCode, detail);

    /// <summary>Carries a refusal over to a result of another type.</summary>
    public ExecutionResult<TOther> Map<TOther>(Func<T, TOther> map) =>
        IsSuccess ? ExecutionResult<TOther>.Success(map(_value!)) : ExecutionResult<TOther>.Refused(ReasonCode!, Detail!);

    /// <summary>Chains a further step that may itself refuse.</summary>
    public ExecutionResult<TOther> Then<TOther>(Func<T, ExecutionResult<TOther>> next) =>
        IsSuccess ? next(_value!) : ExecutionResult<TOther>.Refused(ReasonCode!, Detail!);
}
