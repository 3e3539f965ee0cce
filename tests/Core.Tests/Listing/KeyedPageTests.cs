using Polytraders.Trading.Listing;

namespace Polytraders.Core.Tests.Listing;

public class KeyedPageTests
{
    private static readonly string[] Ids = ["PORT-003", "PORT-001", "PORT-005", "PORT-002", "PORT-004"];

    [Fact]
    public void pages_follow_one_another_by_key_until_the_last_names_no_next()
    {
        var first = KeyedPage.Take(Ids, id => id, null, 2);
        var second = KeyedPage.Take(Ids, id => id, first.NextAfter, 2);
        var last = KeyedPage.Take(Ids, id => id, second.NextAfter, 2);

        Assert.Equal(["PORT-001", "PORT-002"], first.Items);
        Assert.Equal("PORT-002", first.NextAfter);
        Assert.Equal(["PORT-003", "PORT-004"], second.Items);
        Assert.Equal("PORT-004", second.NextAfter);
        Assert.Equal(["PORT-005"], last.Items);
        Assert.Null(last.NextAfter);
    }

    [Fact]
    public void a_page_that_ends_exactly_at_the_last_item_names_no_next()
    {
        Assert.Null(KeyedPage.Take(Ids, id => id, null, 5).NextAfter);
    }

    [Fact]
    public void an_item_removed_between_pages_neither_repeats_nor_skips_the_others()
    {
        var first = KeyedPage.Take(Ids, id => id, null, 2);
        var second = KeyedPage.Take(Ids.Where(id => id != "PORT-001"), id => id, first.NextAfter, 2);

        Assert.Equal(["PORT-003", "PORT-004"], second.Items);
    }

    [Fact]
    public void descending_pages_run_newest_first()
    {
        var first = KeyedPage.Take(Ids, id => id, null, 3, descending: true);
        var second = KeyedPage.Take(Ids, id => id, first.NextAfter, 3, descending: true);

        Assert.Equal(["PORT-005", "PORT-004", "PORT-003"], first.Items);
        Assert.Equal(["PORT-002", "PORT-001"], second.Items);
        Assert.Null(second.NextAfter);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void a_limit_outside_one_to_the_maximum_is_refused(int limit)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => KeyedPage.Take(Ids, id => id, null, limit));
    }
}
