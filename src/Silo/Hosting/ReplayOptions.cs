using System.ComponentModel.DataAnnotations;

namespace Polytraders.Silo.Hosting;

/// <summary>The built-in price replay of the embedded default (section "Replay").</summary>
public sealed class ReplayOptions
{
    public const string Section = "Replay";

    public bool Enabled { get; set; } = true;

    /// <summary>Folder with markets.json, clusters.json, portfolios.json and prices.csv; relative paths start at the binaries.</summary>
    [Required]
    public string Directory { get; set; } = "replay";

    /// <summary>Wall-clock pause between replayed minutes; 0 publishes as fast as the grains take it.</summary>
    [Range(0, 60_000)]
    public int StepMilliseconds { get; set; } = 250;

    public bool Loop { get; set; } = true;

    public string FullDirectory => Path.IsPathRooted(Directory) ? Directory : Path.Combine(AppContext.BaseDirectory, Directory);
}
