using Polytraders.Contracts;
using Polytraders.Trading.Backtest;
using Polytraders.Trading.Backtest.Data;

namespace Polytraders.Core.Tests.Backtest;

/// <summary>Bad inputs are refused or reported with reason codes, never a crash; both price formats read the same.</summary>
public class BacktestDataTests
{
    private const string Btc = "15826139320033972737636070982436082836215839087219735774546531343665545486909";
    private const string Eth = "1447106713150339527266486850688912811227526533012000310233261193024589352754";

    [Fact]
    public void csv_and_prices_history_of_the_same_prices_decide_the_same()
    {
        var csv = BacktestFixtures.Run(BacktestFixtures.Request(dataset: "sample"), out var csvLines);
        var history = BacktestFixtures.Run(BacktestFixtures.Request(dataset: "sample-history"), out var historyLines);

        Assert.Equal(csv.Events, history.Events);
        Assert.Equal(csvLines, historyLines);
        Assert.Equal(csv.DecisionHash, history.DecisionHash);
        Assert.Equal(csv.TotalPnl, history.TotalPnl);
    }

    [Theory]
    [InlineData("2026-09-01T00:10:00Z,{BTC},0.41\n2026-09-01T00:00:00Z,{BTC},0.42\n", "earlier than the line before")]
    [InlineData("2026-09-01T00:00:00Z,{BTC},0.41\n2026-09-01T00:00:00Z,{ETH},0.30\n2026-09-01T00:00:00Z,{BTC},0.42\n", "duplicate timestamp")]
    [InlineData("2026-09-01T00:00:00Z,{BTC},1.2\n", "outside [0,1]")]
    [InlineData("2026-09-01T00:00:00Z,{BTC},-0.1\n", "outside [0,1]")]
    [InlineData("2026-09-01T00:00:00Z,123456789,0.5\n", "unknown token")]
    [InlineData("2026-09-01T00:00:00Z,{BTC}\n", "expected 3 fields")]
    [InlineData("yesterday,{BTC},0.5\n", "timestamp")]
    [InlineData("2026-09-01T00:00:00Z,{BTC},half\n", "is not a price")]
    public void bad_csv_prices_are_refused_with_STRAT_BACKTEST_BAD_DATA(string lines, string why)
    {
        var csv = "timestamp,token_id,price\n2026-08-31T23:50:00Z," + Btc + ",0.40\n" + lines.Replace("{BTC}", Btc).Replace("{ETH}", Eth);
        using var data = new TempDataSet(csv);

        var refused = Assert.Throws<BacktestException>(() => BacktestFixtures.Run(BacktestFixtures.Request(), out _, data.Open()));

        Assert.Equal(ReasonCodes.StratBacktestBadData, refused.ReasonCode);
        Assert.Contains(why, refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"history\":[{\"t\":1788220800,\"p\":0.4},{\"t\":1788220200,\"p\":0.41}]}", "unsorted")]
    [InlineData("{\"history\":[{\"t\":1788220800,\"p\":0.4},{\"t\":1788220800,\"p\":0.41}]}", "duplicate timestamp")]
    [InlineData("{\"history\":[{\"t\":1788220800,\"p\":1.5}]}", "outside [0,1]")]
    [InlineData("{\"history\":[{\"t\":1788220800}]}", "needs both t and p")]
    [InlineData("{\"history\":[{\"t\":1788220800,\"p\":0.4}", "not valid JSON")]
    [InlineData("{\"history\":[{\"t\":\"soon\",\"p\":0.4}]}", "must be numbers")]
    public void bad_prices_history_files_are_refused_with_STRAT_BACKTEST_BAD_DATA(string json, string why)
    {
        using var data = new TempDataSet(histories: new Dictionary<string, string> { [Btc] = json });

        var refused = Assert.Throws<BacktestException>(() => BacktestFixtures.Run(BacktestFixtures.Request(), out _, data.Open()));

        Assert.Equal(ReasonCodes.StratBacktestBadData, refused.ReasonCode);
        Assert.Contains(why, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void a_history_file_of_an_unknown_token_is_refused()
    {
        using var data = new TempDataSet(histories: new Dictionary<string, string> { ["42"] = "{\"history\":[]}" });

        var refused = Assert.Throws<BacktestException>(() => data.Open().OpenSources(new BacktestDataWarnings()));

        Assert.Equal(ReasonCodes.StratBacktestBadData, refused.ReasonCode);
        Assert.Contains("unknown token", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void prices_history_skips_unknown_properties_and_reads_across_buffer_refills()
    {
        var points = string.Join(",", Enumerable.Range(0, 20_000).Select(i => $"{{\"t\":{1788220800 + (i * 60)},\"extra\":{{\"a\":[1,2,{{}}]}},\"p\":0.{(i % 90) + 10}}}"));
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"{{\"interval\":\"1m\",\"meta\":{{\"x\":[1,{{\"y\":2}}]}},\"history\":[{points}],\"tail\":true}}"));
        using var source = new PricesHistorySource(stream, "big.json", market: 0, outcome: 0, new BacktestDataWarnings());

        var count = 0;
        while (source.MoveNext())
        {
            Assert.Equal(((count % 90) + 10) / 100m, source.Current.Price);
            count++;
        }

        Assert.Equal(20_000, count);
    }

    [Fact]
    public void prices_at_exactly_0_or_1_are_skipped_and_reported_as_warnings()
    {
        var lookback = string.Concat(Enumerable.Range(0, 24).Select(i => $"2026-09-01T{1 + (i / 6):00}:{i % 6}0:00Z,{Btc},0.4{i % 3}\n"));
        var csv = "timestamp,token_id,price\n2026-09-01T00:00:00Z," + Btc + ",0.40\n2026-09-01T00:10:00Z," + Btc + ",1\n2026-09-01T00:20:00Z," + Btc + ",0\n2026-09-01T00:30:00Z," + Btc + ",0.42\n" + lookback;
        using var data = new TempDataSet(csv);

        var results = BacktestFixtures.Run(BacktestFixtures.Request(), out _, data.Open());

        Assert.Equal(26, results.Events);
        var warning = Assert.Single(results.DataWarnings!, w => w.Detail.Contains("exactly 1", StringComparison.Ordinal));
        Assert.Equal(ReasonCodes.StratBacktestBadData, warning.ReasonCode);
    }

    [Fact]
    public void metadata_naming_an_unknown_market_or_out_of_order_is_refused()
    {
        const string unknown = """{"description":"x","events":[{"at":"2026-09-02T00:00:00Z","kind":"resolved","market_id":"0x0000000000000000000000000000000000000000000000000000000000000009","outcome":"Yes"}]}""";
        const string unsorted = """
            {"description":"x","events":[
              {"at":"2026-09-03T00:00:00Z","kind":"resolved","market_id":"0x5acadb52ea02aa987de72018ef523d80d5c17cca826575ffd570f50902ab33ae","outcome":"Yes"},
              {"at":"2026-09-02T00:00:00Z","kind":"resolved","market_id":"0x955c321b6411bb6380997c90040e7153f1aad0062b8bcc75ad2dbc97f88d49a1","outcome":"No"}]}
            """;
        const string badOutcome = """{"description":"x","events":[{"at":"2026-09-02T00:00:00Z","kind":"resolved","market_id":"0x5acadb52ea02aa987de72018ef523d80d5c17cca826575ffd570f50902ab33ae","outcome":"Maybe"}]}""";
        foreach (var metadata in new[] { unknown, unsorted, badOutcome })
        {
            using var data = new TempDataSet("timestamp,token_id,price\n", metadata: metadata);
            Assert.Equal(ReasonCodes.StratBacktestBadData, Assert.Throws<BacktestException>(data.Open).ReasonCode);
        }
    }

    [Fact]
    public void a_missing_data_set_is_STRAT_BACKTEST_UNKNOWN_DATASET_and_a_name_cannot_leave_the_data_root()
    {
        var missing = Assert.Throws<BacktestException>(() => BacktestDataSet.Open(BacktestFixtures.Root(), "nowhere"));
        Assert.Equal(ReasonCodes.StratBacktestUnknownDataset, missing.ReasonCode);
        Assert.Equal($"No Backtest data set 'nowhere' in {BacktestFixtures.Root()}.", missing.Message);
        Assert.DoesNotContain("unsorted", ReasonCodes.Describe(missing.ReasonCode).Meaning, StringComparison.Ordinal);
        Assert.Equal(ReasonCodes.StratBacktestBadData, Assert.Throws<BacktestException>(() => BacktestDataSet.Open(BacktestFixtures.Root(), "../replay")).ReasonCode);
    }

    [Fact]
    public void a_synthetic_data_set_is_named_by_its_shape_and_runs_as_the_load_plan_over_the_same_prices()
    {
        var data = BacktestDataSet.Open(BacktestFixtures.Root(), "synthetic-3x2");

        Assert.Equal(3, data.Markets.Count);
        Assert.Equal(SyntheticPrices.ClusterId, Assert.Single(data.Clusters).ClusterId);
        Assert.Equal((SyntheticPrices.DefaultStart, SyntheticPrices.DefaultStart.AddMinutes((2 * 1440) - 1)), data.TimeRange());
        var launch = BacktestFixtures.Launch(new MarketScope { Mode = ScopeMode.Cluster, ClusterId = SyntheticPrices.ClusterId });
        var request = BacktestFixtures.Request(launch, dataset: "synthetic-3x2");
        var byName = Backtests.Run(request, data, new BacktestSettings());
        var plan = BacktestPlan.Create(launch, BacktestFixtures.Port001, data.Markets, data.Clusters, [], data.TimeRange().First, data.TimeRange().Last);
        var byHand = Backtests.Run(plan, _ => SyntheticPrices.Sources(3, 2 * 1440, SyntheticShape.Seed), new BacktestSettings(), null, null, CancellationToken.None, out _);
        Assert.Equal(2 * 1440 * 3, byName.Events);
        Assert.Equal(byHand.DecisionHash, byName.DecisionHash);

        foreach (var outside in new[] { "synthetic-0x2", "synthetic-501x2", "synthetic-3x0", "synthetic-3x1001", "synthetic-3x" })
        {
            Assert.Equal(ReasonCodes.StratBacktestBadData, Assert.Throws<BacktestException>(() => BacktestDataSet.Open(BacktestFixtures.Root(), outside)).ReasonCode);
        }
    }

    [Fact]
    public void an_empty_price_file_is_refused()
    {
        using var data = new TempDataSet("timestamp,token_id,price\n");

        Assert.Equal(ReasonCodes.StratBacktestBadData, Assert.Throws<BacktestException>(() => BacktestFixtures.Run(BacktestFixtures.Request(), out _, data.Open())).ReasonCode);
    }

    [Fact]
    public void the_merge_orders_by_time_then_market_whatever_the_source_order()
    {
        var warnings = new BacktestDataWarnings();
        using var merge = new PriceMerge(SyntheticPrices.Sources(markets: 5, points: 100, seed: 3).AsEnumerable().Reverse().ToList());
        var previous = default(BacktestPoint?);
        var count = 0;
        while (merge.MoveNext())
        {
            if (previous is { } before)
            {
                Assert.True(BacktestPoint.Compare(before, merge.Current) < 0);
            }

            previous = merge.Current;
            count++;
        }

        Assert.Equal(500, count);
        Assert.Equal(0, warnings.Total);
    }

    [Theory]
    [InlineData("0.52", "0.52")]
    [InlineData("0.500", "0.500")]
    [InlineData("1", "1")]
    [InlineData("1e-3", "0.001")]
    [InlineData("12345678901234567890.5", "12345678901234567890.5")]
    public void price_text_parses_decimals_like_decimal_parse(string text, string expected)
    {
        Assert.True(PriceText.TryParseDecimal(text, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal(expected, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2026-09-01T00:10:00Z")]
    [InlineData("1788221400")]
    [InlineData("2026-09-01T02:10:00+02:00")]
    public void timestamps_are_rfc3339_or_unix_seconds(string text)
    {
        Assert.True(PriceText.TryParseTimestamp(text, out var ticks));
        Assert.Equal(new DateTimeOffset(2026, 9, 1, 0, 10, 0, TimeSpan.Zero).UtcTicks, ticks);
    }
}
