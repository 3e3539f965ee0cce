using Polytraders.Polymarket.Auth;
using Polytraders.Polymarket.Crypto;

namespace Polytraders.Polymarket.Clob;

/// <summary>
/// The L2 identity of every authenticated request: the address the API key belongs to (POLY_ADDRESS, the signing
/// EOA) and the key, secret and passphrase. <see cref="ToString"/> shows the address only.
/// </summary>
public sealed record ClobAccount(EthereumAddress Address, ApiCredentials Credentials)
{
    public override string ToString() => $"ClobAccount(Address = {Address}, credentials redacted)";
}
