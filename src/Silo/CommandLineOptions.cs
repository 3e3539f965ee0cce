namespace Polytraders.Silo;

/// <summary>
/// The silo commands' options: <c>--name value</c> or <c>--name=value</c>, every option taking a value, unknown
/// names refused. A refusal is a <see cref="CommandLineUsageException"/>, which a command answers with its usage.
/// </summary>
public static class CommandLineOptions
{
    public static Dictionary<string, string> Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> known)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            var inline = name.IndexOf('=', StringComparison.Ordinal);
            string value;
            if (inline > 0)
            {
                (name, value) = (name[..inline], name[(inline + 1)..]);
            }
            else if (i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                throw new CommandLineUsageException($"{name} needs a value.");
            }

            options[known.Contains(name) ? name : throw new CommandLineUsageException($"unknown option {name}.")] = value;
        }

        return options;
    }
}

/// <summary>The command line asks for something the command does not take; the message says what.</summary>
public sealed class CommandLineUsageException(string message) : ArgumentException(message);
