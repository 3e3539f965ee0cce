namespace Polytraders.Polymarket.Clob;

/// <summary>Where the venue and the user feed get the account's L2 credentials.</summary>
public interface IClobAccountSource
{
    ValueTask<ClobAccount> GetAccountAsync(CancellationToken cancellationToken);
}
