using System.Reflection;
using System.Xml.Linq;

namespace Polytraders.Tests.Shared;

/// <summary>
/// The reference rule of a library project: which assemblies and packages it may not depend on. Checked twice, because
/// each check alone misses something: the compiled assembly's references (what the code really uses, through every
/// project of ours it references) and the project file's package and project references (which the compiler drops
/// from metadata when no code uses them yet).
/// </summary>
public sealed class ReferenceRule(params string[] forbiddenPrefixes)
{
    /// <summary>Referenced assemblies, followed through our own (Polytraders.*) assemblies, that match a forbidden prefix.</summary>
    public IReadOnlyList<string> ForbiddenAssemblies(Assembly library)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([library]);
        while (pending.TryPop(out var assembly))
        {
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                var name = reference.Name ?? "";
                if (IsForbidden(name))
                {
                    found.Add($"{assembly.GetName().Name} -> {name}");
                }
                else if (name.StartsWith("Polytraders.", StringComparison.Ordinal) && visited.Add(name))
                {
                    pending.Push(Assembly.Load(reference));
                }
            }
        }

        return [.. found];
    }

    /// <summary>PackageReference and ProjectReference includes of a project file that match a forbidden prefix.</summary>
    public IReadOnlyList<string> ForbiddenProjectReferences(string projectFile)
    {
        var project = XDocument.Load(projectFile);
        return project.Descendants()
            .Where(e => e.Name.LocalName is "PackageReference" or "ProjectReference" or "FrameworkReference")
            .Select(e => (string?)e.Attribute("Include") ?? "")
            .Select(include => include.EndsWith(".csproj", StringComparison.Ordinal) ? "Polytraders." + Path.GetFileNameWithoutExtension(include) : include)
            .Where(IsForbidden)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private bool IsForbidden(string name) => forbiddenPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>The repository root (where Polytraders.sln is), found from the test's binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Polytraders.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Polytraders.sln not found above " + AppContext.BaseDirectory);
    }
}
