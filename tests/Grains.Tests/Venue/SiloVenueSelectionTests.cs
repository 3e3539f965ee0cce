using Microsoft.Extensions.DependencyInjection;
using Polytraders.Grains.Execution.Polymarket;
using Polytraders.Silo;
using Polytraders.Trading.Venues;

namespace Polytraders.Grains.Tests.Venue;

public sealed class SiloVenueSelectionTests
{
    [Fact]
    public async Task the_silo_trades_on_paper_unless_configured_for_the_clob()
    {
        await using var paper = SiloHost.Build(["--Venue:Kind=Paper"]);
        await using var clob = SiloHost.Build(["--Venue:Kind=Clob", "--Clob:BaseUrl=http://127.0.0.1:9"]);

        Assert.IsType<PaperVenue>(paper.Services.GetRequiredService<IVenue>());
        Assert.IsType<ClobVenue>(clob.Services.GetRequiredService<IVenue>());
    }
}
