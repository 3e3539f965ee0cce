namespace Polytraders.Trading.Listing;

/// <summary>
/// One page of a list ordered by a unique key: the items whose key comes after the previous page's last one, at most
/// a limit of them, and that last key when more remain. A key is stable where an offset is not: a page read while
/// items come and go neither repeats nor skips one that stayed.
/// </summary>
public static class KeyedPage
{
    public const int DefaultLimit = 50;

    public const int MaxLimit = 100;

    /// <param name="after">The last key of the previous page; null for the first page.</param>
    /// <param name="descending">From the greatest key down (newest first, for keys that grow with time).</param>
    public static (List<T> Items, string? NextAfter) Take<T>(IEnumerable<T> items, Func<T, string> key, string? after, int limit, bool descending = false)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);
        var ordered = descending ? items.OrderByDescending(key, StringComparer.Ordinal) : items.OrderBy(key, StringComparer.Ordinal);
        var page = ordered
            .Where(item => after is null || (descending ? string.CompareOrdinal(key(item), after) < 0 : string.CompareOrdinal(key(item), after) > 0))
            .Take(limit + 1)
            .ToList();
        if (page.Count <= limit)
        {
            return (page, null);
        }

        page.RemoveAt(limit);
        return (page, key(page[^1]));
    }
}
