using Polytraders.Contracts;

namespace Polytraders.Trading.Audit;

public static class AuditModes
{
    /// <summary>True for the modes whose orders reach the venue and need a real signing key.</summary>
    public static bool IsLive(AuditEnvelopeMode mode) => mode is AuditEnvelopeMode.LimitedLive or AuditEnvelopeMode.WideLive;

    public static AuditEnvelopeMode Of(LaunchMode mode) => mode switch
    {
        LaunchMode.Paper => AuditEnvelopeMode.Paper,
        LaunchMode.LimitedLive => AuditEnvelopeMode.LimitedLive,
        LaunchMode.WideLive => AuditEnvelopeMode.WideLive,
        LaunchMode.Shadow => AuditEnvelopeMode.Shadow,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "no audit mode for this launch mode"),
    };
}
