using Polytraders.Grains.Contracts;

namespace Polytraders.Silo;

/// <summary>The silo's command line: no command runs the silo; the others are tools an operator runs by hand.</summary>
public static class SiloCommands
{
    public static async Task<int> RunAsync(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "verify-contracts":
                return await VerifyContractsAsync(args.Skip(1).FirstOrDefault() ?? "fixtures");
            case "help" or "--help" or "-h":
                await Console.Out.WriteLineAsync("usage: Polytraders.Silo [verify-contracts [fixtures-dir]]  (no command: run the silo)");
                return 0;
            default:
                await SiloHost.Build(args).RunAsync();
                return 0;
        }
    }

    private static async Task<int> VerifyContractsAsync(string fixtures)
    {
        var validator = await ContractValidator.LoadAsync(ContractRules.All);
        var results = FixtureVerifier.Verify(validator, fixtures);
        foreach (var result in results)
        {
            await Console.Out.WriteLineAsync(result.ToString());
        }

        var failed = results.Count(r => !r.Passed);
        await Console.Out.WriteLineAsync($"{results.Count - failed} fixtures verified, {failed} failed");
        return failed == 0 ? 0 : 1;
    }
}
