using Polytraders.Conformance;

// Exit codes: 0 every case passed, 1 a case failed, 2 the command line is wrong.
var (options, error) = RunnerOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(RunnerOptions.Usage);
    return 2;
}

using var http = new HttpClient { BaseAddress = new Uri(options.Target.AbsoluteUri.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(30) };
var result = await new ConformanceRunner(http, options, Console.Out).RunAsync(CancellationToken.None);
if (options.JunitPath is { } junit)
{
    SuiteReports.WriteJunit(result, junit);
}

if (options.JsonPath is { } json)
{
    SuiteReports.WriteJson(result, json);
}

return result.Failed == 0 ? 0 : 1;
