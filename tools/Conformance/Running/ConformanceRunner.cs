using System.Diagnostics;

namespace Polytraders.Conformance;

/// <summary>Runs the suite's cases one after another against one service, printing a line per case and a summary.</summary>
public sealed class ConformanceRunner(HttpClient http, RunnerOptions options, TextWriter output)
{
    public async Task<SuiteResult> RunAsync(CancellationToken cancellationToken)
    {
        var schemas = new SchemaSet(Path.Combine(options.SuiteRoot, "schemas"));
        var service = new ServiceClient(http, options.OperatorKey, options.ReviewerKey);
        var chains = new AuditChainReader(service, schemas, ChainHash.FromSchema(Path.Combine(options.SuiteRoot, "schemas", "AuditEnvelope.json")));
        var suite = Stopwatch.StartNew();
        var results = new List<CaseResult>();
        foreach (var definition in ConformanceSuite.Load(options.SuiteRoot, options.Only))
        {
            var clock = Stopwatch.StartNew();
            string? failure;
            try
            {
                await new CaseRun(definition, service, chains, schemas, options).RunAsync(cancellationToken);
                failure = null;
            }
            catch (CaseFailedException e)
            {
                failure = e.Message;
            }
            catch (HttpRequestException e)
            {
                failure = $"the service did not answer: {e.Message}";
            }

            var result = new CaseResult(definition.Name, definition.Description, failure, clock.Elapsed);
            results.Add(result);
            await output.WriteLineAsync(result.Line);
        }

        var summary = new SuiteResult(results, suite.Elapsed);
        await output.WriteLineAsync(summary.Summary);
        return summary;
    }
}
