using Polytraders.Polymarket.Crypto;

namespace Polytraders.Venue.Tests.Crypto;

public class KeccakAndHexTests
{
    [Fact]
    public void keccak_of_empty_input_is_the_ethereum_empty_hash()
    {
        Assert.Equal("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470", Hex.ToHex(Keccak256.Hash([])));
    }

    [Fact]
    public void keccak_of_cow_is_the_eip712_example_private_key()
    {
        Assert.Equal("c85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaf4", Hex.ToHex(Keccak256.HashUtf8("cow")));
    }

    [Fact]
    public void hex_round_trips_with_or_without_prefix()
    {
        Assert.Equal(new byte[] { 0x00, 0xab, 0xff }, Hex.Decode("0x00abff"));
        Assert.Equal(new byte[] { 0x00, 0xab, 0xff }, Hex.Decode("00ABFF"));
        Assert.Equal("0x00abff", Hex.ToPrefixedHex(new byte[] { 0x00, 0xab, 0xff }));
    }

    [Fact]
    public void hex_with_an_odd_number_of_digits_is_refused()
    {
        Assert.Throws<FormatException>(() => Hex.Decode("0xabc"));
    }

    [Fact]
    public void bytes32_prints_lowercase_prefixed_hex_and_parses_back()
    {
        var text = "0x" + string.Concat(Enumerable.Repeat("ab", 32));
        Assert.Equal(text, Bytes32.Parse(text).ToString());
        Assert.Equal("0x" + new string('0', 64), Bytes32.Zero.ToString());
    }
}
