namespace Polytraders.ContractGen;

/// <summary>
/// The named types and aliases a schema file's declarations use, for the writers whose languages import them by
/// name from the file that declares them (TypeScript, Python) and declare them before use (Python).
/// </summary>
public static class ContractReferences
{
    /// <summary>Every named type or alias <paramref name="type"/> mentions, itself included.</summary>
    public static IEnumerable<(string Name, string SchemaFile)> Of(FieldType type) => type switch
    {
        NamedType named => [(named.Name, named.SchemaFile)],
        AliasType alias => [(alias.Name, alias.SchemaFile)],
        ArrayType array => Of(array.Items),
        _ => [],
    };

    /// <summary>What one declaration of the file mentions.</summary>
    public static IEnumerable<(string Name, string SchemaFile)> Of(ContractDeclaration declaration) => declaration switch
    {
        ContractRecord record => record.Fields.SelectMany(f => Of(f.Type)),
        ContractAlias alias => Of(alias.Type),
        _ => [],
    };

    /// <summary>Names the file takes from other schema files, by file (names ordered; each writer orders its modules).</summary>
    public static IReadOnlyList<(string SchemaFile, IReadOnlyList<string> Names)> Imports(ContractFile file) =>
        [.. file.Declarations
            .SelectMany(Of)
            .Where(r => r.SchemaFile != file.SchemaFile)
            .Distinct()
            .GroupBy(r => r.SchemaFile)
            .Select(g => (g.Key, (IReadOnlyList<string>)[.. g.Select(r => r.Name).Order(StringComparer.Ordinal)]))];

    /// <summary>
    /// The file's declarations with each after the ones of the same file it uses (aliases first, then types, as
    /// declared otherwise): Python evaluates a class's annotations when it defines it.
    /// </summary>
    public static IReadOnlyList<ContractDeclaration> DependenciesFirst(ContractFile file)
    {
        var byName = file.Declarations.ToDictionary(d => d.Name, StringComparer.Ordinal);
        var ordered = new List<ContractDeclaration>();
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        foreach (var declaration in file.Declarations)
        {
            Visit(declaration);
        }

        return ordered;

        void Visit(ContractDeclaration declaration)
        {
            if (ordered.Contains(declaration))
            {
                return;
            }

            if (!visiting.Add(declaration.Name))
            {
                throw new InvalidOperationException($"{file.SchemaFile}: {declaration.Name} refers to itself; the Python models cannot declare it.");
            }

            foreach (var (name, schemaFile) in Of(declaration))
            {
                if (schemaFile == file.SchemaFile && byName.TryGetValue(name, out var used))
                {
                    Visit(used);
                }
            }

            ordered.Add(declaration);
        }
    }
}
