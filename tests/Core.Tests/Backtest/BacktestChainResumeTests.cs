using Polytraders.Contracts;
using Polytraders.Trading.Audit;
using Polytraders.Trading.Backtest;
using Polytraders.Trading.Scope;

namespace Polytraders.Core.Tests.Backtest;

/// <summary>
/// A run's chain across attempts (<see cref="BacktestAuditWriter"/>): an attempt that starts again after a restart
/// re-derives the links already stored instead of storing them twice, and marks where it took over.
/// </summary>
public sealed class BacktestChainResumeTests
{
    private const string Chain = "BT-resume-test-1";
    private static readonly DateTimeOffset Start = new(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly MemoryAuditStore _store = new();

    [Fact]
    public async Task an_attempt_after_a_restart_stores_each_link_once_behind_one_resumed_link()
    {
        await Abandoned(Links(10).Take(4));

        await Completed(Links(10));

        var chain = await ChainAsync();
        Assert.Equal(11, chain.Count);
        Assert.Equal(Links(10).Select(l => l.MarketId), Decisions(chain));
        Assert.Equal(ReasonCodes.StratBacktestResumed, chain[4].ReasonCode);
        Assert.Contains("re-derived 4 decision link(s)", chain[4].Payload.Detail, StringComparison.Ordinal);
        Assert.Equal(Badge.Backtest, chain[4].Badge);
        Assert.True(AuditChain.Verify(Chain, chain).Valid);
    }

    [Fact]
    public async Task a_second_restart_steps_over_the_first_resumed_link()
    {
        await Abandoned(Links(10).Take(3));
        await Abandoned(Links(10).Take(6));

        await Completed(Links(10));

        var chain = await ChainAsync();
        Assert.Equal(Links(10).Select(l => l.MarketId), Decisions(chain));
        Assert.Equal([4, 8], chain.Where(e => e.ReasonCode == ReasonCodes.StratBacktestResumed).Select(e => e.Sequence));
        Assert.True(AuditChain.Verify(Chain, chain).Valid);
    }

    [Fact]
    public async Task an_attempt_whose_last_link_was_stored_only_adds_the_resumed_link()
    {
        await Abandoned(Links(5));

        await Completed(Links(5));

        var chain = await ChainAsync();
        Assert.Equal(6, chain.Count);
        Assert.Equal(ReasonCodes.StratBacktestResumed, chain[^1].ReasonCode);
    }

    [Fact]
    public async Task an_attempt_that_decides_otherwise_fails_and_appends_nothing()
    {
        await Abandoned(Links(10).Take(4));
        var other = Links(10).ToList();
        other[2] = other[2] with { Kind = ScopeChangeKind.Left };

        var failure = await Assert.ThrowsAsync<BacktestException>(() => Completed(other));

        Assert.Equal(ReasonCodes.StratBacktestFailed, failure.ReasonCode);
        Assert.Contains("link 3", failure.Message, StringComparison.Ordinal);
        Assert.Equal(4, (await ChainAsync()).Count);
    }

    [Fact]
    public async Task an_attempt_that_ends_short_of_the_stored_links_fails_and_appends_nothing()
    {
        await Abandoned(Links(10).Take(6));

        var failure = await Assert.ThrowsAsync<BacktestException>(() => Completed(Links(10).Take(4)));

        Assert.Equal(ReasonCodes.StratBacktestFailed, failure.ReasonCode);
        Assert.Equal(6, (await ChainAsync()).Count);
    }

    [Fact]
    public async Task an_attempt_cancelled_before_it_caught_up_closes_the_chain_after_the_stored_links()
    {
        await Abandoned(Links(10).Take(6));

        await using (var writer = await OpenAsync())
        {
            Write(writer, Links(10).Take(2));
            await writer.CloseAsync(ReasonCodes.StratBacktestCancelled, "operator:alice", "cancelled by alice", Start.AddDays(1));
        }

        var chain = await ChainAsync();
        Assert.Equal(8, chain.Count);
        Assert.Contains("re-derived 2 decision link(s)", chain[6].Payload.Detail, StringComparison.Ordinal);
        Assert.Contains("the other 4", chain[6].Payload.Detail, StringComparison.Ordinal);
        Assert.Equal(ReasonCodes.StratBacktestCancelled, chain[7].ReasonCode);
        Assert.Equal(AuditPayloadKind.Stop, chain[7].Payload.Kind);
        Assert.Equal("operator:alice", chain[7].Actor);
        Assert.True(AuditChain.Verify(Chain, chain).Valid);
    }

    /// <summary>Markets entering scope a minute apart: links whose content says which one they are.</summary>
    private static IEnumerable<ScopeChange> Links(int count) =>
        Enumerable.Range(1, count).Select(i => new ScopeChange($"0x{i:x64}", ScopeChangeKind.Entered, AuditPayloadCause.Launch));

    private static IEnumerable<string?> Decisions(IEnumerable<AuditEnvelope> chain) =>
        chain.Where(e => e.ReasonCode != ReasonCodes.StratBacktestResumed).Select(e => e.Payload.MarketId);

    private static void Write(BacktestAuditWriter writer, IEnumerable<ScopeChange> links)
    {
        foreach (var change in links)
        {
            writer.Scope(change, Start.AddMinutes(Convert.ToInt32(change.MarketId[^8..], 16)));
        }
    }

    /// <summary>An attempt whose activation went away after these links: stored, then nothing.</summary>
    private async Task Abandoned(IEnumerable<ScopeChange> links)
    {
        await using var writer = await OpenAsync();
        Write(writer, links);
    }

    private async Task Completed(IEnumerable<ScopeChange> links)
    {
        await using var writer = await OpenAsync();
        Write(writer, links);
        await writer.CompleteAsync();
    }

    private async Task<BacktestAuditWriter> OpenAsync()
    {
        var writer = new BacktestAuditWriter(_store, Chain, BacktestFixtures.Port001, "momentum-backtest-1", TimeProvider.System);
        await writer.OpenAsync(CancellationToken.None);
        return writer;
    }

    private async Task<List<AuditEnvelope>> ChainAsync() => [.. await _store.ReadChainAsync(Chain, 0, 1000, CancellationToken.None)];
}
