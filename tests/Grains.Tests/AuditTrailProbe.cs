using Polytraders.Contracts;

namespace Polytraders.Grains.Tests;

/// <summary>Reads a Portfolio's audit trail and waits for the one-way parts of the flow to land.</summary>
public static class AuditTrailProbe
{
    public static async Task<IReadOnlyList<AuditEnvelope>> ReadAllAsync(IGrainFactory grains, AuditQuery query)
    {
        var envelopes = new List<AuditEnvelope>();
        string? cursor = null;
        do
        {
            var page = await grains.GetGrain<IAuditQueryGrain>(0).Query(query with { Cursor = cursor, Limit = 1000 });
            envelopes.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return envelopes;
    }

    /// <summary>Polls until <paramref name="done"/> holds for the trail (streams and one-way calls settle asynchronously).</summary>
    public static async Task<IReadOnlyList<AuditEnvelope>> WaitForAsync(IGrainFactory grains, AuditQuery query, Func<IReadOnlyList<AuditEnvelope>, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var trail = await ReadAllAsync(grains, query);
            if (done(trail))
            {
                return trail;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("audit trail did not reach the expected state; it holds: " + string.Join(", ", trail.Select(e => e.ReasonCode)));
            }

            await Task.Delay(25);
        }
    }
}
