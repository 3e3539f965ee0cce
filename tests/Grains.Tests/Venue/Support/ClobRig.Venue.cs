using Microsoft.Extensions.Logging;
using Polytraders.Grains.Execution.Polymarket;
using Polytraders.Polymarket.Clob;

namespace Polytraders.Venue.Tests.Support;

/// <summary>The part of <see cref="ClobRig"/> that puts our venue over its client.</summary>
public sealed partial class ClobRig
{
    /// <summary>The orders the rig's venues submitted, one index for all of them as in a silo.</summary>
    public SubmittedOrderIndex Submitted { get; } = new();

    /// <summary>A <see cref="ClobVenue"/> trading for <paramref name="wallet"/>, with the default venue options.</summary>
    public ClobVenue Venue(TestWallet wallet) =>
        new(Client, new FixedAccount(wallet.Account), Submitted, Options, Microsoft.Extensions.Options.Options.Create(new ClobVenueOptions()), TimeProvider.System, _loggers.CreateLogger<ClobVenue>());

    private sealed class FixedAccount(ClobAccount account) : IClobAccountSource
    {
        public ValueTask<ClobAccount> GetAccountAsync(CancellationToken cancellationToken) => ValueTask.FromResult(account);
    }
}
