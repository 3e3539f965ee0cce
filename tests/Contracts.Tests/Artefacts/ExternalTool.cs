using System.ComponentModel;
using System.Diagnostics;

namespace Polytraders.Contracts.Tests.Artefacts;

internal sealed record ToolResult(int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}";
}

/// <summary>Runs node, npm or python3 for the artefact tests; a missing tool fails with what to install.</summary>
internal static class ExternalTool
{
    /// <summary>Generous: npm ci downloads TypeScript on a fresh machine; tsc and python take a second or two.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static async Task<ToolResult> RunAsync(string program, IEnumerable<string> arguments, string workingDirectory, string? standardInput = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        Process process;
        try
        {
            process = Process.Start(startInfo) ?? throw new InvalidOperationException($"could not start {program}");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"{program} is not installed ({e.Message}). {InstallHint(program)}", e);
        }

        using (process)
        using (var timeout = new CancellationTokenSource(Timeout))
        {
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.StandardInput.WriteAsync(standardInput ?? "");
            process.StandardInput.Close();
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{program} {string.Join(' ', arguments)} took longer than {Timeout}");
            }

            return new ToolResult(process.ExitCode, await stdout, await stderr);
        }
    }

    public static string InstallHint(string program) => program switch
    {
        "node" or "npm" => "The TypeScript contract tests need Node.js and npm: apt-get install -y nodejs npm (scripts/test.sh installs them).",
        "python3" => "The Pydantic contract tests need Python 3 with pydantic 2: apt-get install -y python3 python3-pip, then pip install 'pydantic>=2,<3' (Debian's python3-pydantic is 1.x).",
        _ => "",
    };
}
