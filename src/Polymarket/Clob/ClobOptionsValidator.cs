using Microsoft.Extensions.Options;
using Polytraders.Polymarket.Orders;

namespace Polytraders.Polymarket.Clob;

/// <summary>Refuses options the clients could not work with, at start-up rather than at the first order.</summary>
public sealed class ClobOptionsValidator : IValidateOptions<ClobOptions>
{
    public ValidateOptionsResult Validate(string? name, ClobOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.BaseUrl is not { IsAbsoluteUri: true } rest || (rest.Scheme != Uri.UriSchemeHttps && rest.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add("Clob:BaseUrl must be an absolute http(s) URL.");
        }

        foreach (var (key, url) in new[] { ("MarketWebSocketUrl", options.MarketWebSocketUrl), ("UserWebSocketUrl", options.UserWebSocketUrl) })
        {
            if (url is not { IsAbsoluteUri: true } || (url.Scheme != Uri.UriSchemeWss && url.Scheme != Uri.UriSchemeWs))
            {
                failures.Add($"Clob:{key} must be an absolute ws(s) URL.");
            }
        }

        if (options.ChainId is not (CtfExchangeV2.PolygonChainId or CtfExchangeV2.AmoyChainId))
        {
            failures.Add("Clob:ChainId must be 137 (Polygon) or 80002 (Amoy).");
        }

        Positive(failures, "RequestTimeout", options.RequestTimeout);
        Positive(failures, "RetryBaseDelay", options.RetryBaseDelay);
        Positive(failures, "MaxRetryDelay", options.MaxRetryDelay);
        Positive(failures, "PingInterval", options.PingInterval);
        Positive(failures, "ReconnectInitialDelay", options.ReconnectInitialDelay);
        if (options.StaleConnectionTimeout <= options.PingInterval)
        {
            failures.Add("Clob:StaleConnectionTimeout must be longer than Clob:PingInterval.");
        }

        if (options.ReconnectMaxDelay < options.ReconnectInitialDelay)
        {
            failures.Add("Clob:ReconnectMaxDelay must not be shorter than Clob:ReconnectInitialDelay.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"Clob:{key} must be positive.");
        }
    }
}
