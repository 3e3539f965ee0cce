using System.ComponentModel.DataAnnotations;

namespace Polytraders.Grains.Execution.Polymarket;

/// <summary>
/// How the silo uses the CLOB (section "Clob", beside the client's own
/// <see cref="Polytraders.Polymarket.Clob.ClobOptions"/>): which feeds the pumps subscribe to, whether orders are
/// posted post-only, and how often an owed back-fill is retried.
/// </summary>
public sealed class ClobVenueOptions : IValidatableObject
{
    public const string Section = "Clob";

    /// <summary>Post GTC/GTD orders as post-only (rejected rather than matched if they would cross).</summary>
    public bool PostOnly { get; set; }

    /// <summary>Token ids the market feed pump subscribes to (market channel "assets_ids").</summary>
    public List<string> MarketAssetIds { get; set; } = [];

    /// <summary>Condition ids the user feed subscribes to (user channel "markets"); empty means all of the account's.</summary>
    public List<string> UserMarkets { get; set; } = [];

    /// <summary>
    /// While the user feed pump owes a back-fill (the venue refused one, or a fill's hand-over was dropped), it retries
    /// GET /data/trades this often without waiting for another reconnect.
    /// </summary>
    public TimeSpan UserBackFillRetryInterval { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (UserBackFillRetryInterval <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Clob:UserBackFillRetryInterval must be positive.", [nameof(UserBackFillRetryInterval)]);
        }
    }
}
