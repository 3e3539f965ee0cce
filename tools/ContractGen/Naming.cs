using System.Text;

namespace Polytraders.ContractGen;

/// <summary>Turns schema names (snake_case, UPPER_CASE, camelCase) into C# identifiers, and type names into Python module names.</summary>
public static class Naming
{
    public static string Pascal(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var part in name.Split(['_', '-', ' ', '.', '/'], StringSplitOptions.RemoveEmptyEntries))
        {
            builder.Append(char.ToUpperInvariant(part[0]));
            // An all-capitals wire word (BUY, MATCHED, STRAT) reads as a word; a mixed one (pUSD, builderCode) keeps its case.
            var rest = part[1..];
            builder.Append(part.All(c => char.IsUpper(c) || char.IsDigit(c)) ? rest.ToLowerInvariant() : rest);
        }

        if (builder.Length == 0 || char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    /// <summary>PascalCase to snake_case: ReasonCodeRegistry is reason_code_registry.</summary>
    public static string Snake(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]) && !char.IsUpper(pascal[i - 1]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(pascal[i]));
        }

        return builder.ToString();
    }
}
