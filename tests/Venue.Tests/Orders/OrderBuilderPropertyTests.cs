using System.Numerics;
using Polytraders.Polymarket.Crypto;
using Polytraders.Polymarket.Orders;
using Xunit.Abstractions;

namespace Polytraders.Venue.Tests.Orders;

/// <summary>
/// No input makes the order maths or the builder throw: each of thousands of random inputs (seeded, so every run is
/// the same) ends as a signed order or a refusal with its reason. The generator leans on the edges: negative, zero,
/// tiny, huge and many-decimal prices and sizes, prices near tick and 1 − tick, undefined sides and signature types,
/// missing funders, token ids outside uint256.
/// </summary>
public sealed class OrderBuilderPropertyTests(ITestOutputHelper output)
{
    private const int Seed = 20_261_113;
    private const int Cases = 4_000;

    [Fact]
    public void every_random_input_gives_an_order_or_a_refusal_never_an_exception()
    {
        using var signer = TestAccounts.Hardhat();
        var random = new Random(Seed);
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Cases; i++)
        {
            var input = OrderInput.Random(random);
            OrderResult<SignedOrderV2> result;
            try
            {
                var builder = new OrderBuilder(signer, input.Options, new FixedClock(input.At), () => input.Salt);
                result = input.Market
                    ? builder.BuildMarket(input.TokenId, input.Side, input.Size, input.Price, input.Rules)
                    : builder.BuildLimit(input.TokenId, input.Side, input.Price, input.Size, input.Rules);
            }
            catch (Exception ex)
            {
                Assert.Fail($"case {i} threw {ex.GetType().Name}: {ex.Message}\n{input}");
                return;
            }

            if (result.IsSuccess)
            {
                AssertSound(result.Value, input);
            }
            else
            {
                Assert.True(Enum.IsDefined(result.Refusal!.Value), $"case {i}: undefined refusal {result.Refusal}");
                Assert.False(string.IsNullOrWhiteSpace(result.Detail), $"case {i}: refusal without a detail");
            }

            var outcome = result.IsSuccess ? "signed" : result.Refusal!.Value.ToString();
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        output.WriteLine(Describe(outcomes));

        // The generator must reach both outcomes and every refusal, or the property says little.
        Assert.True(outcomes.GetValueOrDefault("signed") > Cases / 20, Describe(outcomes));
        Assert.All(Enum.GetValues<OrderRefusal>().Where(r => r != OrderRefusal.InvalidTickSize), r => Assert.True(outcomes.ContainsKey(r.ToString()), $"{r} never reached: {Describe(outcomes)}"));
    }

    private static void AssertSound(SignedOrderV2 signed, OrderInput input)
    {
        var order = signed.Order;
        Assert.True(order.MakerAmount > 0 && order.TakerAmount > 0, input.ToString());
        Assert.Equal(input.Side, order.Side);
        Assert.Equal(input.Options.SignatureType == OrderSignatureType.Poly1271 ? input.Options.Funder : TestAccounts.HardhatAddress, order.Signer);
        Assert.Equal(input.Options.Funder ?? TestAccounts.HardhatAddress, order.Maker);
        Assert.Equal(OrderSigning.ComputeOrderHash(order, CtfExchangeV2.Domain(input.Options.ChainId, input.Rules.NegRisk)), signed.OrderHash);
    }

    private static string Describe(Dictionary<string, int> outcomes) =>
        string.Join(", ", outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} {o.Value}"));

    private sealed record OrderInput(
        bool Market,
        OrderSide Side,
        decimal Price,
        decimal Size,
        MarketRules Rules,
        OrderBuilderOptions Options,
        BigInteger TokenId,
        ulong Salt,
        DateTimeOffset At)
    {
        public static OrderInput Random(Random random)
        {
            var tick = TickSize.All[random.Next(TickSize.All.Count)];
            return new OrderInput(
                Market: random.Next(2) == 0,
                Side: random.Next(20) == 0 ? (OrderSide)random.Next(2, 256) : (OrderSide)random.Next(2),
                Price: AnyPrice(random, tick),
                Size: AnySize(random),
                Rules: new MarketRules(tick, AnyMinimumOrderSize(random), NegRisk: random.Next(2) == 0),
                Options: AnyOptions(random),
                TokenId: AnyTokenId(random),
                Salt: (ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63),
                At: DateTimeOffset.FromUnixTimeMilliseconds(random.NextInt64(0, DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())));
        }

        private static decimal AnyPrice(Random random, TickSize tick) => random.Next(14) switch
        {
            0 => -AnyDecimal(random),
            1 => 0m,
            2 => AnyDecimal(random), // mostly ≥ 1, often huge
            3 => new decimal(random.Next(1, 1000), 0, 0, false, (byte)random.Next(10, 29)), // tiny
            4 => tick.Value + Jitter(random),
            5 => 1m - tick.Value + Jitter(random),
            6 => 1m - (tick.Value * (decimal)random.NextDouble()),
            7 => tick.Value * (decimal)random.NextDouble(),
            8 or 9 => Math.Round((decimal)random.NextDouble(), random.Next(1, 9)),
            _ => tick.Value * random.Next(1, (int)(1m / tick.Value)), // on the grid, in range
        };

        private static decimal AnySize(Random random) => random.Next(8) switch
        {
            0 => 0m,
            1 => -AnyDecimal(random),
            2 => AnyDecimal(random),
            3 => decimal.MaxValue,
            4 => new decimal(random.Next(), random.Next(), 0, false, (byte)random.Next(0, 29)), // many decimals
            5 => 18_446_744_073_709m + Math.Round((decimal)random.NextDouble(), 6), // about the 64-bit edge
            _ => Math.Round((decimal)(random.NextDouble() * 10_000), random.Next(0, 9)),
        };

        private static decimal AnyMinimumOrderSize(Random random) => random.Next(4) switch
        {
            0 => 0m,
            1 => 5m,
            2 => -1m,
            _ => Math.Round((decimal)(random.NextDouble() * 100), 2),
        };

        private static OrderBuilderOptions AnyOptions(Random random) => new(
            ChainId: random.Next(2) == 0 ? CtfExchangeV2.PolygonChainId : CtfExchangeV2.AmoyChainId,
            SignatureType: random.Next(20) == 0 ? (OrderSignatureType)random.Next(4, 256) : (OrderSignatureType)random.Next(4),
            Funder: random.Next(2) == 0 ? null : EthereumAddress.FromBytes(Bytes(random, 20)),
            BuilderCode: random.Next(2) == 0 ? default : Bytes32.FromBytes(Bytes(random, 32)),
            Metadata: random.Next(2) == 0 ? default : Bytes32.FromBytes(Bytes(random, 32)));

        private static BigInteger AnyTokenId(Random random) => random.Next(10) switch
        {
            0 => -new BigInteger(Bytes(random, 8), isUnsigned: true) - 1,
            1 => BigInteger.One << 256,
            2 => (BigInteger.One << 256) - 1,
            3 => BigInteger.Zero,
            _ => new BigInteger(Bytes(random, 32), isUnsigned: true),
        };

        private static decimal AnyDecimal(Random random) =>
            new decimal(random.Next(), random.Next(), random.Next(), false, (byte)random.Next(0, 29)) + random.Next(1, 1000);

        /// <summary>A few units at the 3rd to 11th decimal place, either way: just inside or outside a bound.</summary>
        private static decimal Jitter(Random random) => random.Next(-5, 6) / (decimal)Math.Pow(10, random.Next(3, 12));

        private static byte[] Bytes(Random random, int length)
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            return bytes;
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
