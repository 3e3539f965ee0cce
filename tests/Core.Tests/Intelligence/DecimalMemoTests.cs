using Polytraders.Grains.Intelligence;

namespace Polytraders.Core.Tests.Intelligence;

public sealed class DecimalMemoTests
{
    [Fact]
    public void a_repeated_key_is_computed_once()
    {
        var calls = 0;
        var memo = new DecimalMemo(x => { calls++; return x * 2m; });

        Assert.Equal(0.84m, memo[0.42m]);
        Assert.Equal(0.84m, memo[0.42m]);
        Assert.Equal(1, calls);
    }

    [Fact]
    public void equal_values_of_different_scale_are_different_keys_so_the_result_keeps_its_scale()
    {
        var memo = new DecimalMemo(x => x / 3m);

        var coarse = memo[0.1m];
        var fine = memo[0.10m];

        Assert.Equal((0.1m / 3m).ToString(System.Globalization.CultureInfo.InvariantCulture), coarse.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((0.10m / 3m).ToString(System.Globalization.CultureInfo.InvariantCulture), fine.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void negative_zero_and_zero_are_remembered_apart()
    {
        var calls = 0;
        var memo = new DecimalMemo(x => { calls++; return x; });
        var negativeZero = decimal.Negate(0m);

        _ = memo[0m];
        _ = memo[negativeZero];

        Assert.Equal(2, calls);
    }

    [Fact]
    public void keys_sharing_a_slot_never_return_each_others_results()
    {
        var memo = new DecimalMemo(x => x + 1m);

        // 256 slots: many more keys than slots forces collisions; every answer must still be its own.
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 2048; i++)
            {
                var key = i / 1000m;
                Assert.Equal(key + 1m, memo[key]);
            }
        }
    }
}

public sealed class DecimalPairMemoTests
{
    [Fact]
    public void pairs_are_remembered_by_both_values_and_never_mixed_up()
    {
        var calls = 0;
        var memo = new DecimalPairMemo((a, b) => { calls++; return a / b; });

        Assert.Equal(0.5m, memo[1m, 2m]);
        Assert.Equal(2m, memo[2m, 1m]);
        Assert.Equal(0.5m, memo[1m, 2m]);
        Assert.Equal(2, calls);
        for (var i = 1; i < 1000; i++)
        {
            Assert.Equal(i / 7m, memo[i, 7m]);
        }
    }
}
