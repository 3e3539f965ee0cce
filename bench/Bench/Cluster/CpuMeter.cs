using System.Diagnostics;

namespace Polytraders.Bench.Cluster;

/// <summary>
/// Cores this process kept busy over a span: next to a rate it says whether the run had the machine (a figure taken
/// while other processes took the cores is low for that reason, not for the code's).
/// </summary>
internal readonly struct CpuMeter
{
    private readonly TimeSpan _cpu;
    private readonly long _wall;

    private CpuMeter(TimeSpan cpu, long wall)
    {
        _cpu = cpu;
        _wall = wall;
    }

    public static CpuMeter Start() => new(ProcessCpu(), Stopwatch.GetTimestamp());

    public double Cores() => (ProcessCpu() - _cpu) / Stopwatch.GetElapsedTime(_wall);

    private static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
