using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Polytraders.Contracts;
using Xunit.Abstractions;

namespace Polytraders.Gateway.Tests;

/// <summary>
/// A property of every body route: whatever the body, the answer is a 2xx or a 4xx problem with a registered reason
/// code, never a 5xx. The bodies are the good fixtures of each route's contract, mutated at places the schemas name
/// (every property, every array item, found by walking the schema and its <c>$ref</c>s): wrong types, boundary and
/// out-of-range numbers (2^63 and beyond, 1e400, -0, ...), odd unicode, deep nesting, truncated or broken JSON, odd
/// charsets. Seeded, so a failure names the case that reproduces it.
/// </summary>
[Collection(OwnHosts.Name)]
public sealed class BodyFuzzTests(BodyFuzzTests.Host host, ITestOutputHelper output) : IClassFixture<BodyFuzzTests.Host>
{
    /// <summary>Fixed: the same cases every run. Change it locally to explore; a failure prints its case index.</summary>
    private const int Seed = 20_251_203;

    private const int Cases = 480;

    /// <summary>The routes that read a body, with the contract each reads.</summary>
    private static readonly (string Schema, HttpMethod Method, Func<byte[], string> Path)[] Routes =
    [
        ("StrategyLaunch", HttpMethod.Post, body => $"/api/v1/portfolios/{PortfolioOf(body)}/strategies"),
        ("RelaunchRequest", HttpMethod.Post, _ => "/api/v1/strategies/momentum-crypto-1/relaunch"),
        ("BacktestRequest", HttpMethod.Post, _ => "/api/v1/backtests"),
        ("TradingStateChange", HttpMethod.Post, _ => "/api/v1/portfolios/PORT-002/trading-state"),
        ("PortfolioConfig", HttpMethod.Post, _ => "/api/v1/portfolios"),
        ("PortfolioConfig", HttpMethod.Put, body => $"/api/v1/portfolios/{PortfolioOf(body)}/config"),
        ("GateAttestation", HttpMethod.Post, _ => "/api/v1/tenants/TEN-DESK/ladders/momentum/attestations"),
        ("PromotionRequest", HttpMethod.Post, _ => "/api/v1/tenants/TEN-DESK/ladders/momentum/promotions"),
    ];

    [Fact]
    public async Task no_body_on_any_route_gets_a_5xx_or_a_refusal_without_a_reason_code()
    {
        var random = new Random(Seed);
        var schemas = SchemaPlaces.Load(Path.Combine(AppContext.BaseDirectory, "schemas"));
        var seeds = Routes.Select(r => r.Schema).Distinct(StringComparer.Ordinal).ToDictionary(
            schema => schema,
            schema => Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "fuzz-seeds", schema), "*.json").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray());
        using var client = host.AsOperator();
        var statuses = new SortedDictionary<int, int>();
        var failures = new List<string>();

        for (var i = 0; i < Cases; i++)
        {
            var (schema, method, pathOf) = Routes[i % Routes.Length];
            var seed = seeds[schema][random.Next(seeds[schema].Length)];
            var (body, what) = Mutate(seed, schemas.Of(schema), random);
            using var request = new HttpRequestMessage(method, pathOf(body)) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = ContentTypes[random.Next(ContentTypes.Length)];

            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            using var response = await client.SendAsync(request);
            var took = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            if (took > TimeSpan.FromMilliseconds(200))
            {
                output.WriteLine($"slow case {i} ({schema}, {what}): {took.TotalMilliseconds:F0} ms, {(int)response.StatusCode}");
            }

            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var text = await response.Content.ReadAsStringAsync();
            var failure = Judge(status, response.Content.Headers.ContentType?.MediaType, text);
            if (failure is not null)
            {
                failures.Add($"case {i} ({schema}, {what}): {failure}\n  body: {Shorten(Encoding.UTF8.GetString(body))}\n  answer: {Shorten(text)}");
            }
        }

        output.WriteLine($"{Cases} cases, seed {Seed}; statuses: {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
        Assert.True(failures.Count == 0, $"{failures.Count} of {Cases} cases broke the property:\n{string.Join('\n', failures.Take(20))}");

        // The cases reached past the first checks: some were accepted, most refused by their rule.
        Assert.Contains(statuses.Keys, s => s == 400);
    }

    [Theory]
    [InlineData("9223372036854775808")]
    [InlineData("-9223372036854775809")]
    [InlineData("18446744073709551616")]
    [InlineData("1" + "0000000000" + "0000000000" + "0000000000")]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    [InlineData("79228162514264337593543950336.5")]
    [InlineData("1e-400")]
    public async Task an_integer_field_beyond_the_range_of_any_integer_is_a_400_with_its_path(string number)
    {
        var launch = Http.Launch("momentum-crypto-1", "PORT-001").ToJsonString()
            .Replace("\"fast_lookback\":5", $"\"fast_lookback\":{number}", StringComparison.Ordinal);

        var response = await host.AsOperator().PostAsync("/api/v1/portfolios/PORT-001/strategies", Http.Json(launch));

        var problem = await Http.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(ReasonCodes.StratInvalidLaunch, Http.ReasonCode(problem));
        Assert.Contains(Http.Violations(problem), v => v.Path == "#/parameters/fast_lookback");
    }

    [Theory]
    [InlineData("9223372036854775808")]
    [InlineData("1e400")]
    public async Task a_number_beyond_range_in_a_backtest_request_is_a_400(string number)
    {
        var request = BacktestRequests.Sample().ToJsonString();
        request = request.Replace("\"max_orders_per_minute\":30", $"\"max_orders_per_minute\":{number}", StringComparison.Ordinal);

        var response = await host.AsOperator().PostAsync("/api/v1/backtests", Http.Json(request));

        var problem = await Http.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(ReasonCodes.GovInvalidRequest, Http.ReasonCode(problem));
        Assert.Contains(Http.Violations(problem), v => v.Path == "#/portfolio/risk_limits/max_orders_per_minute");
    }

    /// <summary>Null when the answer keeps the property, else what is wrong with it.</summary>
    private static string? Judge(int status, string? mediaType, string text)
    {
        if (status is >= 200 and < 300)
        {
            return null;
        }

        if (status is < 400 or >= 500)
        {
            return $"status {status}";
        }

        if (mediaType != Http.ProblemJson)
        {
            return $"status {status} answered as {mediaType ?? "(no content type)"}";
        }

        var code = (JsonNode.Parse(text) as JsonObject)?["reason_code"]?.GetValue<string>();
        return code is not null && ReasonCodes.IsRegistered(code) ? null : $"status {status} without a registered reason_code";
    }

    private static readonly MediaTypeHeaderValue[] ContentTypes =
    [
        new("application/json"),
        new("application/json"),
        new("application/json"),
        new("application/json"),
        new("application/json"),
        new("application/json"),
        new("application/json"),
        new("application/json"),
        new("application/json"),
        new("application/json"),
        new("application/json") { CharSet = "utf-8" },
        new("application/json") { CharSet = "UTF-8" },
        new("application/json") { CharSet = "utf-16" },
        new("application/json") { CharSet = "iso-8859-1" },
        new("application/problem+json"),
        new("text/json"),
        new("text/plain"),
        new("application/x-www-form-urlencoded"),
    ];

    /// <summary>One to three mutations of <paramref name="seed"/>, as the bytes to send and a line saying what they were.</summary>
    private static (byte[] Body, string What) Mutate(string seed, IReadOnlyList<SchemaPlace> places, Random random)
    {
        var roll = random.Next(100);
        if (roll < 8)
        {
            // Broken JSON: cut anywhere, or a byte-level oddity.
            var bytes = Encoding.UTF8.GetBytes(seed);
            return random.Next(3) switch
            {
                0 => (bytes[..random.Next(bytes.Length)], "truncated"),
                1 => ([.. bytes[..(bytes.Length / 2)], (byte)random.Next(0x80, 0x100), .. bytes[(bytes.Length / 2)..]], "invalid UTF-8 byte"),
                _ => ([0xEF, 0xBB, 0xBF, .. bytes], "UTF-8 BOM"),
            };
        }

        if (roll < 14)
        {
            var body = random.Next(7) switch
            {
                0 => Nest(random.Next(2) == 0 ? "[" : "{\"a\":", random.Next(30, 3000)),
                1 => seed + "garbage",
                2 => seed.Replace("{", "{/* comment */", StringComparison.Ordinal),
                3 => seed.Replace("}", ",}", StringComparison.Ordinal),
                4 => Wrong[random.Next(Wrong.Length)],
                5 => seed.Replace("\"", "'", StringComparison.Ordinal),
                _ => "{" + string.Join(',', Enumerable.Repeat("\"a\":1", 5000)) + "}",
            };
            return (Encoding.UTF8.GetBytes(body), "structure");
        }

        var document = JsonNode.Parse(seed)!;
        var replacements = new List<(string Marker, string Raw, string Place)>();
        var count = 1 + random.Next(3);
        for (var m = 0; m < count || replacements.Count == 0; m++)
        {
            var place = places[random.Next(places.Count)];
            var raw = ValueFor(place, random);
            var marker = $"\u0001fuzz{m}\u0001";
            if (Set(document, place.Pointer, marker, create: random.Next(3) == 0))
            {
                replacements.Add(($"\"{marker}\"", raw, place.Pointer));
            }
        }

        var text = document.ToJsonString();
        foreach (var (marker, raw, _) in replacements)
        {
            text = text.Replace(JsonEscapedMarker(marker), raw, StringComparison.Ordinal);
        }

        return (Encoding.UTF8.GetBytes(text), string.Join("; ", replacements.Select(r => $"{r.Place} = {Shorten(r.Raw, 60)}")));
    }

    /// <summary>How System.Text.Json writes the marker string (the control character escaped).</summary>
    private static string JsonEscapedMarker(string quotedMarker) => quotedMarker.Replace("\u0001", "\\u0001", StringComparison.Ordinal);

    private static string ValueFor(SchemaPlace place, Random random)
    {
        // Mostly values aimed at the place's own type, sometimes anything at all.
        var pool = random.Next(4) == 0
            ? Wrong
            : place.Type switch
            {
                "integer" or "number" => [.. Numbers, .. Around(place)],
                "string" => Strings,
                "boolean" => ["true", "false", "0", "1", "\"true\""],
                "array" => ["[]", "[null]", "[1,2,3]", "[[]]", "[" + string.Join(',', Enumerable.Repeat("\"0x" + new string('a', 64) + "\"", 60)) + "]", Nest("[", 70)],
                _ => ["{}", "{\"unknown\":1}", Nest("{\"a\":", 70), "[]"],
            };
        return pool[random.Next(pool.Length)];
    }

    /// <summary>Just inside and just outside the place's own bounds.</summary>
    private static string[] Around(SchemaPlace place) =>
    [
        .. new[] { place.Minimum, place.Maximum }.OfType<decimal>().SelectMany(b => new[] { b - 1, b, b + 1, b - 0.5m, b + 0.000001m })
            .Select(b => b.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    private static readonly string[] Numbers =
    [
        "0", "-0", "1", "-1", "0.5", "1.0", "1e2", "1E+2", "1e-2", "2147483647", "2147483648", "-2147483649",
        "4294967296", "9007199254740993", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
        "-9223372036854775809", "18446744073709551615", "18446744073709551616", "1" + new string('0', 40), "-" + "9" + new string('9', 400),
        "1e19", "1e308", "1.7976931348623157e308", "1e309", "1e400", "-1e400", "4.9e-324", "1e-400",
        "79228162514264337593543950335", "79228162514264337593543950336", "-79228162514264337593543950336", "7.9228162514264337593543950336e28",
        "0.0000000000000000000000000001", "0.00000000000000000000000000001", "123456789012345678901234567890.123456789",
        "0." + new string('1', 500), "1" + new string('0', 400) + ".5",
    ];

    private static readonly string[] Strings =
    [
        "\"\"", "\" \"", "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\ud83d\\ude00\"", "\"😀\"", "\"\u202e\"", "\"\\u202eevil\"",
        "\"é\"", "\"e\u0301\"", "\"\ufeff\"", "\"\\uffff\"", "\"\\\"\"", "\"\\\\\"", "\"PORT-001\\n\"", "\"PORT-001\u200b\"", "\"ＰＯＲＴ-００１\"",
        "\"PORT-٠٠١\"", "\"" + new string('a', 3000) + "\"", "\"" + new string('é', 70_000 / 2) + "\"", "\"momentum\"", "\"paper\"", "\"limited_live\"",
        "\"PORT-001\"", "\"PORT-9999999\"", "\"2026-09-02T00:00:00Z\"", "\"9999-12-31T23:59:59Z\"", "\"0001-01-01T00:00:00Z\"", "\"2026-02-30T00:00:00Z\"",
        "\"2026-09-02T00:00:00+14:00\"", "\"99999999999999999999999999999\"", "\"1e400\"", "\"-0\"", "\"0.1\"", "\"NaN\"", "\"Infinity\"",
    ];

    private static readonly string[] Wrong =
    [
        "null", "true", "false", "0", "-1", "1.5", "\"\"", "\"x\"", "[]", "{}", "[{}]", "{\"\":null}", "9223372036854775808", "1e400",
        "NaN", "Infinity", "-Infinity", "undefined", "'x'", "0x10", "01", "+1", ".5", "1.", "--1", "1e", "\"\\x41\"", "\"unterminated",
    ];

    private static string Nest(string open, int depth)
    {
        var close = open == "[" ? "]" : "}";
        return string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
    }

    /// <summary>Sets the value at <paramref name="pointer"/> (creating a missing last property when asked); false when the place is not in the document.</summary>
    private static bool Set(JsonNode document, string pointer, string value, bool create)
    {
        var parts = pointer.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var node = document;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            node = node switch
            {
                JsonObject o => o[parts[i]],
                JsonArray a when int.TryParse(parts[i], out var index) && index < a.Count => a[index],
                _ => null,
            };
            if (node is null)
            {
                return false;
            }
        }

        if (parts.Length == 0)
        {
            return false;
        }

        switch (node)
        {
            case JsonObject o when o.ContainsKey(parts[^1]) || create:
                o[parts[^1]] = value;
                return true;
            case JsonArray a when int.TryParse(parts[^1], out var index) && index < a.Count:
                a[index] = value;
                return true;
            default:
                return false;
        }
    }

    /// <summary>The body's portfolio_id when it is one (for the launch route, which must agree with it), else PORT-001.</summary>
    private static string PortfolioOf(byte[] body)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(body);
            return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                   && document.RootElement.TryGetProperty("portfolio_id", out var id)
                   && id.ValueKind == System.Text.Json.JsonValueKind.String
                   && id.GetString() is { } text && Identifiers.IsPortfolioId(text)
                ? text
                : "PORT-001";
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or ArgumentException)
        {
            return "PORT-001";
        }
    }

    private static string Shorten(string text, int max = 300) => text.Length <= max ? text : text[..max] + $"... ({text.Length} chars)";

    /// <summary>The embedded silo, on its own: the fuzz cases launch, halt and start Backtests, and must not change what other tests see.</summary>
    public sealed class Host : GatewayWithEmbeddedSilo
    {
        /// <summary>
        /// Hundreds of writes in a few seconds from one key: the rate limits are the subject of other tests. No Backtest
        /// data: a valid request is refused for its data set instead of running a Backtest beside the cases.
        /// </summary>
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
        [
            new("Backtest:DataDirectory", Directory.CreateTempSubdirectory("polytraders-fuzz-no-data-").FullName),
            new("Gateway:RateLimits:Writes:TokenLimit", "100000"),
            new("Gateway:RateLimits:Writes:TokensPerPeriod", "100000"),
            new("Gateway:RateLimits:Reads:TokenLimit", "100000"),
            new("Gateway:RateLimits:Reads:TokensPerPeriod", "100000"),
        ];
    }
}

/// <summary>A place a contract's schema names in its documents: a JSON pointer (array items as <c>/0</c>) and what it holds.</summary>
internal sealed record SchemaPlace(string Pointer, string Type, decimal? Minimum, decimal? Maximum);

/// <summary>Every place of each contract, found by walking its schema through properties, items and <c>$ref</c>s (across files).</summary>
internal sealed class SchemaPlaces
{
    private readonly Dictionary<string, JsonObject> _files;

    private SchemaPlaces(Dictionary<string, JsonObject> files) => _files = files;

    public static SchemaPlaces Load(string directory) => new(
        Directory.GetFiles(directory, "*.json").ToDictionary(f => Path.GetFileName(f), f => JsonNode.Parse(File.ReadAllText(f))!.AsObject(), StringComparer.Ordinal));

    public IReadOnlyList<SchemaPlace> Of(string title)
    {
        var places = new List<SchemaPlace>();
        Walk(title + ".json", _files[title + ".json"], "#", places, depth: 0);
        Assert.NotEmpty(places);
        return places;
    }

    private void Walk(string file, JsonObject schema, string pointer, List<SchemaPlace> places, int depth)
    {
        if (depth > 12)
        {
            return;
        }

        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            var (refFile, target) = Resolve(file, reference);
            Walk(refFile, target, pointer, places, depth + 1);
            return;
        }

        var type = schema["type"]?.GetValue<string>() ?? (schema["properties"] is not null ? "object" : "any");
        if (pointer != "#")
        {
            places.Add(new SchemaPlace(pointer, type, Number(schema["minimum"] ?? schema["exclusiveMinimum"]), Number(schema["maximum"] ?? schema["exclusiveMaximum"])));
        }

        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, property) in properties)
            {
                Walk(file, property!.AsObject(), $"{pointer}/{name}", places, depth + 1);
            }
        }

        if (schema["items"] is JsonObject items)
        {
            Walk(file, items, $"{pointer}/0", places, depth + 1);
        }
    }

    private (string File, JsonObject Schema) Resolve(string file, string reference)
    {
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        var target = hash < 0 ? reference : reference[..hash];
        var targetFile = target.Length == 0 ? file : target;
        JsonNode node = _files[targetFile];
        if (hash >= 0)
        {
            foreach (var part in reference[(hash + 1)..].Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                node = node[part]!;
            }
        }

        return (targetFile, node.AsObject());
    }

    private static decimal? Number(JsonNode? node) => node is JsonValue value && value.TryGetValue<decimal>(out var number) ? number : null;
}
