using System.Diagnostics;
using System.Runtime;

namespace Polytraders.Bench.Cluster;

/// <summary>
/// The silo runs with the server GC (an ASP.NET Core app's default); this process starts with the workstation GC,
/// which the BenchmarkDotNet modes keep. A process cannot switch GC once started, so <c>--cluster</c> runs itself again
/// as a child with <c>DOTNET_gcServer=1</c>, output passed through. Setting <c>DOTNET_gcServer</c> (to 0 or 1) decides
/// instead, and runs in this process.
/// </summary>
internal static class ServerGcRelaunch
{
    private const string Variable = "DOTNET_gcServer";

    public static bool Needed => !GCSettings.IsServerGC && Environment.GetEnvironmentVariable(Variable) is null;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var host = Environment.ProcessPath ?? throw new BenchFailure("cannot tell which executable runs this process, to run it again with the server GC; set DOTNET_gcServer=1");
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            // Run as "dotnet Bench.dll": the child needs the assembly named again.
            start.ArgumentList.Add(typeof(ServerGcRelaunch).Assembly.Location);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment[Variable] = "1";
        using var child = Process.Start(start) ?? throw new BenchFailure($"could not start {host} again with the server GC");
        await child.WaitForExitAsync();
        return child.ExitCode;
    }
}
