using System.Text.Json;
using Polytraders.Contracts;
using Polytraders.Tests.Shared;
using Polytraders.Trading.Audit;

namespace Polytraders.Conformance.Tests;

/// <summary>The runner on its own: what it references, its chain rule, and cases that come from data alone.</summary>
public sealed class RunnerTests
{
    private static readonly string Root = ReferenceRule.RepositoryRoot();

    private static readonly ReferenceRule ServiceCode = new(
        "Orleans", "Microsoft.Orleans", "Microsoft.AspNetCore", "Npgsql",
        "Polytraders.Trading", "Polytraders.Grains", "Polytraders.Silo", "Polytraders.Gateway", "Polytraders.Polymarket");

    [Fact]
    public void the_runner_references_none_of_the_service_code()
    {
        Assert.Empty(ServiceCode.ForbiddenAssemblies(typeof(ConformanceRunner).Assembly));
        Assert.Empty(ServiceCode.ForbiddenProjectReferences(Path.Combine(Root, "tools/Conformance/Conformance.csproj")));
    }

    [Fact]
    public void the_runner_hashes_each_envelope_as_the_audit_chain_seals_it()
    {
        var chainHash = ChainHash.FromSchema(Path.Combine(Root, "schemas", "AuditEnvelope.json"));
        var previous = AuditChain.GenesisHash;
        var served = new List<JsonElement>();
        foreach (var (file, sequence) in Directory.GetFiles(Path.Combine(Root, "fixtures", "good", "AuditEnvelope"), "*.json").Order(StringComparer.Ordinal).Select((f, i) => (f, i + 1L)))
        {
            var sealedEnvelope = AuditChain.Seal(ContractJson.Deserialize<AuditEnvelope>(File.ReadAllText(file)), sequence, previous);
            var element = JsonDocument.Parse(ContractJson.Serialize(sealedEnvelope)).RootElement.Clone();

            Assert.Equal(sealedEnvelope.Hash, chainHash.HashOf(element));
            served.Add(element);
            previous = sealedEnvelope.Hash;
        }

        Assert.True(served.Count >= 2);
        Assert.Null(chainHash.FirstBreak(served));
        Assert.Equal("sequence 2 where 1 was expected", chainHash.FirstBreak(served[1..]));
    }

    [Fact]
    public void a_new_bad_fixture_is_a_new_case_with_no_code_change()
    {
        var suite = Path.Combine(Path.GetTempPath(), "polytraders-conformance-suite", Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(Path.Combine(suite, "conformance", "cases"));
            File.Copy(Path.Combine(Root, "conformance", "bad-fixtures.json"), Path.Combine(suite, "conformance", "bad-fixtures.json"));
            foreach (var folder in Directory.GetDirectories(Path.Combine(Root, "fixtures", "bad")))
            {
                Directory.CreateDirectory(Path.Combine(suite, "fixtures", "bad", Path.GetFileName(folder)));
            }

            File.WriteAllText(
                Path.Combine(suite, "fixtures", "bad", "TradingStateChange", "reason_of_one_letter.json"),
                """{ "_why_bad": "StringTooShort at #/reason: an audited switch explains itself", "state": "HALTED", "reason": "x" }""");

            var added = Assert.Single(ConformanceSuite.Load(suite));

            Assert.Equal("bad/TradingStateChange/reason_of_one_letter", added.Name);
            var step = Assert.Single(added.Steps);
            Assert.Equal("/api/v1/portfolios/PORT-001/trading-state", step.Request!.Path);
            Assert.Equal(400, step.Expect!.Status);
            Assert.Equal("GOV_INVALID_REQUEST", step.Expect.ReasonCode);
            Assert.Equal([new ViolationSpec("StringTooShort", "#/reason")], step.Expect.Violations);
        }
        finally
        {
            Directory.Delete(suite, recursive: true);
        }
    }
}
