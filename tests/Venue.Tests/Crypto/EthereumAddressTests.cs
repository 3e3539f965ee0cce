using Polytraders.Polymarket.Crypto;

namespace Polytraders.Venue.Tests.Crypto;

public class EthereumAddressTests
{
    // EIP-55's own examples (eips.ethereum.org/EIPS/eip-55, "Test Cases").
    [Theory]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    [InlineData("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB")]
    [InlineData("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")]
    public void prints_the_eip55_checksum(string checksummed)
    {
        Assert.Equal(checksummed, EthereumAddress.Parse(checksummed.ToLowerInvariant()).ToString());
    }

    [Fact]
    public void mixed_case_with_a_bad_checksum_is_refused()
    {
        Assert.Throws<FormatException>(() => EthereumAddress.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"));
    }

    [Fact]
    public void wrong_length_is_refused()
    {
        Assert.Throws<FormatException>(() => EthereumAddress.Parse("0x1234"));
    }

    [Fact]
    public void lower_hex_form_is_prefixed_lowercase()
    {
        Assert.Equal("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", TestAccounts.HardhatAddress.ToLowerHex());
    }
}
