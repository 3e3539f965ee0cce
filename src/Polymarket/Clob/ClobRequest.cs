namespace Polytraders.Polymarket.Clob;

/// <summary>How a request authenticates: not at all, with L1 headers (EIP-712 ClobAuth), or with L2 headers (HMAC).</summary>
public enum ClobAuthLevel
{
    None,
    L1,
    L2,
}

/// <summary>
/// One CLOB request as the pipeline sends it. <see cref="Path"/> is the bare endpoint (what L2 signs);
/// <see cref="Query"/> is appended on the wire only. <see cref="Body"/> is sent byte for byte as signed.
/// </summary>
public sealed record ClobRequest(HttpMethod Method, string Path)
{
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; init; } = [];

    public string? Body { get; init; }

    public ClobAuthLevel Auth { get; init; }

    /// <summary>For L2: the account whose key signs. For L1: unused (headers given in <see cref="L1Headers"/>).</summary>
    public ClobAccount? Account { get; init; }

    public IReadOnlyDictionary<string, string>? L1Headers { get; init; }

    /// <summary>Only idempotent reads are retried; an order is sent exactly once.</summary>
    public bool Retryable => Method == HttpMethod.Get;
}
