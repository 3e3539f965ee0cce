using System.Collections.Concurrent;
using System.Diagnostics;

namespace Polytraders.Integration.Tests.Durable;

/// <summary>A .NET program of this repository run as its own process (dotnet &lt;dll&gt;), its output kept for the test log.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ChildProcess(Process process)
    {
        _process = process;
    }

    public string Output => string.Join('\n', _output);

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>The last lines of the program's output, for a test log that stays readable.</summary>
    public string Tail(int lines) => string.Join('\n', _output.TakeLast(lines));

    public static ChildProcess Start(string dll, IEnumerable<string> arguments, IEnumerable<KeyValuePair<string, string>> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_gcServer"] = "0";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>
    /// A client of the program's HTTP endpoint once <c>/health/ready</c> answers 200; fails at once with the program's
    /// output if it exits first.
    /// </summary>
    public async Task<HttpClient> ReadyAsync(string baseAddress, TimeSpan? timeout = null)
    {
        var http = new HttpClient { BaseAddress = new Uri(baseAddress), Timeout = TimeSpan.FromSeconds(10) };
        await Eventually.True(async () =>
        {
            try
            {
                return (await http.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode == System.Net.HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return HasExited ? throw new InvalidOperationException($"{Path.GetFileName(_process.StartInfo.ArgumentList[0])} exited:\n{Output}") : false;
            }
        }, $"{baseAddress}/health/ready", timeout ?? TimeSpan.FromSeconds(60));
        return http;
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a crash or an OOM kill.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    /// <summary>
    /// SIGTERM, what a supervisor sends for a graceful stop: the host shuts down (Orleans deactivates the silo's grains
    /// and leaves the membership) and exits. Returns the exit code.
    /// </summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using (var signal = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            var sent = await Postgres.ProcessRunner.RunAsync("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], Path.GetTempPath(), signal.Token);
            if (sent.ExitCode != 0 && !_process.HasExited)
            {
                throw new InvalidOperationException($"kill -TERM {_process.Id} failed: {sent}");
            }
        }

        return await WaitForExitAsync(timeout);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}
