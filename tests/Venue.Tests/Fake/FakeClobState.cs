using System.Collections.Concurrent;
using Polytraders.Polymarket.Clob;
using Polytraders.Polymarket.Crypto;

namespace Polytraders.Venue.Tests.Fake;

/// <summary>An API key the fake knows, and the address it belongs to.</summary>
public sealed record FakeAccount(string ApiKey, string Secret, string Passphrase, EthereumAddress Address);

/// <summary>One outcome token's market on the fake: rules and resting liquidity.</summary>
public sealed class FakeMarket
{
    public required string ConditionId { get; init; }

    public required string TokenId { get; init; }

    public decimal TickSize { get; set; } = 0.01m;

    public decimal MinOrderSize { get; set; } = 5m;

    public bool NegRisk { get; init; }

    public List<BookLevel> Bids { get; init; } = [];

    public List<BookLevel> Asks { get; init; } = [];

    public decimal? BestBid => Bids.Count == 0 ? null : Bids.Max(l => l.Price);

    public decimal? BestAsk => Asks.Count == 0 ? null : Asks.Min(l => l.Price);
}

/// <summary>A request as the fake saw it.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, DateTimeOffset At, int Status);

/// <summary>An order the fake accepted, as parsed from the exact body it received.</summary>
public sealed record AcceptedOrder(string OrderHash, string ApiKey, string OrderType, ulong Expiration, bool PostOnly, string Status, string TokenId, string Side, decimal Price, decimal Shares);

/// <summary>A trade the fake matched; its status follows the frames pushed on the user channel.</summary>
public sealed class FakeTrade
{
    public required string Id { get; init; }

    public required AcceptedOrder Order { get; init; }

    public required string ConditionId { get; init; }

    public required long MatchTime { get; init; }

    public string Status { get; set; } = "MATCHED";
}

/// <summary>Answer the next <see cref="Remaining"/> requests to (<see cref="Method"/>, <see cref="Path"/>) with <see cref="Status"/>.</summary>
public sealed class InjectedFailure
{
    public required string Method { get; init; }

    public required string Path { get; init; }

    public required int Status { get; init; }

    public int? RetryAfterSeconds { get; init; }

    /// <summary>The answer's body; by default {"error": "injected N"}.</summary>
    public string? Body { get; init; }

    public int Remaining { get; set; } = 1;
}

/// <summary>Everything the fake CLOB knows and records. Tests seed it and read it back.</summary>
public sealed class FakeClobState
{
    private readonly Lock _gate = new();
    private readonly List<InjectedFailure> _failures = [];
    private readonly Dictionary<string, Queue<DateTimeOffset>> _orderTimes = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, FakeAccount> Accounts { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, FakeMarket> Markets { get; } = new(StringComparer.Ordinal);

    /// <summary>Deposit wallets deployed "on chain", by wallet address, with the EOA that owns each (signs for it).</summary>
    public ConcurrentDictionary<EthereumAddress, EthereumAddress> DepositWallets { get; } = new();

    /// <summary>pUSD per address, in base units.</summary>
    public ConcurrentDictionary<EthereumAddress, long> PusdBalances { get; } = new();

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public ConcurrentQueue<AcceptedOrder> AcceptedOrders { get; } = new();

    public ConcurrentDictionary<string, AcceptedOrder> OpenOrders { get; } = new(StringComparer.OrdinalIgnoreCase);

    public ConcurrentQueue<FakeTrade> Trades { get; } = new();

    public List<PriceHistoryPoint> History { get; } = [];

    /// <summary>How far POLY_TIMESTAMP may be from the fake's clock.</summary>
    public TimeSpan MaxTimestampSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>POST /order admitted per API key per <see cref="OrderWindow"/>; beyond it, 429 with Retry-After.</summary>
    public int OrderLimit { get; set; } = 1_000;

    public TimeSpan OrderWindow { get; set; } = TimeSpan.FromSeconds(10);

    public int OrderRetryAfterSeconds { get; set; } = 1;

    /// <summary>Pause between the MATCHED, MINED and CONFIRMED trade frames pushed after a match.</summary>
    public TimeSpan TradeStepDelay { get; set; } = TimeSpan.FromMilliseconds(30);

    public void Inject(InjectedFailure failure)
    {
        lock (_gate)
        {
            _failures.Add(failure);
        }
    }

    public InjectedFailure? TakeFailure(string method, string path)
    {
        lock (_gate)
        {
            var failure = _failures.FirstOrDefault(f => f.Remaining > 0
                && string.Equals(f.Method, method, StringComparison.OrdinalIgnoreCase) && string.Equals(f.Path, path, StringComparison.Ordinal));
            if (failure is not null)
            {
                failure.Remaining--;
            }

            return failure;
        }
    }

    /// <summary>Counts an order against its key's window; false when over the limit.</summary>
    public bool AdmitOrder(string apiKey, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_orderTimes.TryGetValue(apiKey, out var times))
            {
                _orderTimes[apiKey] = times = new Queue<DateTimeOffset>();
            }

            while (times.Count > 0 && now - times.Peek() >= OrderWindow)
            {
                times.Dequeue();
            }

            if (times.Count >= OrderLimit)
            {
                return false;
            }

            times.Enqueue(now);
            return true;
        }
    }

    public IReadOnlyList<RecordedRequest> RequestsTo(string method, string path) =>
        [.. Requests.Where(r => string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase) && r.Path == path)];
}
