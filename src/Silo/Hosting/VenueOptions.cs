namespace Polytraders.Silo.Hosting;

/// <summary>Where the execution grain sends signed orders (section "Venue").</summary>
public sealed class VenueOptions
{
    public const string Section = "Venue";

    /// <summary>Paper (the embedded default: fills against replayed prices) or Clob (Polymarket CLOB V2, section "Clob").</summary>
    public VenueKind Kind { get; set; } = VenueKind.Paper;
}

public enum VenueKind
{
    Paper,
    Clob,
}
