using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Polytraders.Contracts;
using Polytraders.Grains.Execution;
using Polytraders.Silo;

namespace Polytraders.Gateway.Tests;

/// <summary>Charsets, security headers and what a client sees of the gateway's edges.</summary>
[Collection(WithoutGrains.Name)]
public sealed class EdgeTests(GatewayWithoutGrains host)
{
    private const string LaunchPath = "/api/v1/portfolios/PORT-001/strategies";

    [Theory]
    [InlineData("utf-16")]
    [InlineData("iso-8859-1")]
    [InlineData("\"utf-32\"")]
    public async Task a_json_body_in_another_charset_than_utf8_gets_415(string charset)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Http.Launch("momentum-crypto-1", "PORT-001").ToJsonString()));
        content.Headers.TryAddWithoutValidation("Content-Type", $"application/json; charset={charset}");

        var response = await host.AsOperator().PostAsync(LaunchPath, content);

        var problem = await Http.ReadProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(ReasonCodes.StratInvalidLaunch, Http.ReasonCode(problem));
        Assert.Contains("charset", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json; charset=UTF-8")]
    [InlineData("application/json; charset=\"utf-8\"")]
    [InlineData("application/json")]
    public async Task a_utf8_or_unlabelled_json_body_is_read(string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"state":"HALTED","reason":"charset check"}"""));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        // Past the media type: the body is read and the (grain-less) Portfolio lookup is what answers.
        var response = await host.AsOperator().PostAsync("/api/v1/portfolios/not-a-portfolio/trading-state", content);

        Assert.NotEqual(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/reason-codes", true)]
    [InlineData("/api/v1/reason-codes", false)]
    [InlineData("/api/v1/no-such-thing", true)]
    [InlineData("/health/live", false)]
    [InlineData("/openapi/v1.json", true)]
    public async Task every_answer_carries_the_security_headers(string path, bool withKey)
    {
        using var client = withKey ? host.AsReviewer() : host.Anonymous();

        var response = await client.GetAsync(path);

        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal(["DENY"], response.Headers.GetValues("X-Frame-Options"));
        Assert.Equal(["no-referrer"], response.Headers.GetValues("Referrer-Policy"));
        Assert.True(response.Headers.CacheControl?.NoStore, $"{path}: Cache-Control {response.Headers.CacheControl}");
        Assert.Contains("default-src 'none'", string.Join(',', response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task kestrel_refusals_inside_a_request_are_problems_and_those_before_it_are_bare_statuses()
    {
        await using var app = GatewayHost.BuildGateway(host.Configuration, services => services.AddSingleton(host.Grains), kestrel: true);
        await app.StartAsync();
        var port = new Uri(app.Urls.First()).Port;

        // A chunked body Kestrel cannot read: refused while the gateway reads it, so the answer is a problem.
        var badChunk = await RawAsync(port, $"POST /api/v1/backtests HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {GatewayHost.OperatorKey}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{{}}\r\n0\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 400", badChunk, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", badChunk, StringComparison.Ordinal);
        Assert.Contains(ReasonCodes.GovInvalidRequest, badChunk, StringComparison.Ordinal);

        // Headers past Kestrel's limit: refused before any middleware runs; Kestrel answers the status alone (README).
        var bigHeaders = await RawAsync(port, $"GET /health/live HTTP/1.1\r\nHost: localhost\r\nX-Big: {new string('a', 40 * 1024)}\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 431", bigHeaders, StringComparison.Ordinal);

        await app.StopAsync();
    }

    private static async Task<string> RawAsync(int port, string request)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(IPAddress.Loopback, port);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[64 * 1024];
        var answer = new StringBuilder();
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                answer.Append(Encoding.ASCII.GetString(buffer, 0, read));
                if (answer.ToString().Contains("\r\n\r\n", StringComparison.Ordinal) && IsComplete(answer.ToString()))
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // Kestrel closes the connection after a refusal.
        }

        return answer.ToString();
    }

    private static bool IsComplete(string answer)
    {
        var headerEnd = answer.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var length = answer[..headerEnd].Split("\r\n").FirstOrDefault(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        return length is null
            ? answer.Contains("\r\n0\r\n\r\n", StringComparison.Ordinal) || !answer.Contains("chunked", StringComparison.OrdinalIgnoreCase)
            : answer.Length - headerEnd - 4 >= int.Parse(length["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>The silo's own start: where it listens, and which keystore a Production silo refuses.</summary>
[Collection(OwnHosts.Name)]
public sealed class SiloStartTests
{
    [Fact]
    public async Task the_silo_listens_on_5080_only_when_nothing_else_is_chosen()
    {
        await using (var byDefault = SiloHost.Build([]))
        {
            Assert.Equal(SiloHost.DefaultUrls, byDefault.Configuration["urls"]);
        }

        await using (var byArgument = SiloHost.Build(["--urls=http://127.0.0.1:5999"]))
        {
            Assert.Equal("http://127.0.0.1:5999", byArgument.Configuration["urls"]);
        }

        await using (var byEndpoints = SiloHost.Build(["--Kestrel:Endpoints:Http:Url=http://127.0.0.1:5998"]))
        {
            Assert.Null(byEndpoints.Configuration["urls"]);
        }

        // ASPNETCORE_URLS (and DOTNET_URLS): read before the settings files, which no longer set Urls.
        Environment.SetEnvironmentVariable("ASPNETCORE_URLS", "http://127.0.0.1:5997");
        try
        {
            await using var byEnvironment = SiloHost.Build([]);
            Assert.Equal("http://127.0.0.1:5997", byEnvironment.Configuration["urls"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable("ASPNETCORE_URLS", null);
        }
    }

    [Fact]
    public async Task a_production_silo_refuses_the_development_keystore_and_password()
    {
        await using var app = SiloHost.Build(["--environment=Production"]);

        var error = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IOptions<SigningOptions>>().Value);

        Assert.Equal(2, error.Failures.Count());
        Assert.All(error.Failures, f => Assert.StartsWith(ReasonCodes.SecDevKeystoreInProduction, f, StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Signing:KeystorePath", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Signing:KeystorePassword", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Development", null, null)]
    [InlineData("Production", "/srv/polytraders/keystore.json", "a-password-of-its-own")]
    public async Task a_development_silo_or_a_production_one_with_its_own_keystore_starts_with_it(string environment, string? path, string? password)
    {
        var args = new List<string> { $"--environment={environment}" };
        if (path is not null)
        {
            args.Add($"--Signing:KeystorePath={path}");
            args.Add($"--Signing:KeystorePassword={password}");
        }

        await using var app = SiloHost.Build([.. args]);

        Assert.NotNull(app.Services.GetRequiredService<IOptions<SigningOptions>>().Value);
    }

    [Fact]
    public async Task a_production_silo_with_the_default_password_alone_is_refused_too()
    {
        await using var app = SiloHost.Build(["--environment=Production", "--Signing:KeystorePath=/srv/polytraders/keystore.json"]);

        var error = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IOptions<SigningOptions>>().Value);

        Assert.Contains(ReasonCodes.SecDevKeystoreInProduction, Assert.Single(error.Failures), StringComparison.Ordinal);
    }
}
