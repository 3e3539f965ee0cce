using System.Globalization;
using Polytraders.Contracts;

namespace Polytraders.Trading.Audit;

/// <summary>The embedded default's audit store: process memory, gone with the process. Not for real money.</summary>
public sealed class MemoryAuditStore : IAuditStore
{
    private readonly Lock _gate = new();
    private readonly List<(string ChainId, AuditEnvelope Envelope)> _all = [];
    private readonly Dictionary<string, List<AuditEnvelope>> _chains = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, string> _chainOfEnvelope = [];

    public Task AppendAsync(string chainId, IReadOnlyList<AuditEnvelope> envelopes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelopes);
        lock (_gate)
        {
            var chain = _chains.TryGetValue(chainId, out var existing) ? existing : _chains[chainId] = [];
            var ids = new HashSet<Guid>();
            for (var i = 0; i < envelopes.Count; i++)
            {
                var envelope = envelopes[i];
                if (envelope.Sequence != chain.Count + 1 + i)
                {
                    throw new AuditConflictException(chainId, envelope.Sequence);
                }

                if (_chainOfEnvelope.ContainsKey(envelope.EnvelopeId) || !ids.Add(envelope.EnvelopeId))
                {
                    throw new AuditDuplicateEnvelopeException(envelope.EnvelopeId);
                }
            }

            foreach (var envelope in envelopes)
            {
                _chainOfEnvelope[envelope.EnvelopeId] = chainId;
                chain.Add(envelope);
                _all.Add((chainId, envelope));
            }
        }

        return Task.CompletedTask;
    }

    public Task<AuditEnvelope?> GetHeadAsync(string chainId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_chains.TryGetValue(chainId, out var chain) && chain.Count > 0 ? chain[^1] : null);
        }
    }

    public Task<AuditEnvelope?> GetAsync(string chainId, Guid envelopeId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var found = _chainOfEnvelope.TryGetValue(envelopeId, out var owner) && owner == chainId
                ? _chains[chainId].Find(e => e.EnvelopeId == envelopeId)
                : null;
            return Task.FromResult(found);
        }
    }

    public Task<IReadOnlyList<AuditEnvelope>> ReadChainAsync(string chainId, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<AuditEnvelope> page = _chains.TryGetValue(chainId, out var chain)
                ? chain.Skip((int)Math.Min(afterSequence, chain.Count)).Take(limit).ToList()
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
                if (AuditQueryFilter.Matches(query, _all[index].Envelope))
                {
                    items.Add(_all[index].Envelope);
                }
            }

            var more = index < _all.Count;
            return Task.FromResult(new AuditPage { Items = items, NextCursor = more ? index.ToString(CultureInfo.InvariantCulture) : null });
        }
    }
}
