using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Polytraders.Contracts;
using Polytraders.Trading.Audit;

namespace Polytraders.Silo.Postgres;

/// <summary>
/// The audit trail in PostgreSQL (<c>audit_envelope</c>, migrations 0005 and 0006). Append-only INSERTs; the chain's
/// uniqueness (chain_id, sequence) and the envelope id (primary key) turn into <see cref="AuditConflictException"/> and
/// <see cref="AuditDuplicateEnvelopeException"/>. The body is the envelope's canonical contract JSON as jsonb; the
/// columns beside it are copies for indexes.
/// </summary>
/// <remarks>
/// A row is read back as its body with every copied column laid over it, so editing either the body or a column shows
/// up as a hash that no longer matches (jsonb may reorder keys and whitespace, but the contract it holds, serialised
/// again with <see cref="ContractJson"/>, is the hashed text). Reviewer queries page by the keyset
/// (occurred_at, envelope_id), oldest first.
/// </remarks>
public sealed class PostgresAuditStore : IAuditStore, IAsyncDisposable, IDisposable
{
    public const string ChainSequenceConstraint = "uq_audit_envelope_chain_sequence";
    public const string PrimaryKeyConstraint = "pk_audit_envelope";
    public const int MaxPageSize = 1000;

    private const string Columns =
        "envelope_id, chain_id, sequence, prev_hash, hash, occurred_at, tenant_id, portfolio_id, strategy_id, launch_id, backtest_id, mode, badge, reason_code, body";

    private const string CursorVersion = "v1";

    private static readonly Dictionary<AuditEnvelopeMode, string> ModeNames = Enum.GetValues<AuditEnvelopeMode>().ToDictionary(m => m, JsonName);
    private static readonly Dictionary<string, AuditEnvelopeMode> ModesByName = ModeNames.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    private static readonly Dictionary<Badge, string> BadgeNames = Enum.GetValues<Badge>().ToDictionary(b => b, JsonName);
    private static readonly Dictionary<string, Badge> BadgesByName = BadgeNames.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;

    public PostgresAuditStore(string connectionString)
        : this(NpgsqlDataSource.Create(connectionString), ownsDataSource: true)
    {
    }

    public PostgresAuditStore(NpgsqlDataSource dataSource, bool ownsDataSource = false)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
    }

    public async Task AppendAsync(string chainId, IReadOnlyList<AuditEnvelope> envelopes, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(chainId);
        ArgumentNullException.ThrowIfNull(envelopes);
        if (envelopes.Count == 0)
        {
            return;
        }

        // One batch is one round trip and one implicit transaction: every row is stored, or none.
        await using var batch = _dataSource.CreateBatch();
        foreach (var envelope in envelopes)
        {
            batch.BatchCommands.Add(InsertOf(chainId, envelope));
        }

        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == ChainSequenceConstraint)
        {
            throw new AuditConflictException(chainId, envelopes[0].Sequence);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == PrimaryKeyConstraint)
        {
            throw new AuditDuplicateEnvelopeException(await StoredIdAsync(envelopes, cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>The first of the envelopes whose id is stored already (the batch was rolled back; the row is an earlier one).</summary>
    private async Task<Guid> StoredIdAsync(IReadOnlyList<AuditEnvelope> envelopes, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT envelope_id FROM audit_envelope WHERE envelope_id = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. envelopes.Select(e => e.EnvelopeId)] });
        var stored = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            stored.Add(reader.GetGuid(0));
        }

        if (envelopes.FirstOrDefault(e => stored.Contains(e.EnvelopeId)) is { } storedBefore)
        {
            return storedBefore.EnvelopeId;
        }

        // None was stored before: the batch repeats an id of its own.
        return envelopes.GroupBy(e => e.EnvelopeId).FirstOrDefault(g => g.Count() > 1)?.Key ?? envelopes[0].EnvelopeId;
    }

    private static NpgsqlBatchCommand InsertOf(string chainId, AuditEnvelope envelope)
    {
        var command = new NpgsqlBatchCommand(
            """
            INSERT INTO audit_envelope
                (envelope_id, chain_id, sequence, prev_hash, hash, occurred_at, tenant_id, portfolio_id, strategy_id,
                 launch_id, backtest_id, mode, badge, reason_code, body)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = envelope.EnvelopeId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = chainId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = envelope.Sequence });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = envelope.PrevHash });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = envelope.Hash });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = envelope.OccurredAt.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = envelope.TenantId });
        command.Parameters.Add(Text(envelope.PortfolioId));
        command.Parameters.Add(Text(envelope.StrategyId));
        command.Parameters.Add(Text(envelope.LaunchId));
        command.Parameters.Add(Text(envelope.BacktestId));
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ModeNames[envelope.Mode] });
        command.Parameters.Add(Text(envelope.Badge is { } badge ? BadgeNames[badge] : null));
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = envelope.ReasonCode });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ContractJson.Serialize(envelope), NpgsqlDbType = NpgsqlDbType.Jsonb });
        return command;
    }

    public async Task<AuditEnvelope?> GetHeadAsync(string chainId, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"SELECT {Columns} FROM audit_envelope WHERE chain_id = $1 ORDER BY sequence DESC LIMIT 1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = chainId });
        return (await ReadAsync(command, cancellationToken).ConfigureAwait(false)).Select(r => r.Envelope).SingleOrDefault();
    }

    public async Task<AuditEnvelope?> GetAsync(string chainId, Guid envelopeId, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"SELECT {Columns} FROM audit_envelope WHERE envelope_id = $1 AND chain_id = $2");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = envelopeId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = chainId });
        return (await ReadAsync(command, cancellationToken).ConfigureAwait(false)).Select(r => r.Envelope).SingleOrDefault();
    }

    public async Task<IReadOnlyList<AuditEnvelope>> ReadChainAsync(string chainId, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var command = _dataSource.CreateCommand(
            $"SELECT {Columns} FROM audit_envelope WHERE chain_id = $1 AND sequence > $2 ORDER BY sequence LIMIT $3");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = chainId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterSequence });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        return [.. (await ReadAsync(command, cancellationToken).ConfigureAwait(false)).Select(r => r.Envelope)];
    }

    public async Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = query.PageSize;
        var sql = new StringBuilder($"SELECT {Columns} FROM audit_envelope WHERE badge IS NULL");
        var parameters = new List<NpgsqlParameter>();

        void Where(string column, string op, NpgsqlParameter parameter)
        {
            parameters.Add(parameter);
            sql.Append(CultureInfo.InvariantCulture, $" AND {column} {op} ${parameters.Count}");
        }

        if (query.PortfolioId is { } portfolioId)
        {
            Where("portfolio_id", "=", new NpgsqlParameter<string> { TypedValue = portfolioId });
        }

        if (query.StrategyId is { } strategyId)
        {
            Where("strategy_id", "=", new NpgsqlParameter<string> { TypedValue = strategyId });
        }

        if (query.LaunchId is { } launchId)
        {
            Where("launch_id", "=", new NpgsqlParameter<string> { TypedValue = launchId });
        }

        if (query.ReasonCode is { } reasonCode)
        {
            Where("reason_code", "=", new NpgsqlParameter<string> { TypedValue = reasonCode });
        }

        if (query.Since is { } since)
        {
            Where("occurred_at", ">=", new NpgsqlParameter<DateTimeOffset> { TypedValue = since.ToUniversalTime() });
        }

        if (query.Until is { } until)
        {
            Where("occurred_at", "<", new NpgsqlParameter<DateTimeOffset> { TypedValue = until.ToUniversalTime() });
        }

        if (query.Cursor is { } cursor)
        {
            var (at, id) = DecodeCursor(cursor);
            parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = at });
            parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
            sql.Append(CultureInfo.InvariantCulture, $" AND (occurred_at, envelope_id) > (${parameters.Count - 1}, ${parameters.Count})");
        }

        parameters.Add(new NpgsqlParameter<int> { TypedValue = limit + 1 });
        sql.Append(CultureInfo.InvariantCulture, $" ORDER BY occurred_at, envelope_id LIMIT ${parameters.Count}");

        await using var command = _dataSource.CreateCommand(sql.ToString());
        command.Parameters.AddRange(parameters.ToArray());
        var rows = await ReadAsync(command, cancellationToken).ConfigureAwait(false);
        var more = rows.Count > limit;
        var page = more ? rows.GetRange(0, limit) : rows;
        return new AuditPage
        {
            Items = [.. page.Select(r => r.Envelope)],
            NextCursor = more ? EncodeCursor(page[^1].OccurredAtColumn, page[^1].Envelope.EnvelopeId) : null,
        };
    }

    public ValueTask DisposeAsync() => _ownsDataSource ? _dataSource.DisposeAsync() : ValueTask.CompletedTask;

    public void Dispose()
    {
        if (_ownsDataSource)
        {
            _dataSource.Dispose();
        }
    }

    internal static string EncodeCursor(DateTimeOffset occurredAt, Guid envelopeId)
    {
        var micros = (occurredAt.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
        var text = string.Create(CultureInfo.InvariantCulture, $"{CursorVersion}|{micros}|{envelopeId:N}");
        return Base64Url.EncodeToString(Encoding.ASCII.GetBytes(text));
    }

    /// <summary>Reads a cursor this store handed out; anything else is a <see cref="FormatException"/>.</summary>
    internal static (DateTimeOffset OccurredAt, Guid EnvelopeId) DecodeCursor(string cursor)
    {
        string text;
        try
        {
            text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException e)
        {
            throw new FormatException("The audit cursor is not one this store handed out.", e);
        }

        var parts = text.Split('|');
        if (parts.Length != 3
            || parts[0] != CursorVersion
            || !long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var micros)
            || micros < 0
            || micros > (DateTimeOffset.MaxValue.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10
            || !Guid.TryParseExact(parts[2], "N", out var id))
        {
            throw new FormatException("The audit cursor is not one this store handed out.");
        }

        return (DateTimeOffset.UnixEpoch.AddTicks(micros * 10), id);
    }

    private static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    private static async Task<List<Row>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<Row>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(ReadRow(reader));
        }

        return rows;
    }

    private static Row ReadRow(NpgsqlDataReader reader)
    {
        var envelopeId = reader.GetGuid(0);
        var sequence = reader.GetInt64(2);
        var prevHash = reader.GetString(3);
        var hash = reader.GetString(4);
        var occurredAt = reader.GetFieldValue<DateTimeOffset>(5);
        var tenantId = reader.GetString(6);
        var portfolioId = reader.IsDBNull(7) ? null : reader.GetString(7);
        var strategyId = reader.IsDBNull(8) ? null : reader.GetString(8);
        var launchId = reader.IsDBNull(9) ? null : reader.GetString(9);
        var backtestId = reader.IsDBNull(10) ? null : reader.GetString(10);
        var modeText = reader.GetString(11);
        var badgeText = reader.IsDBNull(12) ? null : reader.GetString(12);
        var reasonCode = reader.GetString(13);
        var body = reader.GetString(14);

        AuditEnvelope? fromBody;
        try
        {
            fromBody = ContractJson.Deserialize<AuditEnvelope>(body);
        }
        catch (JsonException)
        {
            fromBody = null;
        }

        // An unreadable body cannot be re-hashed: the row still takes its place in the chain, with content that
        // cannot match its stored hash, so verification names it.
        var envelope = fromBody ?? new AuditEnvelope
        {
            EnvelopeId = envelopeId,
            Sequence = sequence,
            PrevHash = prevHash,
            Hash = hash,
            OccurredAt = occurredAt,
            TenantId = tenantId,
            PortfolioId = portfolioId,
            Mode = AuditEnvelopeMode.Paper,
            ReasonCode = reasonCode,
            BuilderCode = string.Empty,
            Actor = string.Empty,
            Payload = new AuditPayload { Kind = AuditPayloadKind.Governance, Detail = "the stored body is not an audit envelope" },
        };

        // The columns are copies of body fields; where one differs (beyond timestamptz's microsecond precision), the
        // column wins, so the re-hash fails instead of a query filtering on a value the hashed envelope does not hold.
        envelope = envelope with
        {
            EnvelopeId = envelopeId,
            Sequence = sequence,
            PrevHash = prevHash,
            Hash = hash,
            OccurredAt = Math.Abs((envelope.OccurredAt - occurredAt).Ticks) < 10 ? envelope.OccurredAt : occurredAt,
            TenantId = tenantId,
            PortfolioId = portfolioId,
            StrategyId = strategyId,
            LaunchId = launchId,
            BacktestId = backtestId,
            Mode = ModesByName.TryGetValue(modeText, out var mode) ? mode : (AuditEnvelopeMode)(-1),
            Badge = badgeText is null ? null : BadgesByName.TryGetValue(badgeText, out var badge) ? badge : (Badge)(-1),
            ReasonCode = reasonCode,
        };
        return new Row(envelope, occurredAt);
    }

    private static string JsonName<T>(T value)
        where T : struct, Enum => JsonSerializer.Deserialize<string>(ContractJson.Serialize(value))!;

    private sealed record Row(AuditEnvelope Envelope, DateTimeOffset OccurredAtColumn);
}
