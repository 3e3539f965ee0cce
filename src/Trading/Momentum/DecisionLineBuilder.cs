using System.Globalization;

namespace Polytraders.Trading.Momentum;

/// <summary>
/// Builds one <see cref="DecisionLog"/> line in a buffer it reuses: fields separated by '|', times in the round-trip
/// UTC form, numbers invariant with trailing fractional zeros dropped. A long run writes millions of lines, so a line
/// is written field by field into the buffer rather than joined from a string per field.
/// </summary>
public sealed class DecisionLineBuilder
{
    private char[] _chars = new char[256];
    private int _length;

    /// <summary>The line written since the last <see cref="Start"/>.</summary>
    public ReadOnlySpan<char> Line => _chars.AsSpan(0, _length);

    public DecisionLineBuilder Start(string kind)
    {
        _length = 0;
        Append(kind);
        return this;
    }

    public DecisionLineBuilder Field(string text)
    {
        Append('|');
        Append(text);
        return this;
    }

    public DecisionLineBuilder Field(decimal number)
    {
        Append('|');
        int written;
        while (!number.TryFormat(_chars.AsSpan(_length), out written, default, CultureInfo.InvariantCulture))
        {
            Grow();
        }

        var digits = _chars.AsSpan(_length, written);
        _length += digits.Contains('.') ? digits.TrimEnd('0').TrimEnd('.').Length : written;
        return this;
    }

    /// <summary>yyyy-MM-ddTHH:mm:ss.fffffffZ: the round-trip format of a UTC DateTime, which has its own fast formatter.</summary>
    public DecisionLineBuilder Field(DateTimeOffset time)
    {
        Append('|');
        int written;
        while (!time.UtcDateTime.TryFormat(_chars.AsSpan(_length), out written, "O", CultureInfo.InvariantCulture))
        {
            Grow();
        }

        _length += written;
        return this;
    }

    /// <summary>One field holding <paramref name="values"/> separated by <paramref name="separator"/>.</summary>
    public DecisionLineBuilder Field(IReadOnlyList<string> values, char separator)
    {
        Append('|');
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                Append(separator);
            }

            Append(values[i]);
        }

        return this;
    }

    public override string ToString() => new(Line);

    private void Append(char c)
    {
        if (_length == _chars.Length)
        {
            Grow();
        }

        _chars[_length++] = c;
    }

    private void Append(string text)
    {
        while (_length + text.Length > _chars.Length)
        {
            Grow();
        }

        text.CopyTo(_chars.AsSpan(_length));
        _length += text.Length;
    }

    private void Grow() => Array.Resize(ref _chars, _chars.Length * 2);
}
