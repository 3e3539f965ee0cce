using Polytraders.Contracts;
using Polytraders.Polymarket.Auth;
using Polytraders.Polymarket.Clob;
using Polytraders.Polymarket.Orders;
using Polytraders.Venue.Tests.Fake;
using Polytraders.Venue.Tests.Support;

namespace Polytraders.Grains.Tests.Venue;

/// <summary>Credentials never reach an exception, a venue answer or a log line, whatever fails.</summary>
public sealed class SecretHygieneTests
{
    [Fact]
    public async Task no_secret_appears_in_any_exception_message_answer_or_log_output()
    {
        await using var rig = await ClobRig.StartAsync(o => { o.PingInterval = TimeSpan.FromMilliseconds(100); o.StaleConnectionTimeout = TimeSpan.FromSeconds(5); });
        var market = TestMarkets.Standard(rig.Clob);
        using var wallet = new TestWallet(rig.Clob);
        var secrets = new[] { wallet.Fake.Secret, wallet.Fake.Passphrase, wallet.Fake.ApiKey };
        var texts = new List<string>();
        async Task Capture(Func<Task> action)
        {
            try
            {
                await action();
            }
            catch (Exception ex)
            {
                texts.Add(ex.ToString());
            }
        }

        // A venue that echoes the credentials back in its error, refusing and failing.
        var echo = $$"""{"error":"bad key {{wallet.Fake.ApiKey}} secret {{wallet.Fake.Secret}} passphrase {{wallet.Fake.Passphrase}}"}""";
        rig.Clob.State.Inject(new InjectedFailure { Method = "GET", Path = "/data/orders", Status = 400, Body = echo });
        rig.Clob.State.Inject(new InjectedFailure { Method = "GET", Path = "/balance-allowance", Status = 503, Body = echo, Remaining = 10 });
        await Capture(() => rig.Client.GetOpenOrdersAsync(wallet.Account));
        await Capture(() => rig.Client.GetBalanceAllowanceAsync(wallet.Account));

        // Wrong secret, throttling, an outage, through the venue.
        var wrong = wallet.Account with { Credentials = new ApiCredentials(wallet.Fake.ApiKey, Convert.ToBase64String(new byte[32]), wallet.Fake.Passphrase) };
        await Capture(() => rig.Client.PostOrderAsync(wallet.Limit(market, OrderSide.Buy, 0.5m, 10m), wrong, OrderType.Gtc));
        rig.Clob.State.Inject(new InjectedFailure { Method = "POST", Path = "/order", Status = 429, RetryAfterSeconds = 0, Body = echo });
        rig.Clob.State.Inject(new InjectedFailure { Method = "POST", Path = "/order", Status = 500, Body = echo });
        var venue = rig.Venue(wallet);
        foreach (var price in new[] { 0.41m, 0.42m, 0.43m })
        {
            var (order, intent) = wallet.Contract(market, TestWallet.Intent(market, Side.Buy, price, 10m));
            var answer = await venue.SubmitAsync(order, intent, TestWallet.StateOf(market), CancellationToken.None);
            texts.Add($"{answer.ReasonCode} {answer.Detail}");
        }

        // The user channel refused, then accepted and dropped.
        using (var stop = new CancellationTokenSource())
        {
            var refused = rig.UserFeed();
            var run = refused.RunAsync(wrong, [], stop.Token);
            await Eventually.TrueAsync(() => rig.Clob.Sockets.UserAuthFailures >= 2, "user channel refused");
            await stop.CancelAsync();
            await run;
        }

        using (var stop = new CancellationTokenSource())
        {
            var accepted = rig.UserFeed();
            var run = accepted.RunAsync(wallet.Account, [], stop.Token);
            await Eventually.TrueAsync(() => rig.Clob.Sockets.UserSubscriptionKeys.Count == 1, "user channel subscribed");
            rig.Clob.Sockets.DropAll();
            await Eventually.TrueAsync(() => rig.Clob.Sockets.UserSubscriptionKeys.Count == 2, "user channel resubscribed");
            await stop.CancelAsync();
            await run;
        }

        texts.Add(rig.Logs.All);
        texts.Add(wallet.Account.ToString());
        texts.Add(new ClobCredentialsOptions { ApiKey = "k", Secret = wallet.Fake.Secret, Passphrase = wallet.Fake.Passphrase }.ToString());
        Assert.True(texts.Count >= 8);
        Assert.Contains(texts, t => t.Contains("[redacted]", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains(ReasonCodes.ExecVenueUnavailable, StringComparison.Ordinal));
        Assert.NotEmpty(rig.Logs.Lines);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(texts, t => t.Contains(secret, StringComparison.Ordinal));
        }
    }
}
