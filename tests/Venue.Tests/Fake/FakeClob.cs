using System.Net;
using System.Numerics;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polytraders.Polymarket.Crypto;

namespace Polytraders.Venue.Tests.Fake;

/// <summary>
/// A loopback CLOB: Kestrel on 127.0.0.1 with a free port, real HTTP and real websockets, checking what the real
/// venue checks (see <see cref="FakeAuth"/>, <see cref="FakeOrderEndpoints"/>, <see cref="FakeSockets"/>). Every
/// request is recorded with its answer's status; failures can be injected per endpoint.
/// </summary>
public sealed class FakeClob : IAsyncDisposable
{
    public const long ChainId = 137;

    private readonly WebApplication _app;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(EthereumAddress, BigInteger), FakeAccount> _issued = new();

    private FakeClob(WebApplication app, FakeClobState state)
    {
        _app = app;
        State = state;
        Sockets = new FakeSockets(this);
    }

    public FakeClobState State { get; }

    public FakeSockets Sockets { get; }

    public Uri BaseUrl { get; private set; } = null!;

    public Uri MarketWebSocketUrl => new($"ws://{BaseUrl.Authority}/ws/market");

    public Uri UserWebSocketUrl => new($"ws://{BaseUrl.Authority}/ws/user");

    public static async Task<FakeClob> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var clob = new FakeClob(app, new FakeClobState());
        app.UseWebSockets();
        app.Use(clob.RecordAndInjectAsync);
        FakeOrderEndpoints.Map(app, clob);
        FakeMarketDataEndpoints.Map(app, clob);
        clob.Sockets.Map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        clob.BaseUrl = new Uri(address);
        return clob;
    }

    /// <summary>Registers an API key for <paramref name="address"/> with a fresh random secret and passphrase.</summary>
    public FakeAccount AddAccount(EthereumAddress address, long pusdBaseUnits = 0)
    {
        var account = new FakeAccount(
            Guid.NewGuid().ToString(),
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_'),
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            address);
        State.Accounts[account.ApiKey] = account;
        State.PusdBalances[address] = pusdBaseUnits;
        return account;
    }

    /// <summary>A deposit wallet "deployed" at a fresh address, owned by <paramref name="owner"/> (it signs for the wallet).</summary>
    public EthereumAddress AddDepositWallet(EthereumAddress owner)
    {
        var wallet = EthereumAddress.FromBytes(RandomNumberGenerator.GetBytes(EthereumAddress.Length));
        State.DepositWallets[wallet] = owner;
        return wallet;
    }

    public FakeMarket AddMarket(FakeMarket market)
    {
        State.Markets[market.TokenId] = market;
        return market;
    }

    internal FakeAccount IssueKey(EthereumAddress address, BigInteger nonce)
    {
        var account = AddAccount(address, State.PusdBalances.GetValueOrDefault(address));
        _issued[(address, nonce)] = account;
        return account;
    }

    internal FakeAccount? IssuedKey(EthereumAddress address, BigInteger nonce) => _issued.GetValueOrDefault((address, nonce));

    public async ValueTask DisposeAsync()
    {
        Sockets.DropAll();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task RecordAndInjectAsync(HttpContext context, RequestDelegate next)
    {
        var started = DateTimeOffset.UtcNow;
        if (State.TakeFailure(context.Request.Method, context.Request.Path.Value ?? "") is { } failure)
        {
            context.Response.StatusCode = failure.Status;
            if (failure.RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (failure.Body is { } body)
            {
                await context.Response.WriteAsync(body);
            }
            else
            {
                await context.Response.WriteAsJsonAsync(new Dictionary<string, string> { ["error"] = $"injected {failure.Status}" });
            }
        }
        else
        {
            await next(context);
        }

        State.Requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "", started, context.Response.StatusCode));
    }
}
