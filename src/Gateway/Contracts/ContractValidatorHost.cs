using Polytraders.Trading.Validation;

namespace Polytraders.Gateway.Contracts;

/// <summary>
/// Loads the contract validator once (schemas from beside the binaries plus <see cref="ContractRules.All"/>). Started as a
/// hosted service so a missing or broken schema stops the host at start instead of failing the first request.
/// </summary>
internal sealed class ContractValidatorHost(ILogger<ContractValidatorHost> log) : IHostedService
{
    private readonly Lazy<Task<ContractValidator>> _validator = new(() => LoadAsync(log), LazyThreadSafetyMode.ExecutionAndPublication);

    public Task<ContractValidator> GetAsync() => _validator.Value;

    public async Task StartAsync(CancellationToken cancellationToken) => await _validator.Value.WaitAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task<ContractValidator> LoadAsync(ILogger log)
    {
        var validator = await ContractValidator.LoadAsync(ContractRules.All).ConfigureAwait(false);
        GatewayLog.ContractsLoaded(log, validator.SchemaTitles.Count(), ContractValidator.DefaultDirectory);
        return validator;
    }
}
