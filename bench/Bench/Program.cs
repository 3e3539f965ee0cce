using BenchmarkDotNet.Running;

// --backtest-load prints events/s and peak memory of a 180-day x 50-market Backtest without BenchmarkDotNet's harness.
if (args.Contains("--backtest-load"))
{
    return Polytraders.Bench.BacktestLoad.Print(Console.Out);
}

// --cluster prints raw Orleans grain-call and memory-stream rates next to the tick path and the execution path's orders/s.
if (args.Contains("--cluster"))
{
    return await Polytraders.Bench.Cluster.ClusterBench.RunAsync(args, Console.Out, Console.Error);
}

// Typed through a class of this assembly: the Silo reference brings the gateway's own Program into scope.
BenchmarkSwitcher.FromAssembly(typeof(Polytraders.Bench.BacktestLoad).Assembly).Run(args);
return 0;
