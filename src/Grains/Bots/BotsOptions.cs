using System.ComponentModel.DataAnnotations;

namespace Polytraders.Grains.Bots;

/// <summary>Where the Bot specs and their registry are read from (configuration section <c>Bots</c>).</summary>
public sealed class BotsOptions
{
    public const string Section = "Bots";

    /// <summary>Default: the copy of the repository's bots/ shipped beside the binaries (see Grains.csproj).</summary>
    [Required]
    public string Directory { get; set; } = Path.Combine(AppContext.BaseDirectory, "bots");
}
