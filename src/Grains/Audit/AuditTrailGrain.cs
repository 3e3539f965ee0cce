using Microsoft.Extensions.Logging;
using Polytraders.Contracts;

namespace Polytraders.Grains.Audit;

/// <summary>
/// The single writer of one audit chain. Orleans runs one activation per key and one turn at a time, so sequence
/// numbers and hashes are assigned without races; the store's (chain, sequence) uniqueness guards against a second
/// activation after a silo failure. The envelope is stored before Append returns.
/// </summary>
public sealed partial class AuditTrailGrain(IAuditStore store, ILogger<AuditTrailGrain> logger) : Grain, IAuditTrailGrain
{
    private const int VerifyPage = 1000;
    private AuditEnvelope? _head;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _head = await store.GetHeadAsync(this.GetPrimaryKeyString(), cancellationToken);
        await base.OnActivateAsync(cancellationToken);
    }

    public async Task<AuditEnvelope> Append(AuditEnvelope draft)
    {
        if (!ReasonCodes.IsRegistered(draft.ReasonCode))
        {
            throw new ArgumentException($"'{draft.ReasonCode}' is not a registered reason code.", nameof(draft));
        }

        var chainId = this.GetPrimaryKeyString();
        var sealedEnvelope = AuditChain.Seal(draft, (_head?.Sequence ?? 0) + 1, _head?.Hash ?? AuditChain.GenesisHash);
        await store.AppendAsync(chainId, sealedEnvelope, CancellationToken.None);
        _head = sealedEnvelope;
        LogAppended(chainId, sealedEnvelope.Sequence, sealedEnvelope.ReasonCode);
        return sealedEnvelope;
    }

    public async Task<ChainVerification> Verify()
    {
        var chainId = this.GetPrimaryKeyString();
        var envelopes = new List<AuditEnvelope>();
        while (true)
        {
            var page = await store.ReadChainAsync(chainId, envelopes.Count, VerifyPage, CancellationToken.None);
            envelopes.AddRange(page);
            if (page.Count < VerifyPage)
            {
                break;
            }
        }

        return AuditChain.Verify(chainId, envelopes);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Audit {ChainId} #{Sequence} {ReasonCode}")]
    private partial void LogAppended(string chainId, long sequence, string reasonCode);
}
