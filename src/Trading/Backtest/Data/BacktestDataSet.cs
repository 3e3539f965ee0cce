using System.Text.Json;
using System.Text.RegularExpressions;
using Polytraders.Contracts;

namespace Polytraders.Trading.Backtest.Data;

/// <summary>
/// A Backtest data set: a folder with <c>markets.json</c> (Market contracts), <c>clusters.json</c> (Cluster contracts,
/// membership at the start of the data, optional), <c>metadata.json</c> (BacktestMetadata: membership changes and
/// resolutions over time, optional) and prices, either <c>prices.csv</c> (<c>timestamp,token_id,price</c>, every token
/// in time order) or <c>prices-history/&lt;token_id&gt;.json</c> (Polymarket's /prices-history answer per token).
/// Loading checks the metadata; prices are checked as they stream (see the sources). The names
/// <c>synthetic-&lt;markets&gt;x&lt;days&gt;</c> are reserved for generated data sets (<see cref="SyntheticShape"/>): no folder,
/// prices generated as the run reads them.
/// </summary>
public sealed partial class BacktestDataSet
{
    public const string CsvFile = "prices.csv";
    public const string HistoryFolder = "prices-history";

    private readonly SyntheticShape? _synthetic;

    private BacktestDataSet(string name, string directory, List<Market> markets, List<Cluster> clusters, BacktestMetadata metadata, SyntheticShape? synthetic = null)
    {
        _synthetic = synthetic;
        Name = name;
        Directory = directory;
        Markets = markets;
        Clusters = clusters;
        Metadata = metadata;
        Tokens = new TokenMap(markets);
    }

    public string Name { get; }

    public string Directory { get; }

    public IReadOnlyList<Market> Markets { get; }

    public IReadOnlyList<Cluster> Clusters { get; }

    public BacktestMetadata Metadata { get; }

    public TokenMap Tokens { get; }

    public bool HasCsv => _synthetic is null && File.Exists(Path.Combine(Directory, CsvFile));

    public static bool IsName(string name) => NamePattern().IsMatch(name);

    /// <summary>
    /// The data set called <paramref name="name"/> under <paramref name="root"/>: STRAT_BACKTEST_UNKNOWN_DATASET when there
    /// is no such folder, STRAT_BACKTEST_BAD_DATA when the name or the set is malformed.
    /// </summary>
    public static BacktestDataSet Open(string root, string name)
    {
        if (!IsName(name))
        {
            throw new BacktestException(ReasonCodes.StratBacktestBadData, $"'{name}' is not a data set name.");
        }

        if (SyntheticShape.TryParseName(name, out var shape))
        {
            return Synthetic(shape);
        }

        if (name.StartsWith(SyntheticShape.NamePrefix, StringComparison.Ordinal))
        {
            throw new BacktestException(ReasonCodes.StratBacktestBadData, $"'{name}' is reserved for generated data sets: {SyntheticShape.NamePrefix}<markets>x<days>, at most {SyntheticShape.MaxMarkets} markets and {SyntheticShape.MaxDays} days.");
        }

        var directory = Path.Combine(root, name);
        if (!System.IO.Directory.Exists(directory))
        {
            throw new BacktestException(ReasonCodes.StratBacktestUnknownDataset, $"No Backtest data set '{name}' in {root}.");
        }

        return Load(directory, name);
    }

    public static BacktestDataSet Load(string directory, string? name = null)
    {
        name ??= Path.GetFileName(Path.TrimEndingDirectorySeparator(directory));
        var markets = Read<List<Market>>(directory, "markets.json", required: true)!;
        var clusters = Read<List<Cluster>>(directory, "clusters.json", required: false) ?? [];
        var metadata = Read<BacktestMetadata>(directory, "metadata.json", required: false)
            ?? new BacktestMetadata { Description = "no metadata", Events = [] };
        var set = new BacktestDataSet(name, directory, markets, clusters, metadata);
        set.CheckMetadata();
        if (!set.HasCsv && !System.IO.Directory.Exists(Path.Combine(directory, HistoryFolder)))
        {
            throw new BacktestException(ReasonCodes.StratBacktestBadData, $"Data set '{name}' has no {CsvFile} and no {HistoryFolder}/ folder.");
        }

        return set;
    }

    /// <summary>Generated markets in one Cluster (<see cref="SyntheticPrices.ClusterId"/>), from <see cref="SyntheticPrices.DefaultStart"/>.</summary>
    public static BacktestDataSet Synthetic(SyntheticShape shape)
    {
        var markets = SyntheticPrices.Markets(shape.Markets);
        var metadata = new BacktestMetadata
        {
            Description = $"Synthetic: {shape.Markets} generated markets × {shape.Days} days of one-minute prices (nobody traded them).",
            Events = [],
        };
        return new BacktestDataSet(shape.Name, string.Empty, markets, [SyntheticPrices.Cluster(markets)], metadata, shape);
    }

    public Market? FindMarket(string marketId) =>
        Markets.FirstOrDefault(m => string.Equals(m.MarketId, marketId, StringComparison.OrdinalIgnoreCase));

    public int IndexOf(string marketId)
    {
        for (var i = 0; i < Markets.Count; i++)
        {
            if (string.Equals(Markets[i].MarketId, marketId, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    public Cluster? FindCluster(string clusterId) => Clusters.FirstOrDefault(c => c.ClusterId == clusterId);

    /// <summary>The price sources, opened: the CSV, or one per token file (a file named for an unknown token is refused).</summary>
    public List<IPriceSource> OpenSources(BacktestDataWarnings warnings)
    {
        if (_synthetic is { } shape)
        {
            return SyntheticPrices.Sources(shape.Markets, shape.Points, SyntheticShape.Seed);
        }

        if (HasCsv)
        {
            return [new PriceCsvSource(Path.Combine(Directory, CsvFile), Tokens, warnings)];
        }

        var sources = new List<IPriceSource>();
        foreach (var file in System.IO.Directory.GetFiles(Path.Combine(Directory, HistoryFolder), "*.json").Order(StringComparer.Ordinal))
        {
            var token = Path.GetFileNameWithoutExtension(file);
            if (!Tokens.TryFind(token, out var market, out var outcome))
            {
                sources.ForEach(s => s.Dispose());
                throw new BacktestException(ReasonCodes.StratBacktestBadData, $"{HistoryFolder}/{Path.GetFileName(file)}: token {token} is an outcome of no market in the data set (unknown token).");
            }

            sources.Add(new PricesHistorySource(file, market, outcome, warnings));
        }

        return sources;
    }

    /// <summary>
    /// The most prices of its traded outcome that one of <paramref name="marketIds"/> has in [<paramref name="start"/>,
    /// <paramref name="end"/>], counted up to <paramref name="enough"/>: whether a run over the window can trade anywhere
    /// in its scope. Each source is read only as far as it must: to the window's end, or until one market has enough.
    /// </summary>
    public long MostPointsInWindow(IEnumerable<string> marketIds, DateTimeOffset start, DateTimeOffset end, long enough)
    {
        var counts = marketIds.Select(IndexOf).Where(index => index >= 0).Distinct().ToDictionary(index => index, _ => 0L);
        if (counts.Count == 0)
        {
            return 0;
        }

        var (startTicks, endTicks) = (start.UtcTicks, end.UtcTicks);
        var sources = OpenSources(new BacktestDataWarnings());
        try
        {
            foreach (var source in sources)
            {
                while (source.MoveNext() && source.Current.UtcTicks <= endTicks)
                {
                    var point = source.Current;
                    if (point.UtcTicks >= startTicks && point.Outcome == BacktestRunner.TradedOutcome && counts.TryGetValue(point.Market, out var seen))
                    {
                        counts[point.Market] = ++seen;
                        if (seen >= enough)
                        {
                            return seen;
                        }
                    }
                }
            }
        }
        finally
        {
            sources.ForEach(s => s.Dispose());
        }

        return counts.Values.Max();
    }

    /// <summary>First and last observation: a CSV's first and last lines, or a pass over each history file.</summary>
    public (DateTimeOffset First, DateTimeOffset Last) TimeRange()
    {
        if (_synthetic is { } shape)
        {
            return (SyntheticPrices.DefaultStart, SyntheticPrices.DefaultStart.AddMinutes(shape.Points - 1));
        }

        long first = long.MaxValue, last = long.MinValue;
        if (HasCsv)
        {
            (first, last) = CsvRange(Path.Combine(Directory, CsvFile));
        }
        else
        {
            var warnings = new BacktestDataWarnings();
            foreach (var source in OpenSources(warnings))
            {
                using (source)
                {
                    while (source.MoveNext())
                    {
                        first = Math.Min(first, source.Current.UtcTicks);
                        last = Math.Max(last, source.Current.UtcTicks);
                    }
                }
            }
        }

        if (first > last)
        {
            throw new BacktestException(ReasonCodes.StratBacktestBadData, $"Data set '{Name}' holds no price.");
        }

        return (new DateTimeOffset(first, TimeSpan.Zero), new DateTimeOffset(last, TimeSpan.Zero));
    }

    private (long First, long Last) CsvRange(string path)
    {
        long first = long.MaxValue, last = long.MinValue;
        using (var reader = new StreamReader(path))
        {
            reader.ReadLine();
            while (reader.ReadLine() is { } line)
            {
                if (line.Length > 0)
                {
                    first = TimestampOf(line);
                    break;
                }
            }
        }

        using var stream = File.OpenRead(path);
        var tail = (int)Math.Min(stream.Length, 64 * 1024);
        stream.Seek(-tail, SeekOrigin.End);
        var buffer = new byte[tail];
        stream.ReadExactly(buffer);
        var lines = System.Text.Encoding.UTF8.GetString(buffer).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = lines.Length - 1; i >= 0 && last == long.MinValue; i--)
        {
            if (lines[i].Length > 0 && !lines[i].StartsWith("timestamp", StringComparison.Ordinal))
            {
                last = TimestampOf(lines[i]);
            }
        }

        return (first, last);
    }

    private long TimestampOf(string line)
    {
        var end = line.IndexOf(',', StringComparison.Ordinal);
        return end > 0 && PriceText.TryParseTimestamp(line.AsSpan(0, end), out var ticks)
            ? ticks
            : throw new BacktestException(ReasonCodes.StratBacktestBadData, $"{CsvFile}: '{line}' does not start with a timestamp.");
    }

    private void CheckMetadata()
    {
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var market in Markets)
        {
            if (!ids.Add(market.MarketId))
            {
                throw new BacktestException(ReasonCodes.StratBacktestBadData, $"markets.json lists market {market.MarketId} twice.");
            }
        }

        foreach (var cluster in Clusters)
        {
            foreach (var marketId in cluster.MarketIds.Where(id => !ids.Contains(id)))
            {
                throw new BacktestException(ReasonCodes.StratBacktestBadData, $"clusters.json: cluster {cluster.ClusterId} lists market {marketId}, which markets.json does not hold.");
            }
        }

        DateTimeOffset? previous = null;
        for (var i = 0; i < Metadata.Events.Count; i++)
        {
            var e = Metadata.Events[i];
            var where = $"metadata.json events[{i}]";
            if (previous is { } before && e.At < before)
            {
                throw new BacktestException(ReasonCodes.StratBacktestBadData, $"{where}: events must be in time order ({e.At:O} is before {before:O}).");
            }

            previous = e.At;
            var market = FindMarket(e.MarketId)
                ?? throw new BacktestException(ReasonCodes.StratBacktestBadData, $"{where}: market {e.MarketId} is not in markets.json.");
            if (e.Kind == BacktestMarketEventKind.Resolved)
            {
                if (e.Outcome is not { } outcome || !market.Outcomes.Exists(o => o.Name == outcome))
                {
                    throw new BacktestException(ReasonCodes.StratBacktestBadData, $"{where}: '{e.Outcome}' is not an outcome of market {e.MarketId}.");
                }
            }
            else if (e.ClusterId is null || FindCluster(e.ClusterId) is null)
            {
                throw new BacktestException(ReasonCodes.StratBacktestBadData, $"{where}: cluster '{e.ClusterId}' is not in clusters.json.");
            }
        }
    }

    private static T? Read<T>(string directory, string file, bool required)
        where T : class
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
        {
            return required ? throw new BacktestException(ReasonCodes.StratBacktestBadData, $"The data set has no {file}.") : null;
        }

        try
        {
            return ContractJson.Deserialize<T>(File.ReadAllText(path));
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or FormatException or InvalidOperationException)
        {
            throw new BacktestException(ReasonCodes.StratBacktestBadData, $"{file} is not readable: {e.Message}");
        }
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9_-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
