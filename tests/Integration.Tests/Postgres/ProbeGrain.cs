namespace Polytraders.Integration.Tests.Postgres;

/// <summary>Test-only grain exercising the ADO.NET grain storage ("Default") and reminders.</summary>
public interface IProbeGrain : IGrainWithStringKey
{
    Task SetValueAsync(string value);

    Task<string?> GetValueAsync();

    Task RegisterReminderAsync(string name);

    Task<bool> HasReminderAsync(string name);
}

[GenerateSerializer]
public sealed class ProbeState
{
    [Id(0)]
    public string? Value { get; set; }
}

public sealed class ProbeGrain(
    [PersistentState("probe", "Default")] IPersistentState<ProbeState> state) : Grain, IProbeGrain, IRemindable
{
    public async Task SetValueAsync(string value)
    {
        state.State.Value = value;
        await state.WriteStateAsync();
    }

    public Task<string?> GetValueAsync() => Task.FromResult(state.State.Value);

    // Far enough out that it never fires during a test; only its persistence is under test.
    public Task RegisterReminderAsync(string name) =>
        this.RegisterOrUpdateReminder(name, TimeSpan.FromHours(1), TimeSpan.FromHours(1));

    public async Task<bool> HasReminderAsync(string name) => await this.GetReminder(name) is not null;

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
}
