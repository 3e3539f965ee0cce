using System.Text.Json.Serialization;

namespace Polytraders.Contracts;

public sealed partial record AuditQuery
{
    public const int DefaultPageSize = 100;

    public const int MaxPageSize = 1000;

    /// <summary>The page size to serve: <see cref="Limit"/> within 1..1000, 100 when absent.</summary>
    [JsonIgnore]
    public int PageSize => (int)Math.Clamp(Limit ?? DefaultPageSize, 1, MaxPageSize);
}
