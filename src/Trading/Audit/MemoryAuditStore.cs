using System.Buffers;
using System.Globalization;
using Polytraders.Contracts;

namespace Polytraders.Trading.Audit;

/// <summary>
/// The embedded default's audit store: process memory, gone with the process. Not for real money.
/// <para>Envelopes are kept as their JSON in large shared byte segments, with a small fixed-size index entry each (the
/// query fields and where the bytes are), not as object graphs: a trading run appends tens of thousands of envelopes a
/// minute, and kept as objects they made every garbage collection slower the longer the process ran. Reads (reviewer
/// queries, chain verification, a trail's activation) deserialize what they return.</para>
/// </summary>
public sealed class MemoryAuditStore : IAuditStore
{
    /// <summary>Segments are large-object-heap arrays: allocated once, never moved or scanned for references.</summary>
    private const int SegmentBytes = 1 << 20;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_batch;

    private readonly Lock _gate = new();
    private readonly List<byte[]> _segments = [];
    private int _segmentUsed;
    private readonly List<Entry> _all = [];
    private readonly Dictionary<string, List<int>> _chains = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, int> _indexOfEnvelope = [];

    /// <summary>The filter fields repeat across envelopes (a few Portfolios, Strategies, launches and codes): kept once.</summary>
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

    public Task AppendAsync(string chainId, IReadOnlyList<AuditEnvelope> envelopes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelopes);
        var (bytes, ends) = Serialized(envelopes);
        lock (_gate)
        {
            var chain = _chains.TryGetValue(chainId, out var existing) ? existing : null;
            var ids = new HashSet<Guid>();
            for (var i = 0; i < envelopes.Count; i++)
            {
                var envelope = envelopes[i];
                if (envelope.Sequence != (chain?.Count ?? 0) + 1 + i)
                {
                    throw new AuditConflictException(chainId, envelope.Sequence);
                }

                if (_indexOfEnvelope.ContainsKey(envelope.EnvelopeId) || !ids.Add(envelope.EnvelopeId))
                {
                    throw new AuditDuplicateEnvelopeException(envelope.EnvelopeId);
                }
            }

            chain ??= _chains[Interned(chainId)] = [];
            for (var i = 0; i < envelopes.Count; i++)
            {
                var envelope = envelopes[i];
                var json = bytes[(i == 0 ? 0 : ends[i - 1])..ends[i]];
                var (segment, offset) = Store(json);
                var index = _all.Count;
                _all.Add(new Entry(
                    Interned(chainId),
                    new AuditQueryFields(
                        InternedOrNull(envelope.PortfolioId),
                        InternedOrNull(envelope.StrategyId),
                        InternedOrNull(envelope.LaunchId),
                        Interned(envelope.ReasonCode),
                        envelope.OccurredAt,
                        envelope.Badge is not null),
                    segment,
                    offset,
                    json.Length));
                _indexOfEnvelope[envelope.EnvelopeId] = index;
                chain.Add(index);
            }
        }

        return Task.CompletedTask;
    }

    public Task<AuditEnvelope?> GetHeadAsync(string chainId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_chains.TryGetValue(chainId, out var chain) && chain.Count > 0 ? Read(chain[^1]) : null);
        }
    }

    public Task<AuditEnvelope?> GetAsync(string chainId, Guid envelopeId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var found = _indexOfEnvelope.TryGetValue(envelopeId, out var index) && _all[index].ChainId == chainId ? Read(index) : null;
            return Task.FromResult(found);
        }
    }

    public Task<IReadOnlyList<AuditEnvelope>> ReadChainAsync(string chainId, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<AuditEnvelope> page = _chains.TryGetValue(chainId, out var chain)
                ? chain.Skip((int)Math.Min(afterSequence, chain.Count)).Take(limit).Select(Read).ToList()
                : [];
            return Task.FromResult(page);
        }
    }

    public Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        var start = query.Cursor is null ? 0 : int.Parse(query.Cursor, NumberStyles.None, CultureInfo.InvariantCulture);
        lock (_gate)
        {
            var items = new List<AuditEnvelope>(query.PageSize);
            var index = start;
            for (; index < _all.Count && items.Count < query.PageSize; index++)
            {
                if (AuditQueryFilter.Matches(query, _all[index].Fields))
                {
                    items.Add(Read(index));
                }
            }

            var more = index < _all.Count;
            return Task.FromResult(new AuditPage { Items = items, NextCursor = more ? index.ToString(CultureInfo.InvariantCulture) : null });
        }
    }

    /// <summary>The batch's JSON, one envelope after another, and where each ends; written before the lock is taken.</summary>
    private static (ReadOnlyMemory<byte> Bytes, int[] Ends) Serialized(IReadOnlyList<AuditEnvelope> envelopes)
    {
        var buffer = t_batch ??= new ArrayBufferWriter<byte>(4_096);
        buffer.ResetWrittenCount();
        var ends = new int[envelopes.Count];
        for (var i = 0; i < envelopes.Count; i++)
        {
            ContractJson.SerializeEnvelopeTo(buffer, envelopes[i]);
            ends[i] = buffer.WrittenCount;
        }

        return (buffer.WrittenMemory, ends);
    }

    private (int Segment, int Offset) Store(ReadOnlyMemory<byte> json)
    {
        if (_segments.Count == 0 || _segmentUsed + json.Length > _segments[^1].Length)
        {
            _segments.Add(new byte[Math.Max(SegmentBytes, json.Length)]);
            _segmentUsed = 0;
        }

        var offset = _segmentUsed;
        json.Span.CopyTo(_segments[^1].AsSpan(offset));
        _segmentUsed += json.Length;
        return (_segments.Count - 1, offset);
    }

    private AuditEnvelope Read(int index)
    {
        var entry = _all[index];
        return ContractJson.DeserializeUtf8<AuditEnvelope>(_segments[entry.Segment].AsSpan(entry.Offset, entry.Length));
    }

    private string Interned(string value)
    {
        if (_strings.TryGetValue(value, out var kept))
        {
            return kept;
        }

        _strings[value] = value;
        return value;
    }

    private string? InternedOrNull(string? value) => value is null ? null : Interned(value);

    private readonly record struct Entry(string ChainId, AuditQueryFields Fields, int Segment, int Offset, int Length);
}
