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

    /// <summary>
    /// A price file replayed instead of the folder's prices.csv, on the folder's markets (the conformance profile
    /// replays conformance/prices/*.csv, so a service under test sees the price path a case declares); relative paths
    /// start at the binaries.
    /// </summary>
    public string? Prices { get; set; }

    public string FullDirectory => Beside(Directory);

    public string? FullPrices => Prices is null ? null : Beside(Prices);

    private static string Beside(string path) => Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path);
}
