using Polytraders.Contracts;
using Polytraders.Trading.Audit;

namespace Polytraders.Trading.Backtest;

/// <summary>
/// The links a run's chain already holds when the run starts again after a silo restart. Runs are deterministic, so the
/// new attempt re-derives those links in the same order: each draft is sealed as the stored link in its place was (same
/// envelope id, sequence and previous hash) and must hash the same, and is then not stored a second time. A draft that
/// does not is a run that no longer decides as it did: the resumption fails rather than fork the chain. Links that
/// record the run's life rather than a decision (an earlier resumption, a closing stop) have no draft and are stepped
/// over. Reads the stored links a page at a time, so memory stays bounded however long the chain is.
/// </summary>
internal sealed class BacktestChainResume(IAuditStore store, string chainId, AuditEnvelope head)
{
    private const int PageSize = 1000;
    private IReadOnlyList<AuditEnvelope> _page = [];
    private int _next;

    /// <summary>The last link the chain held when the run started again.</summary>
    public AuditEnvelope Head => head;

    /// <summary>Sequence and hash of the last stored link passed so far.</summary>
    public (long Sequence, string Hash) Position { get; private set; } = (0, AuditChain.GenesisHash);

    /// <summary>Stored decision links the new attempt re-derived identically.</summary>
    public long Matched { get; private set; }

    /// <summary>Stored decision links passed without being re-derived (the new attempt stopped before reaching them).</summary>
    public long Unmatched { get; private set; }

    /// <summary>
    /// True when <paramref name="draft"/> is the next stored decision link; false when no stored link is left. Throws
    /// STRAT_BACKTEST_FAILED when the draft differs from the link in its place.
    /// </summary>
    public async Task<bool> MatchAsync(AuditEnvelope draft)
    {
        while (await NextAsync().ConfigureAwait(false) is ({ } stored, var previousHash))
        {
            if (IsLifecycle(stored))
            {
                continue;
            }

            var again = AuditChain.Seal(draft with { EnvelopeId = stored.EnvelopeId }, stored.Sequence, previousHash);
            if (again.Hash != stored.Hash)
            {
                throw new BacktestException(
                    ReasonCodes.StratBacktestFailed,
                    $"Started again after a silo restart, the run no longer matches its own chain at link {stored.Sequence} ({stored.ReasonCode} stored at {stored.OccurredAt:O}, {draft.ReasonCode} re-derived at {draft.OccurredAt:O}); nothing was appended.");
            }

            Matched++;
            return true;
        }

        return false;
    }

    /// <summary>Passes every stored link left, counting the decisions among them as not re-derived.</summary>
    public async Task SkipRestAsync()
    {
        while (await NextAsync().ConfigureAwait(false) is ({ } stored, _))
        {
            if (!IsLifecycle(stored))
            {
                Unmatched++;
            }
        }
    }

    /// <summary>A link the runner never drafts: an earlier <see cref="ReasonCodes.StratBacktestResumed"/> or a closing stop.</summary>
    private static bool IsLifecycle(AuditEnvelope envelope) =>
        envelope.ReasonCode == ReasonCodes.StratBacktestResumed || envelope.Payload.Kind == AuditPayloadKind.Stop;

    /// <summary>The next stored link up to the head with the hash before it; the position moves onto it. Null past the head.</summary>
    private async Task<(AuditEnvelope Stored, string PreviousHash)?> NextAsync()
    {
        if (Position.Sequence >= head.Sequence)
        {
            return null;
        }

        if (_next >= _page.Count)
        {
            _page = await store.ReadChainAsync(chainId, Position.Sequence, PageSize, CancellationToken.None).ConfigureAwait(false);
            _next = 0;
            if (_page.Count == 0)
            {
                throw new InvalidOperationException($"Audit chain {chainId} ends at link {Position.Sequence}, before the head {head.Sequence} it had when the run started again.");
            }
        }

        var stored = _page[_next++];
        var previousHash = Position.Hash;
        Position = (stored.Sequence, stored.Hash);
        return (stored, previousHash);
    }
}
