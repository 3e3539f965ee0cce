using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Polytraders.Trading.Momentum;

/// <summary>
/// Client order ids derived from the launch, the market and the Strategy's intent sequence: a replay of the same
/// launch produces the same ids, so execution's idempotency recognises a resend, and ids of different launches or
/// markets do not collide. Form: 16 hex digits of SHA-256 over "launch|market in lower case|sequence", a dash, the
/// sequence; matches ^[A-Za-z0-9-]{8,64}$.
/// </summary>
public static class ClientOrderIds
{
    // Launch ids and market ids are schema-bounded well below this; longer input takes the heap.
    private const int StackLimit = 512;

    public static string Create(string launchId, string marketId, long sequence)
    {
        Span<char> sequenceText = stackalloc char[20];
        sequence.TryFormat(sequenceText, out var sequenceLength, default, CultureInfo.InvariantCulture);
        sequenceText = sequenceText[..sequenceLength];

        var length = launchId.Length + marketId.Length + sequenceLength + 2;
        Span<char> text = length <= StackLimit ? stackalloc char[length] : new char[length];
        launchId.CopyTo(text);
        text[launchId.Length] = '|';
        marketId.AsSpan().ToLowerInvariant(text[(launchId.Length + 1)..]);
        text[launchId.Length + 1 + marketId.Length] = '|';
        sequenceText.CopyTo(text[(launchId.Length + marketId.Length + 2)..]);

        var byteCount = Encoding.UTF8.GetByteCount(text);
        Span<byte> utf8 = byteCount <= StackLimit * 3 ? stackalloc byte[byteCount] : new byte[byteCount];
        Encoding.UTF8.GetBytes(text, utf8);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8, digest);
        return string.Concat(Convert.ToHexStringLower(digest[..8]), "-", sequenceText);
    }
}
