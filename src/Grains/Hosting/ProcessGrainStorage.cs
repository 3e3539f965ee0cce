using System.Globalization;
using Orleans.Storage;

namespace Polytraders.Grains.Hosting;

/// <summary>
/// The embedded default's grain storage: each state's bytes in this process, under the same optimistic concurrency
/// (ETags) as a real store. Orleans' memory storage keeps states in storage grains, so every write was one more grain
/// call carrying a deep copy of the state's bytes (with the serialization, a tenth of the trading tape's CPU samples);
/// here a write is the state serialized (the silo's storage serializer, as on PostgreSQL) and kept. One silo only: a
/// second silo would not see these states, and the embedded default is a single silo.
/// </summary>
public sealed class ProcessGrainStorage(string name, IGrainStorageSerializer serializer) : IGrainStorage
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string StateName, GrainId Grain), Stored> _states = [];
    private long _lastETag;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Stored? stored;
        lock (_gate)
        {
            stored = _states.GetValueOrDefault((stateName, grainId));
        }

        grainState.State = stored is null ? Activator.CreateInstance<T>() : serializer.Deserialize<T>(stored.Data);
        grainState.ETag = stored?.ETag;
        grainState.RecordExists = stored is not null;
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var data = serializer.Serialize(grainState.State);
        lock (_gate)
        {
            var key = (stateName, grainId);
            Check(key, grainState.ETag);
            var etag = (++_lastETag).ToString(CultureInfo.InvariantCulture);
            _states[key] = new Stored(data, etag);
            grainState.ETag = etag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        lock (_gate)
        {
            var key = (stateName, grainId);
            Check(key, grainState.ETag);
            _states.Remove(key);
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
        return Task.CompletedTask;
    }

    /// <summary>A write must come from the version it read: another activation wrote since, and this one is stale.</summary>
    private void Check((string StateName, GrainId Grain) key, string? etag)
    {
        var current = _states.GetValueOrDefault(key)?.ETag;
        if (!string.Equals(current, etag, StringComparison.Ordinal))
        {
            throw new InconsistentStateException($"{name}: {key.StateName} of {key.Grain} is at version {current ?? "none"}, the write came from {etag ?? "none"}", current, etag);
        }
    }

    private sealed record Stored(BinaryData Data, string ETag);
}
