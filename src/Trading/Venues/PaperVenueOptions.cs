using System.ComponentModel.DataAnnotations;

namespace Polytraders.Trading.Venues;

/// <summary>How the paper venue fills (section "PaperVenue").</summary>
public sealed class PaperVenueOptions
{
    public const string Section = "PaperVenue";

    /// <summary>
    /// Ticks every paper fill moves against the order (a BUY pays more, a SELL gets less), never past its limit.
    /// 0, the default, fills at the observed price.
    /// </summary>
    [Range(0, int.MaxValue, ErrorMessage = "PaperVenue:SlippageTicks must be 0 or more.")]
    public int SlippageTicks { get; set; }
}
