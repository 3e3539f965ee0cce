using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Polytraders.Contracts;
using Polytraders.Grains.Telemetry;
using Polytraders.Trading.Audit;

namespace Polytraders.Grains.Audit;

/// <summary>
/// The single writer of one audit chain. Orleans runs one activation per key and one turn at a time, so sequence
/// numbers and hashes are assigned without races; the store's (chain, sequence) uniqueness guards against a second
/// activation after a silo failure. The envelope is stored before Append returns.
/// </summary>
/// <remarks>
/// Append is idempotent by envelope id: a writer that recovers after a crash re-sends the drafts it had decided on with
/// the ids it recorded, and gets back the envelope already stored rather than a second copy.
/// </remarks>
public sealed partial class AuditTrailGrain(IAuditStore store, ILogger<AuditTrailGrain> logger) : Grain, IAuditTrailGrain
{
    private const int VerifyPage = 1000;
    private const int ConflictRetries = 3;
    private AuditEnvelope? _head;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _head = await store.GetHeadAsync(this.GetPrimaryKeyString(), cancellationToken);
        await base.OnActivateAsync(cancellationToken);
    }

    public Task<AuditEnvelope> Append(AuditEnvelope draft)
    {
        EnsureRegistered(draft);
        return AppendOneAsync(draft);
    }

    /// <summary>
    /// The drafts as consecutive links, stored in one round trip. A batch sent again after a crash may be stored in
    /// part already: then each draft is appended on its own, the stored ones found by id.
    /// </summary>
    public async Task AppendBatch(IReadOnlyList<AuditEnvelope> drafts)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        foreach (var draft in drafts)
        {
            EnsureRegistered(draft);
        }

        if (drafts.Count == 0)
        {
            return;
        }

        var chainId = this.GetPrimaryKeyString();
        using var activity = GrainTracing.Source.StartActivity("audit.append");
        activity?.SetTag("polytraders.chain_id", chainId);
        activity?.SetTag("polytraders.envelopes", drafts.Count);
        for (var attempt = 1; ; attempt++)
        {
            var links = new List<AuditEnvelope>(drafts.Count);
            foreach (var draft in drafts)
            {
                var previous = links.Count > 0 ? links[^1] : _head;
                links.Add(AuditChain.Seal(draft, (previous?.Sequence ?? 0) + 1, previous?.Hash ?? AuditChain.GenesisHash));
            }

            try
            {
                var started = Stopwatch.GetTimestamp();
                await store.AppendAsync(chainId, links, CancellationToken.None);
                Appended(started, links);
                _head = links[^1];
                LogAppendedBatch(chainId, links[0].Sequence, _head.Sequence);
                return;
            }
            catch (AuditDuplicateEnvelopeException)
            {
                foreach (var draft in drafts)
                {
                    await AppendOneAsync(draft);
                }

                return;
            }
            catch (AuditConflictException) when (attempt < ConflictRetries)
            {
                LogConflict(chainId, links[0].Sequence);
                _head = await store.GetHeadAsync(chainId, CancellationToken.None);
            }
        }
    }

    private static void EnsureRegistered(AuditEnvelope draft)
    {
        if (!ReasonCodes.IsRegistered(draft.ReasonCode))
        {
            throw new ArgumentException($"'{draft.ReasonCode}' is not a registered reason code.", nameof(draft));
        }
    }

    private async Task<AuditEnvelope> AppendOneAsync(AuditEnvelope draft)
    {
        var chainId = this.GetPrimaryKeyString();
        for (var attempt = 1; ; attempt++)
        {
            var sealedEnvelope = AuditChain.Seal(draft, (_head?.Sequence ?? 0) + 1, _head?.Hash ?? AuditChain.GenesisHash);
            try
            {
                var started = Stopwatch.GetTimestamp();
                await store.AppendAsync(chainId, [sealedEnvelope], CancellationToken.None);
                Appended(started, [sealedEnvelope]);
                _head = sealedEnvelope;
                LogAppended(chainId, sealedEnvelope.Sequence, sealedEnvelope.ReasonCode);
                return sealedEnvelope;
            }
            catch (AuditDuplicateEnvelopeException)
            {
                var stored = await store.GetAsync(chainId, draft.EnvelopeId, CancellationToken.None)
                    ?? throw new InvalidOperationException($"Envelope {draft.EnvelopeId} is stored in another chain than {chainId}.");
                LogAlreadyStored(chainId, stored.Sequence, draft.EnvelopeId);
                return stored;
            }
            catch (AuditConflictException) when (attempt < ConflictRetries)
            {
                // Another writer (a duplicate activation during a silo failure) took the sequence: this activation's
                // view of the head is stale. Re-read it and seal again on top of the real head.
                LogConflict(chainId, sealedEnvelope.Sequence);
                _head = await store.GetHeadAsync(chainId, CancellationToken.None);
            }
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        GrainMetrics.ForgetChain(this.GetPrimaryKeyString());
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    private void Appended(long started, IReadOnlyList<AuditEnvelope> links)
    {
        GrainMetrics.AuditAppendDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        foreach (var link in links)
        {
            GrainMetrics.Envelopes.Add(1, new KeyValuePair<string, object?>("reason_code", link.ReasonCode));
        }

        GrainMetrics.ReportChainHead(this.GetPrimaryKeyString(), links[^1].Sequence);
    }

    public async Task<ChainVerification> Verify()
    {
        var chainId = this.GetPrimaryKeyString();
        var verification = await AuditChain.VerifyAsync(chainId, AuditChain.ReadAllAsync(store, chainId, VerifyPage));

        // A chain nobody can trust takes its Tenant's classes off the live rungs (a Backtest's chain trades nothing).
        if (!verification.Valid && _head is { BacktestId: null } head)
        {
            LogBroken(chainId, verification.FirstBrokenSequence, verification.Problem);
            foreach (var botClass in Enum.GetValues<BotClass>())
            {
                await GrainFactory.GetGrain<IModeLadderGrain>(IModeLadderGrain.Key(head.TenantId, botClass))
                    .Demote($"audit chain {chainId} fails verification at #{verification.FirstBrokenSequence}: {verification.Problem}");
            }
        }

        return verification;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Audit {ChainId} #{Sequence} {ReasonCode}")]
    private partial void LogAppended(string chainId, long sequence, string reasonCode);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Audit {ChainId} #{First}..#{Last}")]
    private partial void LogAppendedBatch(string chainId, long first, long last);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit {ChainId}: envelope {EnvelopeId} was already stored as #{Sequence}; not appended again")]
    private partial void LogAlreadyStored(string chainId, long sequence, Guid envelopeId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit {ChainId} fails verification at #{Sequence}: {Problem}")]
    private partial void LogBroken(string chainId, long? sequence, string? problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit {ChainId}: sequence {Sequence} was taken by another writer; re-reading the head")]
    private partial void LogConflict(string chainId, long sequence);
}
