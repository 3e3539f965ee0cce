using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Polytraders.Grains.Strategies;

/// <summary>
/// Client order ids derived from the launch, the market and the Strategy's intent sequence: a replay of the same
/// launch produces the same ids, so execution's idempotency recognises a resend, and ids of different launches or
/// markets do not collide. Form: 16 hex digits of SHA-256, a dash, the sequence; matches ^[A-Za-z0-9-]{8,64}$.
/// </summary>
public static class ClientOrderIds
{
    public static string Create(string launchId, string marketId, long sequence)
    {
        var sequenceText = sequence.ToString(CultureInfo.InvariantCulture);
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes($"{launchId}|{marketId.ToLowerInvariant()}|{sequenceText}"));
        return $"{Convert.ToHexStringLower(digest.AsSpan(0, 8))}-{sequenceText}";
    }
}
