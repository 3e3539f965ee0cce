using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polytraders.Polymarket.Auth;

namespace Polytraders.Polymarket.Clob;

/// <summary>
/// The Polymarket CLOB REST API over an injected <see cref="HttpClient"/>. Every request: waits for the client-side
/// rate limiter, gets fresh auth headers (L2 HMAC over the exact body bytes sent), and runs under
/// <see cref="ClobOptions.RequestTimeout"/>. Idempotent GETs are retried after timeouts, network errors, 408, 429 and
/// 500/502/503/504, honouring Retry-After; nothing else is retried, least of all POST /order, whose outcome would
/// otherwise be ambiguous. Failures surface as <see cref="ClobApiException"/> with a <see cref="ClobErrorKind"/>. Logs
/// carry method, path, status and timing, never headers or bodies.
/// </summary>
public sealed partial class ClobRestClient
{
    private const int MaxVenueMessageLength = 300;

    private readonly HttpClient _http;
    private readonly ClobOptions _options;
    private readonly ClobRateLimiter _limiter;
    private readonly TimeProvider _time;
    private readonly ILogger<ClobRestClient> _logger;
    private readonly string _baseUrl;

    public ClobRestClient(HttpClient http, IOptions<ClobOptions> options, ClobRateLimiter limiter, TimeProvider time, ILogger<ClobRestClient> logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(limiter);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _http = http;
        _options = options.Value;
        _limiter = limiter;
        _time = time;
        _logger = logger;
        _baseUrl = _options.BaseUrl.AbsoluteUri.TrimEnd('/');
    }

    public long ChainId => _options.ChainId;

    /// <summary>Sends <paramref name="request"/> and returns the body of its 2xx answer.</summary>
    public async Task<string> SendAsync(ClobRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        for (var attempt = 1; ; attempt++)
        {
            if (_options.EnforceRateLimits)
            {
                await _limiter.AcquireAsync(request.Method, request.Path, cancellationToken).ConfigureAwait(false);
            }

            var started = _time.GetTimestamp();
            ClobApiException failure;
            TimeSpan? retryAfter = null;
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                timeout.CancelAfter(_options.RequestTimeout);
                try
                {
                    using var message = BuildMessage(request);
                    using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
                    var body = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
                    var status = (int)response.StatusCode;
                    LogAnswered(request.Method.Method, request.Path, status, _time.GetElapsedTime(started).TotalMilliseconds, attempt);
                    if (response.IsSuccessStatusCode)
                    {
                        return body;
                    }

                    retryAfter = RetryAfter.From(response, _time);
                    failure = Classify(request, response.StatusCode, body, retryAfter);
                }
                catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = new ClobApiException(
                        ClobErrorKind.Unavailable,
                        $"{request.Method} {request.Path} timed out after {_options.RequestTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.",
                        innerException: ex);
                }
                catch (HttpRequestException ex)
                {
                    failure = new ClobApiException(
                        ClobErrorKind.Unavailable,
                        $"{request.Method} {request.Path} could not reach the venue ({ex.HttpRequestError}).",
                        innerException: ex);
                }
            }

            if (failure.StatusCode == HttpStatusCode.TooManyRequests)
            {
                // Everyone waits out the venue's Retry-After, including the next order (which is never this one again).
                _limiter.PauseUntil(request.Method, request.Path, _time.GetUtcNow() + (retryAfter ?? TimeSpan.FromSeconds(1)));
            }

            if (NextDelay(request, failure, attempt) is not { } delay)
            {
                LogFailed(request.Method.Method, request.Path, (int?)failure.StatusCode, failure.Kind, attempt);
                throw failure;
            }

            LogRetrying(request.Method.Method, request.Path, (int?)failure.StatusCode, attempt, delay.TotalMilliseconds);
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends and reads the 2xx body as <typeparamref name="T"/>; an unreadable answer is "venue unavailable".</summary>
    public async Task<T> SendAsync<T>(ClobRequest request, CancellationToken cancellationToken)
    {
        var body = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return Deserialize<T>(request, body);
    }

    private static T Deserialize<T>(ClobRequest request, string body)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, ClobJson.Options)
                ?? throw new JsonException("null");
        }
        catch (Exception ex) when (ex is JsonException or FormatException or OverflowException)
        {
            throw new ClobApiException(ClobErrorKind.Unavailable, $"{request.Method} {request.Path} answered with an unreadable body.", innerException: null);
        }
    }

    private HttpRequestMessage BuildMessage(ClobRequest request)
    {
        var url = new StringBuilder(_baseUrl).Append(request.Path);
        for (var i = 0; i < request.Query.Count; i++)
        {
            url.Append(i == 0 ? '?' : '&')
                .Append(Uri.EscapeDataString(request.Query[i].Key))
                .Append('=')
                .Append(Uri.EscapeDataString(request.Query[i].Value));
        }

        var message = new HttpRequestMessage(request.Method, new Uri(url.ToString(), UriKind.Absolute));
        if (request.Body is not null)
        {
            message.Content = new StringContent(request.Body, Encoding.UTF8, "application/json");
        }

        var headers = request.Auth switch
        {
            ClobAuthLevel.L1 => request.L1Headers ?? throw new ArgumentException("An L1 request needs its headers.", nameof(request)),
            ClobAuthLevel.L2 when request.Account is { } account => L2Authentication.CreateL2Headers(
                account.Address, account.Credentials, _time.GetUtcNow().ToUnixTimeSeconds(), request.Method.Method, request.Path, request.Body),
            ClobAuthLevel.L2 => throw new ArgumentException("An L2 request needs an account.", nameof(request)),
            _ => null,
        };
        if (headers is not null)
        {
            foreach (var (name, value) in headers)
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return message;
    }

    private ClobApiException Classify(ClobRequest request, HttpStatusCode status, string body, TimeSpan? retryAfter)
    {
        var venueMessage = Scrub(VenueMessageOf(body), request.Account);
        var code = (int)status;
        var said = venueMessage is null ? "" : $": {venueMessage}";
        if (status == HttpStatusCode.TooManyRequests)
        {
            var wait = (retryAfter ?? TimeSpan.FromSeconds(1)).TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            return new ClobApiException(ClobErrorKind.Unavailable, $"{request.Method} {request.Path} was throttled (429, retry after {wait} s){said}", status, venueMessage, retryAfter);
        }

        if (status == HttpStatusCode.RequestTimeout || code >= 500)
        {
            return new ClobApiException(ClobErrorKind.Unavailable, $"{request.Method} {request.Path} failed at the venue ({code}){said}", status, venueMessage, retryAfter);
        }

        return new ClobApiException(ClobErrorKind.Refused, $"{request.Method} {request.Path} was refused ({code}){said}", status, venueMessage, retryAfter);
    }

    private TimeSpan? NextDelay(ClobRequest request, ClobApiException failure, int attempt)
    {
        if (!request.Retryable || attempt > _options.MaxGetRetries || failure.Kind != ClobErrorKind.Unavailable)
        {
            return null;
        }

        if (failure.StatusCode is { } status && status is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
            or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout))
        {
            return null;
        }

        if (failure.RetryAfter is { } asked)
        {
            return asked <= _options.MaxRetryDelay ? asked : null;
        }

        // Exponential backoff with up to 25 % jitter, capped.
        var backoff = _options.RetryBaseDelay * Math.Pow(2, attempt - 1) * (1 + (Random.Shared.NextDouble() * 0.25));
        return backoff < _options.MaxRetryDelay ? backoff : _options.MaxRetryDelay;
    }

    /// <summary>The venue's own error text: "error", "errorMsg" or "message" of a JSON body, else the body itself, shortened.</summary>
    private static string? VenueMessageOf(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        string text = body;
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var name in (ReadOnlySpan<string>)["error", "errorMsg", "message"])
                {
                    if (json.RootElement.TryGetProperty(name, out var value))
                    {
                        text = value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText();
                        break;
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: keep the raw text.
        }

        text = text.ReplaceLineEndings(" ").Trim();
        return text.Length <= MaxVenueMessageLength ? text : text[..MaxVenueMessageLength] + "…";
    }

    /// <summary>Removes the account's secret, passphrase and key from text that will reach exceptions and logs.</summary>
    internal static string? Scrub(string? text, ClobAccount? account)
    {
        if (text is null || account is null)
        {
            return text;
        }

        foreach (var secret in new[] { account.Credentials.Secret, account.Credentials.Passphrase, account.Credentials.Key })
        {
            if (!string.IsNullOrEmpty(secret))
            {
                text = text.Replace(secret, "[redacted]", StringComparison.Ordinal);
            }
        }

        return text;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "CLOB {Method} {Path} answered {Status} in {ElapsedMs:0} ms (attempt {Attempt})")]
    private partial void LogAnswered(string method, string path, int status, double elapsedMs, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CLOB {Method} {Path} failed ({Status}) on attempt {Attempt}; retrying in {DelayMs:0} ms")]
    private partial void LogRetrying(string method, string path, int? status, int attempt, double delayMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CLOB {Method} {Path} failed ({Status}, {Kind}) after {Attempts} attempt(s)")]
    private partial void LogFailed(string method, string path, int? status, ClobErrorKind kind, int attempts);
}
