using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Polytraders.Contracts;

namespace Polytraders.Trading.Bots;

/// <summary>
/// The content hash schemas/BotSpec.json defines: lower-case hex SHA-256 of the UTF-8 canonical sections, each section in
/// ascending number as <c>number U+001F title U+001F body U+001E</c>. Separators the schema forbids inside titles and
/// bodies keep the form unambiguous without an escaping rule every language would have to copy.
/// </summary>
public static class BotSpecHash
{
    private const char UnitSeparator = '\u001f';
    private const char RecordSeparator = '\u001e';

    public static string Compute(IEnumerable<BotSpecSection> sections)
    {
        var canonical = new StringBuilder();
        foreach (var section in sections.OrderBy(s => s.Number))
        {
            canonical.Append(section.Number.ToString(CultureInfo.InvariantCulture)).Append(UnitSeparator)
                .Append(section.Title).Append(UnitSeparator)
                .Append(section.Body).Append(RecordSeparator);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }
}
