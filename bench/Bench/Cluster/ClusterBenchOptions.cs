using System.Globalization;

namespace Polytraders.Bench.Cluster;

/// <summary>
/// The command line of <c>--cluster</c>. Without <c>--orders</c> the execution path sends up to
/// <see cref="DefaultOrders"/> orders but stops sending after <see cref="BudgetSeconds"/> (the path of today fills a few
/// hundred orders a minute); <c>--orders N</c> sends exactly N whatever it takes, unless <c>--budget-s</c> is given too.
/// </summary>
internal sealed record ClusterBenchOptions
{
    public const int DefaultOrders = 100_000;

    public const string Usage =
        "usage: --cluster [--ticks N] [--orders N] [--budget-s S] [--venue-latency-ms MS] [--callers C] [--postgres \"<connection string>\"] [--timeout-s S]";

    /// <summary>Price updates per measured tape (raw stream, quiet, trading), spread over the markets round by round.</summary>
    public int Ticks { get; init; } = 10_000;

    public int Orders { get; init; } = DefaultOrders;

    /// <summary>Seconds the execution path keeps sending new orders; null: until all <see cref="Orders"/> are sent.</summary>
    public int? BudgetSeconds { get; init; } = 60;

    public int VenueLatencyMs { get; init; } = 50;

    /// <summary>Concurrent callers of the raw grain calls and concurrent senders of the execution path.</summary>
    public int Callers { get; init; } = 50;

    /// <summary>Also measures the execution path on the PostgreSQL profile (schema migrated) when set.</summary>
    public string? Postgres { get; init; }

    /// <summary>How long any awaited progress (deliveries, venue answers, booked fills) may stand still before the run fails.</summary>
    public int TimeoutSeconds { get; init; } = 120;

    public TimeSpan Stall => TimeSpan.FromSeconds(TimeoutSeconds);

    /// <summary>Parses everything after <c>--cluster</c>; throws <see cref="BenchFailure"/> with the usage on anything else.</summary>
    public static ClusterBenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new ClusterBenchOptions();
        var ordersGiven = false;
        var budgetGiven = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--cluster":
                    break;
                case "--ticks":
                    options = options with { Ticks = Positive(args, ++i) };
                    break;
                case "--orders":
                    options = options with { Orders = Positive(args, ++i) };
                    ordersGiven = true;
                    break;
                case "--budget-s":
                    options = options with { BudgetSeconds = Positive(args, ++i) };
                    budgetGiven = true;
                    break;
                case "--venue-latency-ms":
                    options = options with { VenueLatencyMs = NonNegative(args, ++i) };
                    break;
                case "--callers":
                    options = options with { Callers = Positive(args, ++i) };
                    break;
                case "--timeout-s":
                    options = options with { TimeoutSeconds = Positive(args, ++i) };
                    break;
                case "--postgres":
                    options = options with { Postgres = Value(args, ++i) };
                    break;
                default:
                    throw new BenchFailure($"unknown argument '{args[i]}'\n{Usage}");
            }
        }

        return ordersGiven && !budgetGiven ? options with { BudgetSeconds = null } : options;
    }

    private static string Value(IReadOnlyList<string> args, int at) =>
        at < args.Count ? args[at] : throw new BenchFailure($"{args[at - 1]} needs a value\n{Usage}");

    private static int Positive(IReadOnlyList<string> args, int at) => Number(args, at, minimum: 1);

    private static int NonNegative(IReadOnlyList<string> args, int at) => Number(args, at, minimum: 0);

    private static int Number(IReadOnlyList<string> args, int at, int minimum) =>
        int.TryParse(Value(args, at), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum
            ? value
            : throw new BenchFailure($"{args[at - 1]} needs a whole number of at least {minimum}, not '{args[at]}'\n{Usage}");
}
