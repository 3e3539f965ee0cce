using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Polytraders.Gateway.Contracts;
using Xunit.Abstractions;

namespace Polytraders.Conformance.Tests;

/// <summary>The whole suite against the embedded silo: every flow case and one case per bad body fixture.</summary>
[Collection(WithEmbeddedSilo.Name)]
public sealed class EmbeddedSiloConformanceTests(EmbeddedSiloService service, ITestOutputHelper output)
{
    [Fact]
    public async Task the_embedded_silo_passes_every_conformance_case()
    {
        using var lines = new StringWriter();

        var result = await service.RunSuiteAsync(only: null, lines);

        output.WriteLine(lines.ToString());
        Assert.True(result.Failed == 0, lines.ToString());
        Assert.Contains(result.Cases, c => c.Name == "momentum-entry-reshape-exit");
    }

    [Fact]
    public void every_bad_fixture_of_every_body_schema_is_a_case()
    {
        var cases = ConformanceSuite.Load(service.SuiteRoot).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        // Every contract a gateway route reads as its body, as the gateway maps them: a new body route needs its cases.
        var bodySchemas = service.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .SelectMany(e => e.Metadata.OfType<ContractBodyMetadata>())
            .Select(m => m.ContractType.Name)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.Contains("StrategyLaunch", bodySchemas);

        foreach (var schema in bodySchemas)
        {
            var fixtures = Directory.GetFiles(Path.Combine(service.SuiteRoot, "fixtures", "bad", schema), "*.json");
            Assert.NotEmpty(fixtures);
            Assert.All(fixtures, f => Assert.Contains($"bad/{schema}/{Path.GetFileNameWithoutExtension(f)}", cases));
        }
    }
}
