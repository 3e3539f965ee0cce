using System.Text.Json;
using Orleans.Storage;
using Polytraders.Grains.Hosting;

namespace Polytraders.Grains.Tests.Hosting;

/// <summary>The embedded default's grain storage keeps a copy per state and refuses a write from a stale version.</summary>
public sealed class ProcessGrainStorageTests
{
    private static readonly GrainId Grain = GrainId.Create("risk", "PORT-001");

    [Fact]
    public async Task a_missing_state_reads_as_new_and_a_written_one_reads_back_as_a_copy()
    {
        var storage = Storage();
        var first = new GrainState<Book> { State = new Book { Orders = ["a"] } };

        await storage.ReadStateAsync("risk", Grain, first);
        Assert.False(first.RecordExists);
        Assert.Null(first.ETag);
        Assert.Empty(first.State!.Orders);

        first.State!.Orders.Add("b");
        await storage.WriteStateAsync("risk", Grain, first);
        first.State!.Orders.Add("changed after the write");
        var second = new GrainState<Book>();
        await storage.ReadStateAsync("risk", Grain, second);

        Assert.True(second.RecordExists);
        Assert.Equal(first.ETag, second.ETag);
        Assert.Equal(["b"], second.State!.Orders);
    }

    [Fact]
    public async Task a_write_from_a_stale_version_is_refused_and_stores_nothing()
    {
        var storage = Storage();
        var current = new GrainState<Book>();
        var stale = new GrainState<Book>();
        await storage.ReadStateAsync("risk", Grain, current);
        await storage.ReadStateAsync("risk", Grain, stale);
        current.State!.Orders.Add("kept");
        await storage.WriteStateAsync("risk", Grain, current);

        stale.State!.Orders.Add("lost");
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("risk", Grain, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("risk", Grain, stale));

        var read = new GrainState<Book>();
        await storage.ReadStateAsync("risk", Grain, read);
        Assert.Equal(["kept"], read.State!.Orders);
        await storage.ClearStateAsync("risk", Grain, read);
        Assert.False(read.RecordExists);
        await storage.ReadStateAsync("risk", Grain, read);
        Assert.Empty(read.State!.Orders);
    }

    [Fact]
    public async Task states_are_kept_apart_by_name_and_grain()
    {
        var storage = Storage();
        var risk = new GrainState<Book> { State = new Book { Orders = ["risk"] } };
        await storage.WriteStateAsync("risk", Grain, risk);

        var other = new GrainState<Book>();
        await storage.ReadStateAsync("book", Grain, other);
        Assert.False(other.RecordExists);
        await storage.ReadStateAsync("risk", GrainId.Create("risk", "PORT-002"), other);
        Assert.False(other.RecordExists);
    }

    private static ProcessGrainStorage Storage() => new("test", new JsonSerializer());

    public sealed class Book
    {
        public List<string> Orders { get; set; } = [];
    }

    private sealed class JsonSerializer : IGrainStorageSerializer
    {
        public BinaryData Serialize<T>(T? input) => BinaryData.FromBytes(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(input));

        public T Deserialize<T>(BinaryData input) => input.ToObjectFromJson<T>(JsonSerializerOptions.Default)!;
    }
}
