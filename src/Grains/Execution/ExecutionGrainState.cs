using Polytraders.Contracts;

namespace Polytraders.Grains.Execution;

[GenerateSerializer]
[Alias("Polytraders.ExecutionGrainState")]
public sealed class ExecutionGrainState
{
    /// <summary>Every intent ever accepted, by client order id: the idempotency record.</summary>
    [Id(0)]
    public Dictionary<string, ExecutionRecord> Orders { get; set; } = [];
}

[GenerateSerializer]
[Alias("Polytraders.ExecutionRecord")]
public sealed class ExecutionRecord
{
    [Id(0)]
    public required OrderIntent Intent { get; set; }

    /// <summary>Drawn and stored before signing, so a re-sign after a crash reproduces the same order.</summary>
    [Id(1)]
    public ulong Salt { get; set; }

    [Id(2)]
    public ExecutionStatus Status { get; set; }

    [Id(3)]
    public Order? Order { get; set; }
}

public enum ExecutionStatus
{
    Accepted,
    Signed,
    Submitted,
    Failed,
}
