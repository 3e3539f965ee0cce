using Polytraders.Contracts;

namespace Polytraders.Trading.Audit;

public static class AuditModes
{
    public static AuditEnvelopeMode Of(LaunchMode mode) => mode switch
    {
        LaunchMode.Paper => AuditEnvelopeMode.Paper,
        LaunchMode.LimitedLive => AuditEnvelopeMode.LimitedLive,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "no audit mode for this launch mode"),
    };
}
