using Polytraders.Polymarket.Crypto;
using Polytraders.Polymarket.Eip712;
using Polytraders.Polymarket.Signing;

namespace Polytraders.Venue.Tests.Eip712;

/// <summary>The worked example of the EIP-712 specification (assets/eip-712/Example.js).</summary>
public class Eip712MailExampleTests
{
    private static readonly Eip712TypeSet Types = new(new Dictionary<string, IReadOnlyList<Eip712Field>>
    {
        ["Person"] = [new("name", "string"), new("wallet", "address")],
        ["Mail"] = [new("from", "Person"), new("to", "Person"), new("contents", "string")],
    });

    private static readonly Eip712Domain Domain = new(
        name: "Ether Mail",
        version: "1",
        chainId: 1,
        verifyingContract: EthereumAddress.Parse("0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"));

    private static readonly IReadOnlyDictionary<string, object?> Mail = new Dictionary<string, object?>
    {
        ["from"] = new Dictionary<string, object?> { ["name"] = "Cow", ["wallet"] = "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826" },
        ["to"] = new Dictionary<string, object?> { ["name"] = "Bob", ["wallet"] = "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB" },
        ["contents"] = "Hello, Bob!",
    };

    [Fact]
    public void encode_type_lists_referenced_structs_after_the_primary_type()
    {
        Assert.Equal("Mail(Person from,Person to,string contents)Person(string name,address wallet)", Types.EncodeType("Mail"));
    }

    [Fact]
    public void type_hash_matches_the_specification()
    {
        Assert.Equal("a0cedeb2dc280ba39b857546d74f5549c3a1d7bdc2dd96bf881f76108e23dac2", Hex.ToHex(Types.TypeHash("Mail")));
    }

    [Fact]
    public void domain_separator_matches_the_specification()
    {
        Assert.Equal("f2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f", Hex.ToHex(Domain.Separator));
    }

    [Fact]
    public void hash_struct_matches_the_specification()
    {
        Assert.Equal("c52c0ee5d84264471806290a3f2c4cecfc5490626bf912d01f240d7a274b371e", Hex.ToHex(Eip712Encoder.HashStruct(Types, "Mail", Mail)));
    }

    [Fact]
    public void digest_matches_the_specification()
    {
        Assert.Equal("be609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2", Hex.ToHex(Eip712Encoder.Digest(Domain, Types, "Mail", Mail)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void cow_key_signature_matches_the_specification(bool native)
    {
        ISecp256k1 curve = native ? new NativeSecp256k1() : new ManagedSecp256k1();
        using var signer = new EthereumSigner(SigningKey.FromBytes(TestAccounts.CowKey), curve);
        var signature = new byte[65];
        signer.SignDigest(Eip712Encoder.Digest(Domain, Types, "Mail", Mail), signature);

        Assert.Equal("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826", signer.Address.ToString());
        Assert.Equal("4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d", Hex.ToHex(signature.AsSpan(0, 32)));
        Assert.Equal("07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b91562", Hex.ToHex(signature.AsSpan(32, 32)));
        Assert.Equal(28, signature[64]);
    }

    [Fact]
    public void a_missing_member_value_is_refused()
    {
        var incomplete = new Dictionary<string, object?> { ["name"] = "Cow" };
        Assert.Throws<ArgumentException>(() => Eip712Encoder.HashStruct(Types, "Person", incomplete));
    }

    [Fact]
    public void integers_that_do_not_fit_their_type_are_refused()
    {
        var types = new Eip712TypeSet(new Dictionary<string, IReadOnlyList<Eip712Field>> { ["T"] = [new("v", "uint8")] });
        Assert.Throws<ArgumentOutOfRangeException>(() => Eip712Encoder.HashStruct(types, "T", new Dictionary<string, object?> { ["v"] = 256UL }));
    }

    [Fact]
    public void negative_int_is_encoded_as_256_bit_twos_complement()
    {
        var types = new Eip712TypeSet(new Dictionary<string, IReadOnlyList<Eip712Field>> { ["T"] = [new("v", "int64")] });
        var minusOne = Eip712Encoder.HashStruct(types, "T", new Dictionary<string, object?> { ["v"] = -1L });
        var preimage = new byte[64];
        types.TypeHash("T").CopyTo(preimage);
        preimage.AsSpan(32).Fill(0xff);
        Assert.Equal(Keccak256.Hash(preimage), minusOne);
    }

    [Fact]
    public void bool_bytes_and_fixed_bytes_members_hash_as_the_standard_says()
    {
        var types = new Eip712TypeSet(new Dictionary<string, IReadOnlyList<Eip712Field>>
        {
            ["T"] = [new("flag", "bool"), new("data", "bytes"), new("tag", "bytes4")],
        });
        var hash = Eip712Encoder.HashStruct(types, "T", new Dictionary<string, object?>
        {
            ["flag"] = true,
            ["data"] = new byte[] { 1, 2, 3 },
            ["tag"] = "0xdeadbeef",
        });

        var preimage = new byte[128];
        types.TypeHash("T").CopyTo(preimage);
        preimage[63] = 1;
        Keccak256.Hash(new byte[] { 1, 2, 3 }).CopyTo(preimage, 64);
        new byte[] { 0xde, 0xad, 0xbe, 0xef }.CopyTo(preimage, 96);
        Assert.Equal("T(bool flag,bytes data,bytes4 tag)", types.EncodeType("T"));
        Assert.Equal(Keccak256.Hash(preimage), hash);
    }

    [Fact]
    public void array_types_are_reported_as_unsupported()
    {
        Assert.Throws<NotSupportedException>(() => new Eip712TypeSet(new Dictionary<string, IReadOnlyList<Eip712Field>> { ["T"] = [new("v", "uint256[]")] }));
    }
}
