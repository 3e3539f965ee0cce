using Polytraders.Contracts;

namespace Polytraders.Trading.Gates;

/// <summary>The mode ladder's rungs in order, and the rung each launch mode needs.</summary>
public static class Rungs
{
    public static ModeRung Lowest => ModeRung.DocsComplete;

    public static ModeRung Highest => ModeRung.WideLive;

    /// <summary>
    /// Paper trades against the paper venue from the lowest rung; shadow touches live prices and the signing key, so it
    /// needs a demo-wired class; the live modes need their own rung.
    /// </summary>
    public static ModeRung RequiredFor(LaunchMode mode) => mode switch
    {
        LaunchMode.Paper => ModeRung.DocsComplete,
        LaunchMode.Shadow => ModeRung.DemoWired,
        LaunchMode.LimitedLive => ModeRung.LimitedLive,
        LaunchMode.WideLive => ModeRung.WideLive,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "not a launch mode"),
    };

    /// <summary>Where an automatic demotion leaves a class: below the live rungs.</summary>
    public static ModeRung DemotedFrom(ModeRung rung) => rung > ModeRung.DemoWired ? ModeRung.DemoWired : rung;

    /// <summary>The rung as the contracts spell it (docs-complete, limited_live).</summary>
    public static string Name(ModeRung rung) => ContractJson.NameOf(rung);
}
