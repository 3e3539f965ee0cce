using Microsoft.Extensions.DependencyInjection;
using Polytraders.Silo.Postgres;
using Xunit.Abstractions;

namespace Polytraders.Integration.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class OrleansOnPostgresTests(PostgresServer server, ITestOutputHelper output)
{
    private const int ActiveStatus = 3;

    [Fact]
    public async Task grain_state_and_reminders_survive_a_silo_restart_on_the_same_database()
    {
        var database = await server.CreateDatabaseAsync();
        await new PostgresMigrator(TestLogging.For<PostgresMigrator>(output)).ApplyAsync(database.ConnectionString, CancellationToken.None);
        var clusterId = $"it-{Guid.NewGuid():N}";

        var first = await PostgresSiloHost.StartAsync(database.ConnectionString, clusterId, output);
        try
        {
            var grain = first.Services.GetRequiredService<IGrainFactory>().GetGrain<IProbeGrain>("probe-1");
            await grain.SetValueAsync("written-before-restart");
            await grain.RegisterReminderAsync("nightly");
            Assert.Equal(1L, await database.ScalarAsync<long>(
                $"SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = '{clusterId}' AND Status = {ActiveStatus}"));
        }
        finally
        {
            await PostgresSiloHost.StopAsync(first);
        }

        var second = await PostgresSiloHost.StartAsync(database.ConnectionString, clusterId, output);
        try
        {
            var grain = second.Services.GetRequiredService<IGrainFactory>().GetGrain<IProbeGrain>("probe-1");

            Assert.Equal("written-before-restart", await grain.GetValueAsync());
            Assert.True(await grain.HasReminderAsync("nightly"));
            // Both incarnations are recorded: the stopped one and the running one.
            Assert.True(await database.ScalarAsync<long>(
                $"SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = '{clusterId}'") >= 2);
            Assert.Equal(1L, await database.ScalarAsync<long>(
                $"SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = '{clusterId}' AND Status = {ActiveStatus}"));
            Assert.Equal(1L, await database.ScalarAsync<long>(
                "SELECT count(*) FROM OrleansRemindersTable WHERE ReminderName = 'nightly'"));
            Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM OrleansStorage"));
        }
        finally
        {
            await PostgresSiloHost.StopAsync(second);
        }
    }
}
