using System.ComponentModel.DataAnnotations;

namespace Polytraders.Grains.Gates;

/// <summary>Where the mode-ladder checklists are read from (configuration section <c>Gates</c>).</summary>
public sealed class GatesOptions
{
    public const string Section = "Gates";

    /// <summary>Default: the copy of the repository's gates/ shipped beside the binaries (see Grains.csproj).</summary>
    [Required]
    public string Directory { get; set; } = Path.Combine(AppContext.BaseDirectory, "gates");
}
