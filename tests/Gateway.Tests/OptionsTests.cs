using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Polytraders.Gateway.Options;

namespace Polytraders.Gateway.Tests;

/// <summary>A gateway nobody could call, or one with a key of an unknown role or a malformed login, does not start.</summary>
public sealed class OptionsTests
{
    [Theory]
    [InlineData(null, null, null, "at least one")]
    [InlineData("test-operator-key-0001", "alice", "admin", "Role 'admin'")]
    [InlineData("test-operator-key-0001", "Alice Smith", "operator", "Operator 'Alice Smith'")]
    [InlineData("test-operator-key-0001", "a", "operator", "Operator 'a'")]
    [InlineData("short-key", "alice", "operator", "at least 16 characters")]
    public async Task a_gateway_with_bad_keys_does_not_start(string? key, string? operatorId, string? role, string expected)
    {
        var settings = new Dictionary<string, string?>();
        if (key is not null)
        {
            settings[$"Gateway:ApiKeys:{key}:Operator"] = operatorId;
            settings[$"Gateway:ApiKeys:{key}:Role"] = role;
        }

        await using var app = GatewayHost.BuildGateway(
            new ConfigurationBuilder().AddInMemoryCollection(settings).Build(),
            services => services.AddSingleton<IGrainFactory>(_ => throw new InvalidOperationException("no cluster in this test")));

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.Contains(failure.Failures, f => f.Contains(expected, StringComparison.Ordinal));
        Assert.DoesNotContain(failure.Failures, f => key is not null && f.Contains(key, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Gateway:ApiKeys:test-operator-key-0001:Tenant", "desk", "Tenant 'desk'")]
    [InlineData("Gateway:DefaultTenant", "TEN-", "DefaultTenant 'TEN-'")]
    public async Task a_gateway_with_a_malformed_tenant_does_not_start(string setting, string value, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Gateway:ApiKeys:test-operator-key-0001:Operator"] = "alice",
            ["Gateway:ApiKeys:test-operator-key-0001:Role"] = "operator",
            [setting] = value,
        };

        await using var app = GatewayHost.BuildGateway(
            new ConfigurationBuilder().AddInMemoryCollection(settings).Build(),
            services => services.AddSingleton<IGrainFactory>(_ => throw new InvalidOperationException("no cluster in this test")));

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.Contains(failure.Failures, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task the_development_keys_are_valid()
    {
        var settings = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "gateway-appsettings.Development.json"), optional: false)
            .Build();

        await using var app = GatewayHost.BuildGateway(settings, services => services.AddSingleton<IGrainFactory>(_ => throw new InvalidOperationException("no cluster in this test")));
        await app.StartAsync();

        var options = app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value;
        Assert.Equal("alice", options.ApiKeys["dev-operator-key"].Operator);
        Assert.Equal("reviewer", options.ApiKeys["dev-reviewer-key"].Role);
        Assert.Equal(["crypto", "politics"], options.EffectiveClusterIds);
        await app.StopAsync();
    }
}
