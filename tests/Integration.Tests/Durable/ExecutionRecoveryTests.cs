using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Polytraders.Contracts;
using Polytraders.Grains;
using Polytraders.Grains.Execution;
using Polytraders.Integration.Tests.Postgres;
using Polytraders.Polymarket.Orders;
using Polytraders.TestVenues;
using Polytraders.Trading.Venues;
using Xunit.Abstractions;

namespace Polytraders.Integration.Tests.Durable;

/// <summary>
/// The execution grain's idempotency records after a restart, one interrupted step at a time. The venue is a test
/// double (it is what decides when the "crash" happens); the database, the silo and the grains are the real ones.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ExecutionRecoveryTests(PostgresServer server, ITestOutputHelper output) : IDisposable
{
    private readonly TestKeys _keys = new();

    [Fact]
    public async Task a_silo_whose_keystore_cannot_be_opened_refuses_to_start()
    {
        var database = await server.CreateDatabaseAsync();
        var settings = new SiloSettings(database, _keys.Create("unreadable").Path, "unreadable-key") { MigrateOnStart = true, KeystorePassword = "wrong" };

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => TestSilo.StartAsync(settings, output, _ => { }));

        Assert.Contains("MAC mismatch", refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_approved_intent_whose_signing_failed_is_placed_again_after_a_restart_and_submitted_once()
    {
        var database = await server.CreateDatabaseAsync();
        var settings = new SiloSettings(database, _keys.Create("silo").Path, "sign-failed") { MigrateOnStart = true };
        var venue = new ScriptedVenue();
        OrderIntent intent;

        // A key that cannot be opened (and is not opened at start): risk approves and writes the intent as
        // unacknowledged, then placing it throws while signing. Nothing is signed or recorded by the order grain.
        var first = await TestSilo.StartAsync(settings with { KeystorePassword = "wrong", OpenKeyAtStart = false }, output, s => s.AddSingleton<IVenue>(venue));
        try
        {
            (intent, var context) = await ArrangeAsync(first.Grains, "coid-sign-failed-1");
            await ApproveAsync(first.Grains, database, intent, context);
        }
        finally
        {
            await first.StopAsync();
        }

        Assert.Equal(0, await CountAsync(database, ReasonCodes.ExecOrderSigned, intent.ClientOrderId));

        var second = await TestSilo.StartAsync(settings, output, s => s.AddSingleton<IVenue>(venue));
        try
        {
            // Risk activates and sends what it holds unacknowledged; the order grain signs it, deterministically.
            await second.Grains.GetGrain<IRiskGrain>(intent.PortfolioId).GetTradingState();
            await Eventually.True(async () => await CountAsync(database, ReasonCodes.ExecOrderFilled, intent.ClientOrderId) == 1, "the re-sent order filled");
            Assert.Equal(1, await CountAsync(database, ReasonCodes.ExecOrderSigned, intent.ClientOrderId));
            Assert.Equal(1, venue.Submissions(intent.ClientOrderId));
            Assert.Equal(OrderSalt.Derived(intent.ClientOrderId).ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(venue.Received.Values).Salt);

            // Done means done: the same client order id is refused, not signed again.
            var again = await second.Grains.GetGrain<IOrderGrain>(intent.ClientOrderId).Place(intent, AuditSamples.Context(intent.PortfolioId));
            Assert.Equal(ReasonCodes.ExecDuplicateClientOrderId, again.ReasonCode);
            Assert.True((await second.Grains.GetGrain<IAuditTrailGrain>(intent.PortfolioId).Verify()).Valid);
        }
        finally
        {
            await second.StopAsync();
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task an_order_that_may_have_reached_the_venue_is_reconciled_never_resubmitted(bool venueCanBeAsked)
    {
        var database = await server.CreateDatabaseAsync();
        var settings = new SiloSettings(database, _keys.Create("silo").Path, "submitting") { MigrateOnStart = true };
        var hanging = new ScriptedVenue { Hang = true };
        OrderIntent intent;

        var first = await TestSilo.StartAsync(settings, output, s => s.AddSingleton<IVenue>(hanging));
        try
        {
            (intent, var context) = await ArrangeAsync(first.Grains, $"coid-submitting-{venueCanBeAsked}");
            await ApproveAsync(first.Grains, database, intent, context);
            await Eventually.True(() => Task.FromResult(hanging.Submissions(intent.ClientOrderId) == 1), "the order handed to the venue");
        }
        finally
        {
            // The venue never answers: the silo goes down with the order's fate unknown.
            await first.AbortAsync();
        }

        var venue = venueCanBeAsked ? new HoldingVenue(hanging) : new ScriptedVenue();
        var second = await TestSilo.StartAsync(settings, output, s => s.AddSingleton<IVenue>(venue));
        try
        {
            await Eventually.True(async () => await CountAsync(database, ReasonCodes.ExecReconciled, intent.ClientOrderId) == 1, "the order reconciled");
            Assert.Equal(0, venue.Submissions(intent.ClientOrderId));
            Assert.Equal(1, await CountAsync(database, ReasonCodes.ExecOrderSigned, intent.ClientOrderId));
            Assert.Equal(0, await CountAsync(database, ReasonCodes.ExecOrderSubmitted, intent.ClientOrderId));
            if (venueCanBeAsked)
            {
                await Eventually.True(async () => await CountAsync(database, ReasonCodes.ExecOrderFilled, intent.ClientOrderId) == 1, "the venue's fill recorded");
                var position = await Eventually.Get(
                    async () => (await second.Grains.GetGrain<IPortfolioGrain>(intent.PortfolioId).GetState())!.Positions.SingleOrDefault(p => p.TokenId == intent.TokenId),
                    "the fill reported to the portfolio");
                Assert.Equal(intent.Size, position.Size);
            }
            else
            {
                Assert.Equal(0, await CountAsync(database, ReasonCodes.ExecOrderFilled, intent.ClientOrderId));
                Assert.Contains("not resubmitted", await DetailAsync(database, ReasonCodes.ExecReconciled, intent.ClientOrderId), StringComparison.Ordinal);
            }

            Assert.True((await second.Grains.GetGrain<IAuditTrailGrain>(intent.PortfolioId).Verify()).Valid);
        }
        finally
        {
            await second.StopAsync();
        }
    }

    [Fact]
    public async Task a_crash_between_signing_and_submitting_while_other_orders_are_in_flight_submits_every_order_once()
    {
        var database = await server.CreateDatabaseAsync();
        var settings = new SiloSettings(database, _keys.Create("silo").Path, "in-flight") { MigrateOnStart = true };
        string[] reached = ["coid-flight-1", "coid-flight-2"];
        const string notSent = "coid-flight-unsent";
        var hanging = new ScriptedVenue { Hang = true, NeverReceived = new HashSet<string>([notSent], StringComparer.Ordinal) };
        var intents = new List<OrderIntent>();

        var first = await TestSilo.StartAsync(settings, output, s => s.AddSingleton<IVenue>(hanging));
        try
        {
            foreach (var (clientOrderId, i) in reached.Append(notSent).Select((c, i) => (c, i)))
            {
                var (intent, context) = await ArrangeAsync(first.Grains, clientOrderId, marketIndex: i);
                await ApproveAsync(first.Grains, database, intent, context);
                intents.Add(intent);
            }

            // Two orders are at the venue, unanswered; the third is signed and recorded, and dies on its way out.
            await Eventually.True(() => Task.FromResult(reached.All(c => hanging.Submissions(c) == 1) && hanging.Lost == 1), "two orders at the venue, one on its way");
        }
        finally
        {
            await first.AbortAsync();
        }

        var venue = new HoldingVenue(hanging);
        var second = await TestSilo.StartAsync(settings, output, s => s.AddSingleton<IVenue>(venue));
        try
        {
            foreach (var intent in intents)
            {
                await Eventually.True(async () => await CountAsync(database, ReasonCodes.ExecOrderFilled, intent.ClientOrderId) == 1, $"{intent.ClientOrderId} filled");
                Assert.Equal(1, await CountAsync(database, ReasonCodes.ExecOrderSigned, intent.ClientOrderId));
            }

            // The venue held the two that reached it: asked, not resubmitted. The one it never saw is submitted once.
            foreach (var clientOrderId in reached)
            {
                Assert.Equal(0, venue.Submissions(clientOrderId));
                Assert.Equal(1, await CountAsync(database, ReasonCodes.ExecReconciled, clientOrderId));
            }

            Assert.Equal(1, venue.Submissions(notSent));
            Assert.Equal(0, hanging.Submissions(notSent));
            Assert.Equal(0, await CountAsync(database, ReasonCodes.ExecReconciled, notSent));
            Assert.True((await second.Grains.GetGrain<IAuditTrailGrain>(intents[0].PortfolioId).Verify()).Valid);
        }
        finally
        {
            await second.StopAsync();
        }
    }

    [Fact]
    public async Task an_order_the_venue_could_not_confirm_stays_pending_and_is_reconciled_by_asking_the_venue()
    {
        var database = await server.CreateDatabaseAsync();
        var settings = new SiloSettings(database, _keys.Create("silo").Path, "unavailable") { MigrateOnStart = true };
        var unavailable = new HoldingVenue(new ScriptedVenue()) { Unavailable = true };
        OrderIntent intent;

        var first = await TestSilo.StartAsync(settings, output, s => s.AddSingleton<IVenue>(unavailable));
        try
        {
            (intent, var context) = await ArrangeAsync(first.Grains, "coid-unavailable-1");
            await ApproveAsync(first.Grains, database, intent, context);
            await Eventually.True(async () => await CountAsync(database, ReasonCodes.ExecVenueUnavailable, intent.ClientOrderId) == 1, "the venue's outage audited");
            Assert.Equal(0, await CountAsync(database, ReasonCodes.ExecReconciled, intent.ClientOrderId));
        }
        finally
        {
            await first.StopAsync();
        }

        // The venue did take it after all; once it can be asked, the record is closed with its fill and not sent again.
        var venue = new HoldingVenue(unavailable);
        var second = await TestSilo.StartAsync(settings, output, s => s.AddSingleton<IVenue>(venue));
        try
        {
            await Eventually.True(async () => await CountAsync(database, ReasonCodes.ExecOrderFilled, intent.ClientOrderId) == 1, "the order reconciled with its fill");
            Assert.Equal(1, await CountAsync(database, ReasonCodes.ExecReconciled, intent.ClientOrderId));
            Assert.Equal(1, unavailable.Submissions(intent.ClientOrderId));
            Assert.Equal(0, venue.Submissions(intent.ClientOrderId));
        }
        finally
        {
            await second.StopAsync();
        }
    }

    [Fact]
    public async Task a_record_with_undelivered_envelopes_round_trips_through_the_grain_storage_serializer()
    {
        var database = await server.CreateDatabaseAsync();
        await using var silo = await TestSilo.StartAsync(new SiloSettings(database, _keys.Create("silo").Path, "serializer") { MigrateOnStart = true }, output);
        var serializer = silo.Services.GetRequiredService<Orleans.Storage.IGrainStorageSerializer>();
        var context = AuditSamples.Context("PORT-001");
        var intent = AuditSamples.Intent(context, 7);
        var state = new OrderGrainState();
        state.Record = new ExecutionRecord
        {
            Intent = intent,
            Context = context,
            Status = ExecutionStatus.Submitted,
            AcceptedAt = AuditSamples.Start.AddTicks(1),
            Fills = [ScriptedVenue.FillOf(intent)],
            Outbox = [new PlannedEnvelope(Guid.CreateVersion7(), AuditSamples.Start.AddTicks(3), ReasonCodes.ExecOrderFilled, new AuditPayload { Kind = AuditPayloadKind.Fill, Fill = ScriptedVenue.FillOf(intent) })],
            NotifyPending = true,
        };

        var copy = serializer.Deserialize<OrderGrainState>(serializer.Serialize(state))!.Record!;

        var original = state.Record;
        Assert.Equal(original.Status, copy.Status);
        Assert.Equal(original.AcceptedAt, copy.AcceptedAt);
        Assert.True(copy.NotifyPending && copy.IsPending);
        Assert.Equal(original.Outbox[0].EnvelopeId, copy.Outbox[0].EnvelopeId);
        Assert.Equal(original.Outbox[0].OccurredAt, copy.Outbox[0].OccurredAt);
        Assert.Equal(ContractJson.Serialize(original.Outbox[0].Payload), ContractJson.Serialize(copy.Outbox[0].Payload));
        Assert.Equal(ContractJson.Serialize(original.Intent), ContractJson.Serialize(copy.Intent));
        Assert.Equal(context, copy.Context);
    }

    public void Dispose() => _keys.Dispose();

    private static async Task<(OrderIntent Intent, AuditContext Context)> ArrangeAsync(IGrainFactory grains, string clientOrderId, int marketIndex = 0)
    {
        var portfolio = await Eventually.Get(() => grains.GetGrain<IPortfolioGrain>("PORT-002").GetState(), "PORT-002 seeded");
        var market = await Eventually.Get(
            async () => (await grains.GetGrain<IClusterGrain>("crypto").GetCluster())?.MarketIds.ElementAtOrDefault(marketIndex) is { } id ? await grains.GetGrain<IMarketGrain>(id).GetState() : null,
            "a crypto market seeded");
        var context = new AuditContext(portfolio.Config.TenantId, portfolio.Config.PortfolioId, "exec-recovery", "LCH-RECOVERY", AuditEnvelopeMode.Paper, portfolio.Config.BuilderCode);
        var token = market.Market.Outcomes[0].TokenId;
        var now = DateTimeOffset.UtcNow;
        var intent = AuditSamples.Intent(context, 0) with
        {
            MarketId = market.Market.MarketId,
            TokenId = token,
            Size = 10m,
            LimitPrice = 0.42m,
            ClientOrderId = clientOrderId,
            CreatedAt = now,
            Signal = AuditSamples.Intent(context, 0).Signal with { MarketId = market.Market.MarketId, TokenId = token, AsOf = now },
        };
        return (intent, context);
    }

    /// <summary>
    /// The intent through risk, as a Strategy sends it, after a fresh price in its market (risk's price checks): approved,
    /// written and handed to its order grain. After a restart, the risk grain (activated when the silo seeds the
    /// Portfolios) wakes the order grains of the orders its book holds open.
    /// </summary>
    private static async Task ApproveAsync(IGrainFactory grains, PostgresDatabase database, OrderIntent intent, AuditContext context)
    {
        await grains.GetGrain<IMarketGrain>(intent.MarketId).Publish(new PriceUpdate
        {
            MarketId = intent.MarketId,
            TokenId = intent.TokenId,
            Price = intent.LimitPrice,
            Timestamp = DateTimeOffset.UtcNow,
            Sequence = DateTimeOffset.UtcNow.Ticks,
            Source = PriceUpdateSource.Replay,
        });
        await grains.GetGrain<IRiskGrain>(intent.PortfolioId).Submit(intent, context);
        await Eventually.True(async () => await CountAsync(database, ReasonCodes.RiskApproved, intent.ClientOrderId) == 1, "the intent approved");
    }

    private static async Task<long> CountAsync(PostgresDatabase database, string reasonCode, string clientOrderId) =>
        await database.ScalarAsync<long>(
            $"""
            SELECT count(*) FROM audit_envelope
            WHERE reason_code = '{reasonCode}'
              AND coalesce(body->'payload'->'order'->>'client_order_id', body->'payload'->'fill'->>'client_order_id', body->'payload'->'intent'->>'client_order_id') = '{clientOrderId}'
            """);

    private static async Task<string> DetailAsync(PostgresDatabase database, string reasonCode, string clientOrderId) =>
        await database.ScalarAsync<string>(
            $"SELECT body->'payload'->>'detail' FROM audit_envelope WHERE reason_code = '{reasonCode}' AND body->'payload'->'order'->>'client_order_id' = '{clientOrderId}'")
        ?? string.Empty;
}

/// <summary>A venue that fills every order at its limit price, counts submissions, and can hang instead of answering.</summary>
internal class ScriptedVenue : IVenue
{
    private readonly ConcurrentDictionary<string, int> _submissions = new(StringComparer.Ordinal);

    public bool Hang { get; init; }

    public string Name => "scripted";

    public ConcurrentDictionary<string, Order> Received { get; } = new(StringComparer.Ordinal);

    public int Submissions(string clientOrderId) => _submissions.GetValueOrDefault(clientOrderId);

    /// <summary>Takes the order but answers as if it could not be reached.</summary>
    public bool Unavailable { get; init; }

    /// <summary>Client order ids whose submissions never reach the venue (the silo dies before they leave).</summary>
    public IReadOnlySet<string> NeverReceived { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Submissions of <see cref="NeverReceived"/> orders that were started and never arrived.</summary>
    public int Lost => _lost;

    private int _lost;

    public async Task<VenueAnswer> SubmitAsync(Order order, OrderIntent intent, MarketState market, CancellationToken cancellationToken)
    {
        if (NeverReceived.Contains(intent.ClientOrderId))
        {
            Interlocked.Increment(ref _lost);
            await new TaskCompletionSource().Task;
        }

        _submissions.AddOrUpdate(intent.ClientOrderId, 1, (_, n) => n + 1);
        Received[order.OrderHash] = order;
        if (Hang)
        {
            await new TaskCompletionSource().Task;
        }

        return Unavailable
            ? VenueAnswer.Refused(ReasonCodes.ExecVenueUnavailable, "timed out after 10 s")
            : VenueAnswer.Filled([FillOf(intent)]);
    }

    public static Fill FillOf(OrderIntent intent) => MatchedFill.Of(intent, $"scripted:{intent.ClientOrderId}:1");
}

/// <summary>A venue that can be asked about orders: it holds (filled) whatever reached <paramref name="before"/>.</summary>
internal sealed class HoldingVenue(ScriptedVenue before) : ScriptedVenue, IVenueOrderLookup
{
    public Task<VenueAnswer?> FindAsync(Order order, OrderIntent intent, CancellationToken cancellationToken) =>
        Task.FromResult(before.Received.ContainsKey(order.OrderHash) ? VenueAnswer.Filled([FillOf(intent)]) : null);
}
