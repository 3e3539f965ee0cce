using Polytraders.Polymarket.Auth;

namespace Polytraders.Venue.Tests.Auth;

public class AuthenticationTests
{
    private const string ZeroSecret = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    // clob-client-v2 tests/signing via rs-clob-client src/auth.rs l1_headers_should_succeed and
    // py-clob-client tests/signing/test_eip712.py: Hardhat key, Amoy, timestamp 10000000, nonce 23.
    [Fact]
    public void clob_auth_signature_on_amoy_matches_the_reference_clients()
    {
        using var signer = TestAccounts.Hardhat();
        var headers = ClobAuth.CreateL1Headers(signer, chainId: 80002, timestampSeconds: 10_000_000, nonce: 23);

        Assert.Equal(
            "0xf62319a987514da40e57e2f4d7529f7bac38f0355bd88bb5adbb3768d80de6c1682518e0af677d5260366425f4361e7b70c25ae232aff0ab2331e2b164a1aedc1b",
            headers[PolyHeaderNames.Signature]);
        Assert.Equal("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", headers[PolyHeaderNames.Address]);
        Assert.Equal("10000000", headers[PolyHeaderNames.Timestamp]);
        Assert.Equal("23", headers[PolyHeaderNames.Nonce]);
    }

    // clob-client (V1) tests/signing/eip712.test.ts on Mumbai (chain 80001): the chain id is in the domain.
    [Fact]
    public void clob_auth_signature_on_mumbai_matches_the_v1_reference_vector()
    {
        using var signer = TestAccounts.Hardhat();
        var headers = ClobAuth.CreateL1Headers(signer, chainId: 80001, timestampSeconds: 10_000_000, nonce: 23);
        Assert.Equal(
            "0xd91760ebcb14e814e9e12600b9bc7cd6bf13ebc175f6a28538b4925763f94f90012da34dd71290d441c28bc4f9b2281d3eb9ecfd1c9a63db1ce9ca85c89c914c1b",
            headers[PolyHeaderNames.Signature]);
    }

    // clob-client-v2 tests/signing/hmac.test.ts and py-clob-client-v2 tests/signing/test_hmac.py.
    [Fact]
    public void hmac_of_a_spaced_json_body_matches_the_typescript_and_python_clients()
    {
        Assert.Equal(
            "ZwAdJKvoYRlEKDkNMwd5BuwNNtg93kNaR_oU2HrfVvc=",
            L2Authentication.Sign(ZeroSecret, 1_000_000, "test-sign", "/orders", "{\"hash\": \"0x123\"}"));
    }

    // rs-clob-client src/auth.rs hmac_succeeds (compact serde_json body).
    [Fact]
    public void hmac_of_a_compact_json_body_matches_the_rust_client()
    {
        Assert.Equal(
            "4gJVbox-R6XlDK4nlaicig0_ANVL1qdcahiL8CXfXLM=",
            L2Authentication.Sign(ZeroSecret, 1_000_000, "test-sign", "/orders", "{\"hash\":\"0x123\"}"));
    }

    // rs-clob-client src/auth.rs l2_headers_should_succeed: GET / at timestamp 1, no body.
    [Fact]
    public void l2_headers_for_a_bodiless_get_match_the_rust_client()
    {
        var credentials = new ApiCredentials("00000000-0000-0000-0000-000000000000", ZeroSecret, new string('a', 64));
        var headers = L2Authentication.CreateL2Headers(TestAccounts.HardhatAddress, credentials, 1, "GET", "/");

        Assert.Equal("eHaylCwqRSOa2LFD77Nt_SaTpbsxzN8eTEI3LryhEj4=", headers[PolyHeaderNames.Signature]);
        Assert.Equal("1", headers[PolyHeaderNames.Timestamp]);
        Assert.Equal(credentials.Key, headers[PolyHeaderNames.ApiKey]);
        Assert.Equal(credentials.Passphrase, headers[PolyHeaderNames.Passphrase]);
        Assert.Equal("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", headers[PolyHeaderNames.Address]);
    }

    [Fact]
    public void no_body_and_empty_body_sign_the_same()
    {
        Assert.Equal(L2Authentication.Sign(ZeroSecret, 1, "GET", "/"), L2Authentication.Sign(ZeroSecret, 1, "GET", "/", string.Empty));
    }

    [Fact]
    public void url_safe_and_unpadded_secrets_decode_like_their_standard_form()
    {
        var standard = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i * 37)).ToArray());
        var urlSafe = standard.Replace('+', '-').Replace('/', '_').TrimEnd('=');
        Assert.Equal(L2Authentication.Sign(standard, 5, "POST", "/order", "{}"), L2Authentication.Sign(urlSafe, 5, "POST", "/order", "{}"));
    }

    [Fact]
    public void a_secret_that_is_not_base64_is_refused_without_echoing_it()
    {
        var error = Assert.Throws<FormatException>(() => L2Authentication.Sign("!!!notbase64!!!", 1, "GET", "/"));
        Assert.DoesNotContain("notbase64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void api_credentials_never_print_secret_or_passphrase()
    {
        var text = new ApiCredentials("key-1", "c2VjcmV0", "pass-phrase").ToString();
        Assert.DoesNotContain("c2VjcmV0", text, StringComparison.Ordinal);
        Assert.DoesNotContain("pass-phrase", text, StringComparison.Ordinal);
    }
}
