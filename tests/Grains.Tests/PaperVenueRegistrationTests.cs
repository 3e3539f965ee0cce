using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Polytraders.Trading.Venues;

namespace Polytraders.Grains.Tests;

/// <summary>The grains' services bind and validate the paper venue's options, and the paper venue is the default venue.</summary>
public sealed class PaperVenueRegistrationTests
{
    [Theory]
    [InlineData(null, 0)]
    [InlineData("3", 3)]
    public void slippage_binds_from_the_paper_venue_section(string? configured, int expected)
    {
        using var services = Services(configured);

        Assert.Equal(expected, services.GetRequiredService<IOptions<PaperVenueOptions>>().Value.SlippageTicks);
        Assert.IsType<PaperVenue>(services.GetRequiredService<IVenue>());
    }

    [Fact]
    public void negative_slippage_is_refused()
    {
        using var services = Services("-1");

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<PaperVenueOptions>>().Value);
        Assert.Contains("SlippageTicks", refused.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(string? slippageTicks)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PaperVenue:SlippageTicks"] = slippageTicks,
        }).Build();
        return new ServiceCollection().AddLogging().AddPolytradersGrains(configuration, new DeploymentProfile(false, "test")).BuildServiceProvider();
    }
}
