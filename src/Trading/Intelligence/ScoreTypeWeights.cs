using Polytraders.Contracts;

namespace Polytraders.Trading.Intelligence;

/// <summary>
/// Weight per <see cref="ScoreType"/> on the stack, to name the kind of evidence that carries most weight in a
/// blend: that kind is the blend's score_type. Ties go to the type listed first in the locked allow-list.
/// </summary>
public ref struct ScoreTypeWeights
{
    /// <summary>Size of the locked allow-list; a stackalloc of this many weights holds one weight per type.</summary>
    public static readonly int TypeCount = Enum.GetValues<ScoreType>().Length;

    private readonly Span<Fixed> _weights;

    public ScoreTypeWeights(Span<Fixed> weights)
    {
        weights.Clear();
        _weights = weights;
    }

    public readonly void Add(ScoreType type, Fixed weight) => _weights[(int)type] += weight;

    /// <summary>The heaviest type, or <paramref name="fallback"/> when nothing was added.</summary>
    public readonly ScoreType Heaviest(ScoreType fallback)
    {
        var best = -1;
        for (var i = 0; i < _weights.Length; i++)
        {
            if (_weights[i] > Fixed.Zero && (best < 0 || _weights[i] > _weights[best]))
            {
                best = i;
            }
        }

        return best < 0 ? fallback : (ScoreType)best;
    }
}
