using BenchmarkDotNet.Running;

// --backtest-load prints events/s and peak memory of a 180-day x 50-market Backtest without BenchmarkDotNet's harness.
if (args.Contains("--backtest-load"))
{
    Polytraders.Bench.BacktestLoad.Print(Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
