using System.Numerics;
using Polytraders.Polymarket.Crypto;

namespace Polytraders.Polymarket.Eip712;

/// <summary>
/// An EIP-712 domain. Only the members that are set take part in the EIP712Domain type, in the
/// order the standard lists them (name, version, chainId, verifyingContract, salt) — as ethers,
/// viem and eth_account do. The separator is computed once, at construction.
/// </summary>
public sealed class Eip712Domain
{
    private const string DomainTypeName = "EIP712Domain";
    private readonly byte[] _separator;

    public Eip712Domain(
        string? name = null,
        string? version = null,
        BigInteger? chainId = null,
        EthereumAddress? verifyingContract = null,
        Bytes32? salt = null)
    {
        Name = name;
        Version = version;
        ChainId = chainId;
        VerifyingContract = verifyingContract;
        Salt = salt;

        var fields = new List<Eip712Field>();
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        Add(fields, values, "name", "string", name);
        Add(fields, values, "version", "string", version);
        Add(fields, values, "chainId", "uint256", chainId);
        Add(fields, values, "verifyingContract", "address", verifyingContract);
        Add(fields, values, "salt", "bytes32", salt);
        Types = new Eip712TypeSet(new Dictionary<string, IReadOnlyList<Eip712Field>> { [DomainTypeName] = fields });
        _separator = Eip712Encoder.HashStruct(Types, DomainTypeName, values);
    }

    public string? Name { get; }

    public string? Version { get; }

    public BigInteger? ChainId { get; }

    public EthereumAddress? VerifyingContract { get; }

    public Bytes32? Salt { get; }

    /// <summary>The EIP712Domain struct type as this domain defines it.</summary>
    public Eip712TypeSet Types { get; }

    /// <summary>domainSeparator = hashStruct(EIP712Domain).</summary>
    public ReadOnlySpan<byte> Separator => _separator;

    private static void Add(List<Eip712Field> fields, Dictionary<string, object?> values, string name, string type, object? value)
    {
        if (value is null)
        {
            return;
        }

        fields.Add(new Eip712Field(name, type));
        values[name] = value;
    }
}
