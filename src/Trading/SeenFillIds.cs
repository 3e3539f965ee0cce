using Polytraders.Contracts;

namespace Polytraders.Trading;

/// <summary>
/// The fill ids a grain has already applied, so a fill delivered again (execution re-delivers after a crash; the user
/// feed repeats) changes nothing. Bounded: it keeps the <see cref="Capacity"/> most recent ids and forgets the oldest.
/// A re-delivery comes from execution's outbox within minutes of the first, long before thousands of newer fills push
/// its id out; a window is enough and, unlike per-order sets, needs no "order is final" signal at every receiver.
/// Persisted with the grain's state and written in the same write as the fill's effect.
/// </summary>
public sealed class SeenFillIds
{
    public const int Capacity = 4_096;

    [NonSerialized]
    private HashSet<string>? _index;

    /// <summary>Oldest first.</summary>
    public List<string> Ids { get; set; } = [];

    public bool Contains(string fillId) => Index().Contains(fillId);

    /// <summary>Remembers <paramref name="fill"/>; false when it was already applied (skip it).</summary>
    public bool TryAdd(Fill fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        if (!Index().Add(fill.FillId))
        {
            return false;
        }

        Ids.Add(fill.FillId);
        if (Ids.Count > Capacity)
        {
            var drop = Ids.Count - Capacity;
            foreach (var old in Ids.Take(drop))
            {
                _index!.Remove(old);
            }

            Ids.RemoveRange(0, drop);
        }

        return true;
    }

    private HashSet<string> Index() => _index ??= new HashSet<string>(Ids, StringComparer.Ordinal);
}
