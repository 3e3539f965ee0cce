using Polytraders.Contracts;
using Polytraders.Silo;
using Polytraders.Silo.Hosting;

namespace Polytraders.Integration.Tests.Durable;

// No database: the refusal happens while the host is built, before anything connects.
public sealed class SiloStartupTests
{
    [Theory]
    [InlineData("--Mode=live")]
    [InlineData("--Signing:IsDevelopmentKey=false")]
    public void a_silo_that_could_trade_live_refuses_to_start_on_in_memory_storage(string setting)
    {
        var error = Assert.Throws<DurableStorageRequiredException>(() => SiloHost.Build(["--Storage:Provider=Memory", setting]));

        Assert.StartsWith(ReasonCodes.GovLiveRequiresDurableStorage, error.Message, StringComparison.Ordinal);
        Assert.Equal(ReasonCodes.GovLiveRequiresDurableStorage, error.ReasonCode);
    }

    [Fact]
    public async Task the_command_line_exits_non_zero_and_names_the_reason_code()
    {
        var stderr = Console.Error;
        using var captured = new StringWriter();
        Console.SetError(captured);
        int exit;
        try
        {
            exit = await SiloCommands.RunAsync(["--Storage:Provider=Memory", "--Mode=live"]);
        }
        finally
        {
            Console.SetError(stderr);
        }

        Assert.Equal(2, exit);
        Assert.Contains(ReasonCodes.GovLiveRequiresDurableStorage, captured.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_paper_silo_with_the_development_key_builds_on_in_memory_storage()
    {
        await using var app = SiloHost.Build(["--Storage:Provider=Memory", "--Mode=paper"]);

        Assert.NotNull(app.Services);
    }

    [Fact]
    public void an_unknown_mode_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => SiloHost.Build(["--Mode=yolo"]));
    }
}
