using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Polytraders.Polymarket.Clob;
using Polytraders.Venue.Tests.Support;

namespace Polytraders.Venue.Tests.Clob;

/// <summary>How a host wires the CLOB clients: configuration only.</summary>
public sealed class RegistrationTests
{
    [Fact]
    public async Task a_configured_container_resolves_the_clients_and_the_account_and_reaches_the_venue()
    {
        await using var rig = await ClobRig.StartAsync();
        var market = TestMarkets.Standard(rig.Clob);
        using var wallet = new TestWallet(rig.Clob);
        var configuration = rig.Configuration(wallet);
        var services = new ServiceCollection().AddLogging();
        services.AddPolymarketClobClient(configuration);
        await using var provider = services.BuildServiceProvider();

        var account = await provider.GetRequiredService<IClobAccountSource>().GetAccountAsync(CancellationToken.None);
        var balance = await provider.GetRequiredService<ClobRestClient>().GetBalanceAllowanceAsync(account);

        Assert.Equal(wallet.Account, account);
        Assert.Equal(1_000m, balance.Amount);
        Assert.Equal(0.01m, await provider.GetRequiredService<ClobRestClient>().GetTickSizeAsync(market.TokenId));
        Assert.Same(provider.GetRequiredService<UserWebSocketClient>(), provider.GetRequiredService<UserWebSocketClient>());
    }

    [Fact]
    public void invalid_options_are_refused_with_every_reason()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Clob:BaseUrl"] = "ftp://clob.example",
            ["Clob:MarketWebSocketUrl"] = "https://not-a-socket.example",
            ["Clob:ChainId"] = "1",
            ["Clob:PingInterval"] = "00:01:00",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddPolymarketClobClient(configuration);
        using var provider = services.BuildServiceProvider();

        var refused = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ClobOptions>>().Value);

        Assert.Contains(refused.Failures, f => f.Contains("BaseUrl", StringComparison.Ordinal));
        Assert.Contains(refused.Failures, f => f.Contains("MarketWebSocketUrl", StringComparison.Ordinal));
        Assert.Contains(refused.Failures, f => f.Contains("ChainId", StringComparison.Ordinal));
        Assert.Contains(refused.Failures, f => f.Contains("StaleConnectionTimeout", StringComparison.Ordinal));
    }

    [Fact]
    public async Task missing_credentials_are_refused_without_echoing_anything()
    {
        var source = new ConfiguredClobAccountSource(Options.Create(new ClobCredentialsOptions { Address = "0x1", ApiKey = "key", Secret = "s3cr3t-value" }));

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => source.GetAccountAsync(CancellationToken.None).AsTask());

        Assert.DoesNotContain("s3cr3t-value", refused.Message, StringComparison.Ordinal);
    }
}
