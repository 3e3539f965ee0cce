using Polytraders.Contracts;

namespace Polytraders.Trading.Intelligence;

/// <summary>
/// A named domain pack (by configuration: "crypto" or "politics", StrategyLaunch.domain_pack) bound to one launch's
/// settings. It builds one <see cref="IntelligencePipeline"/> per market, each with its own sensor history.
/// </summary>
public sealed class DomainPack
{
    /// <summary>Gates the weighted mean by confidence: the combiner a pipeline uses unless configured otherwise.</summary>
    public const string DefaultCombiner = "confidence_gated";

    private readonly Func<IntelligenceSettings, PackParts> _build;

    private DomainPack(string name, IntelligenceSettings settings, Func<IntelligenceSettings, PackParts> build)
    {
        Name = name;
        Settings = settings;
        _build = build;
        var probe = build(settings);
        SensorNames = [.. probe.Sensors.Select(s => s.Name)];
        ValuatorNames = [.. probe.Valuators.Select(v => v.Name)];
        CombinerNames = [.. probe.Combiners.Select(c => c.Name)];
    }

    public static IReadOnlyList<string> Names { get; } = [CryptoPack.Name, PoliticsPack.Name];

    public string Name { get; }

    public IntelligenceSettings Settings { get; }

    public IReadOnlyList<string> SensorNames { get; }

    public IReadOnlyList<string> ValuatorNames { get; }

    public IReadOnlyList<string> CombinerNames { get; }

    /// <summary>The pack called <paramref name="name"/> (case-insensitive); throws on a name no pack has.</summary>
    public static DomainPack Create(string name, IntelligenceSettings settings) => name.ToLowerInvariant() switch
    {
        CryptoPack.Name => new DomainPack(CryptoPack.Name, settings, CryptoPack.Build),
        PoliticsPack.Name => new DomainPack(PoliticsPack.Name, settings, PoliticsPack.Build),
        _ => throw new ArgumentException($"No domain pack is called '{name}'; known: {string.Join(", ", Names)}.", nameof(name)),
    };

    /// <summary>The pack a launch asks for, with settings from its momentum parameters.</summary>
    public static DomainPack Create(StrategyLaunchDomainPack pack, MomentumParameters parameters) => Create(
        pack switch
        {
            StrategyLaunchDomainPack.Crypto => CryptoPack.Name,
            StrategyLaunchDomainPack.Politics => PoliticsPack.Name,
            _ => throw new ArgumentOutOfRangeException(nameof(pack), pack, "Unknown domain pack."),
        },
        IntelligenceSettings.For(parameters));

    /// <summary>A fresh pipeline for one market, combining with <paramref name="combiner"/> (default: confidence_gated).</summary>
    public IntelligencePipeline CreatePipeline(string combiner = DefaultCombiner)
    {
        var parts = _build(Settings);
        var chosen = parts.Combiners.FirstOrDefault(c => string.Equals(c.Name, combiner, StringComparison.Ordinal))
            ?? throw new ArgumentException($"Pack '{Name}' has no combiner '{combiner}'; known: {string.Join(", ", CombinerNames)}.", nameof(combiner));
        return new IntelligencePipeline(parts.Sensors, parts.Valuators, chosen);
    }
}
