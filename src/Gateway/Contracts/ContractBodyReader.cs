using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Polytraders.Contracts;
using Polytraders.Gateway.Options;
using Polytraders.Gateway.Problems;

namespace Polytraders.Gateway.Contracts;

/// <summary>
/// Reads a JSON request body and checks it against its contract (schema + C# rules) before any grain sees it.
/// Every failure is a 4xx problem: wrong media type or a charset other than UTF-8 415, too large 413, unreadable or
/// rule-breaking 400.
/// </summary>
internal sealed class ContractBodyReader(ContractValidatorHost contracts, IOptions<GatewayOptions> options, ILogger<ContractBodyReader> log)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a <typeparamref name="T"/>; its schema is the contract titled with the type's name.</summary>
    public async Task<ContractBody<T>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        var schema = typeof(T).Name;
        var invalidCode = schema is nameof(StrategyLaunch) ? ReasonCodes.StratInvalidLaunch : ReasonCodes.GovInvalidRequest;
        if (!request.HasJsonContentType())
        {
            return Refuse<T>(GatewayProblem.For(invalidCode, $"Send the {schema} as 'Content-Type: application/json'.", StatusCodes.Status415UnsupportedMediaType));
        }

        // The body is read as UTF-8 (RFC 8259): a JSON body declared in another charset would be misread, so it is refused.
        if (Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            && mediaType.Charset.HasValue
            && !IsUtf8(mediaType.Charset.Value))
        {
            return Refuse<T>(GatewayProblem.For(invalidCode, $"Send the {schema} as UTF-8 JSON: charset '{mediaType.Charset.Value}' is not accepted.", StatusCodes.Status415UnsupportedMediaType));
        }

        var maxBytes = options.Value.MaxBodyBytes;
        if (request.ContentLength > maxBytes)
        {
            return Refuse<T>(GatewayProblem.For(invalidCode, $"The body is larger than {maxBytes} bytes.", StatusCodes.Status413PayloadTooLarge));
        }

        var bytes = await ReadUpToAsync(request.Body, maxBytes, cancellationToken);
        if (bytes is null)
        {
            return Refuse<T>(GatewayProblem.For(invalidCode, $"The body is larger than {maxBytes} bytes.", StatusCodes.Status413PayloadTooLarge));
        }

        string json;
        try
        {
            json = StrictUtf8.GetString(bytes.WrittenSpan);
        }
        catch (DecoderFallbackException)
        {
            return Refuse<T>(GatewayProblem.ForInvalid(invalidCode, "InvalidJson", "#", "The body is not UTF-8."));
        }

        var validator = await contracts.GetAsync();
        var violations = validator.Validate(schema, json);
        if (violations.Count > 0)
        {
            GatewayLog.BodyRefused(log, request.Method, request.Path, schema, violations.Count, violations[0].Rule, violations[0].Path);
            return Refuse<T>(GatewayProblem.ForViolations(violations, $"The {schema}"));
        }

        try
        {
            return new ContractBody<T>(ContractJson.Deserialize<T>(json), null);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or FormatException or OverflowException)
        {
            // The schema passed but the typed contract could not hold it (e.g. a number beyond decimal's range).
            GatewayLog.BodyRefused(log, request.Method, request.Path, schema, 1, "Unreadable", "#");
            return Refuse<T>(GatewayProblem.ForInvalid(invalidCode, "Unreadable", "#", $"The body is not a readable {schema}."));
        }
    }

    private static bool IsUtf8(string charset)
    {
        var name = charset.Trim().Trim('"');
        return name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || name.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }

    private static ContractBody<T> Refuse<T>(Microsoft.AspNetCore.Mvc.ProblemDetails problem)
        where T : class => new(null, GatewayProblem.Result(problem));

    private static async Task<ArrayBufferWriter<byte>?> ReadUpToAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(Math.Min(maxBytes, 8 * 1024));
        while (true)
        {
            var read = await body.ReadAsync(buffer.GetMemory(4 * 1024), cancellationToken);
            if (read == 0)
            {
                return buffer;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > maxBytes)
            {
                return null;
            }
        }
    }
}

/// <summary>Either the typed body or the problem to answer with.</summary>
internal readonly record struct ContractBody<T>(T? Value, IResult? Problem)
    where T : class;
