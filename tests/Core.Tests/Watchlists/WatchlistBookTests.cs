using Polytraders.Contracts;
using Polytraders.Trading.Watchlists;

namespace Polytraders.Core.Tests.Watchlists;

public sealed class WatchlistBookTests
{
    private const string Btc = "0x5acadb52ea02aa987de72018ef523d80d5c17cca826575ffd570f50902ab33ae";
    private const string Eth = "0x955c321b6411bb6380997c90040e7153f1aad0062b8bcc75ad2dbc97f88d49a1";

    private static WatchlistBook NewBook(int maxPerOperator = 3) =>
        new("alice", new WatchlistLimits { MaxPerOperator = maxPerOperator }, [], lastNumber: 0);

    [Fact]
    public void created_lists_are_owned_by_the_operator_numbered_in_order_and_hold_each_market_once()
    {
        var book = NewBook();

        var first = book.Create("Crypto", [Btc, Eth, Btc.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal)]);
        var second = book.Create("Empty", []);

        Assert.True(first.Succeeded);
        Assert.Equal("WL-0001", first.Id);
        Assert.Equal("WL-0002", second.Id);
        var list = book.Find("WL-0001")!;
        Assert.Equal("alice", list.OwnerOperator);
        Assert.Equal([Btc, Eth], list.MarketIds);
    }

    [Fact]
    public void an_operator_keeps_at_most_the_configured_number_of_lists_and_a_deleted_id_is_never_handed_out_again()
    {
        var book = NewBook(maxPerOperator: 2);
        book.Create("a", []);
        book.Create("b", []);

        var third = book.Create("c", []);
        Assert.False(third.Succeeded);
        Assert.Equal(ReasonCodes.DiscWatchlistLimit, third.ReasonCode);

        Assert.True(book.Delete("WL-0001").Succeeded);
        var again = book.Create("c", []);
        Assert.Equal("WL-0003", again.Id);
        Assert.Equal(["WL-0002", "WL-0003"], book.Watchlists.Select(w => w.WatchlistId));
        Assert.Equal(3, book.LastNumber);
    }

    [Fact]
    public void a_list_holds_at_most_the_contract_s_number_of_markets()
    {
        var book = NewBook();
        var full = Enumerable.Range(1, WatchlistLimits.MaxMarkets).Select(i => $"0x{i:x64}").ToList();
        Assert.Equal(ReasonCodes.DiscWatchlistFull, book.Create("too many", [.. full, $"0x{0:x64}"]).ReasonCode);
        var id = book.Create("full", full).Id!;

        var refused = book.AddMarket(id, $"0x{0:x64}");

        Assert.Equal(ReasonCodes.DiscWatchlistFull, refused.ReasonCode);
        Assert.True(book.AddMarket(id, full[0]).Succeeded);
        Assert.Equal(WatchlistLimits.MaxMarkets, book.Find(id)!.MarketIds.Count);
    }

    [Fact]
    public void adding_a_market_already_there_and_removing_one_not_there_change_nothing()
    {
        var book = NewBook();
        var id = book.Create("Crypto", [Btc]).Id!;

        Assert.True(book.AddMarket(id, Btc).Succeeded);
        Assert.True(book.RemoveMarket(id, Eth).Succeeded);
        Assert.Equal([Btc], book.Find(id)!.MarketIds);

        Assert.True(book.AddMarket(id, Eth).Succeeded);
        Assert.True(book.RemoveMarket(id, Btc).Succeeded);
        Assert.Equal([Eth], book.Find(id)!.MarketIds);
    }

    [Fact]
    public void renaming_changes_the_name_only()
    {
        var book = NewBook();
        var id = book.Create("Crypto", [Btc]).Id!;

        Assert.True(book.Rename(id, "Crypto (Q1)").Succeeded);

        var list = book.Find(id)!;
        Assert.Equal("Crypto (Q1)", list.Name);
        Assert.Equal([Btc], list.MarketIds);
        Assert.Equal(id, list.WatchlistId);
    }

    [Theory]
    [InlineData("rename")]
    [InlineData("add")]
    [InlineData("remove")]
    [InlineData("delete")]
    public void every_edit_of_an_unknown_list_is_refused_with_its_code(string edit)
    {
        var book = NewBook();
        book.Create("Crypto", [Btc]);

        var result = edit switch
        {
            "rename" => book.Rename("WL-0009", "x"),
            "add" => book.AddMarket("WL-0009", Eth),
            "remove" => book.RemoveMarket("WL-0009", Btc),
            _ => book.Delete("WL-0009"),
        };

        Assert.False(result.Succeeded);
        Assert.Equal(ReasonCodes.DiscUnknownWatchlist, result.ReasonCode);
        Assert.Equal([Btc], Assert.Single(book.Watchlists).MarketIds);
    }
}
