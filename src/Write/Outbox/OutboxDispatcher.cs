using System.Data.Common;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Saas.Contracts;
using Saas.Tenancy.Catalog;
using Saas.Tenancy.Context;
using Saas.Tenancy.Storage;

namespace Saas.Write.Outbox;

/// <summary>
/// Publishes outbox rows of every data database (the pooled one and each siloed tenant's) to the bus.
/// </summary>
/// <remarks>
/// Works across tenants through the owner connection, so it runs inside the one logged system bypass.
/// Rows are claimed with a lease in a short transaction (<c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL; SQLite
/// serialises writers) that commits before anything is published; then they are published outside any transaction
/// with a bounded timeout, and marked in a second short transaction — only while this claim still holds them.
/// Several dispatchers can run at once without publishing a row twice. A crash after publishing publishes the row
/// again once the lease runs out; consumers are idempotent for that. Nothing is claimed before the bus is ready
/// (<see cref="IOutboxTransport.IsReady"/>): its consumers' queues must exist, or the broker would drop the events.
/// </remarks>
public sealed class OutboxDispatcher(
    TenantScopes scopes,
    TenantDatabases databases,
    IOutboxTransport transport,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger)
{
    static OutboxDispatcher() => DapperGuids.EnsureConfigured();

    /// <summary>One pass over every data database; returns how many rows were published.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken = default)
    {
        await using var system = scopes.BeginSystemScope("outbox dispatch (one pass)");
        return await DispatchOnceAsync(system, cancellationToken);
    }

    public async Task<int> DispatchOnceAsync(SystemAccess system, CancellationToken cancellationToken)
    {
        await transport.WaitUntilReadyAsync(cancellationToken);
        var published = 0;
        var tenants = await system.Services.GetRequiredService<TenantCatalog>().ListAllAsync(cancellationToken);
        var known = tenants.Select(t => t.Id).ToHashSet();
        foreach (var connectionString in databases.AllAdminConnectionStrings(tenants))
        {
            try
            {
                published += await DispatchDatabaseAsync(connectionString, known, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // One unreachable siloed database must not hold up every other tenant's events.
                logger.LogError(e, "Outbox dispatch failed for one data database; the others continue");
            }
        }

        return published;
    }

    /// <summary>Puts parked rows back in the queue (after the cause was fixed); returns how many.</summary>
    public async Task<int> ReplayParkedAsync(CancellationToken cancellationToken = default)
    {
        await using var system = scopes.BeginSystemScope("outbox replay of parked messages");
        var replayed = 0;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var connectionString in await DataDatabasesAsync(system, cancellationToken))
        {
            await using var connection = await OpenAsync(connectionString, cancellationToken);
            replayed += await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE outbox SET parked = @No, attempts = 0, next_attempt_utc = @Now, last_error = NULL, claim_id = NULL
                WHERE parked AND published_utc IS NULL
                """,
                new { No = false, Now = now },
                cancellationToken: cancellationToken));
        }

        logger.LogInformation("Replayed {Count} parked outbox message(s)", replayed);
        return replayed;
    }

    /// <summary>Deletes rows published longer ago than <see cref="OutboxOptions.KeepPublished"/>.</summary>
    public async Task<int> DeletePublishedAsync(SystemAccess system, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - options.Value.KeepPublished;
        var deleted = 0;
        foreach (var connectionString in await DataDatabasesAsync(system, cancellationToken))
        {
            await using var connection = await OpenAsync(connectionString, cancellationToken);
            deleted += await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM outbox WHERE published_utc < @Cutoff", new { Cutoff = cutoff }, cancellationToken: cancellationToken));
        }

        return deleted;
    }

    private async Task<IReadOnlyList<string>> DataDatabasesAsync(SystemAccess system, CancellationToken cancellationToken)
    {
        var tenants = await system.Services.GetRequiredService<TenantCatalog>().ListAllAsync(cancellationToken);
        return databases.AllAdminConnectionStrings(tenants);
    }

    private async Task<DbConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = DatabaseProviders.CreateConnection(databases.Provider, connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task<int> DispatchDatabaseAsync(string connectionString, HashSet<Guid> knownTenants, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(connectionString, cancellationToken);
        var claim = Guid.NewGuid();
        var rows = await ClaimAsync(connection, claim, knownTenants, cancellationToken);
        if (rows.Count == 0)
        {
            return 0;
        }

        // No transaction is open from here to the marking: a slow or unreachable broker holds up nothing but
        // these rows, and only until PublishTimeout. Publishing concurrently amortises publisher-confirm round trips.
        Exception?[] failures;
        try
        {
            failures = await Task.WhenAll(rows.Select(row => PublishAsync(row, cancellationToken)));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: hand the rows back now rather than leaving them to the lease's expiry. Whatever went
            // out is published again later, which consumers are idempotent for.
            await ReleaseAsync(connection, claim, rows);
            throw;
        }

        // Recorded even when shutdown begins now: the messages are out, and an unmarked row would go out again
        // after its lease. A short transaction, so a bounded wait of its own instead of the stopping token.
        using var recording = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await RecordOutcomeAsync(connection, claim, rows, failures, recording.Token);
    }

    /// <summary>
    /// Takes up to a batch of due rows for this dispatcher, in a short transaction that is committed before
    /// anything is published: the rows get this claim's id and a lease (their <c>next_attempt_utc</c> moves to
    /// the lease's end, so no other dispatcher finds them due until it runs out).
    /// </summary>
    private async Task<List<PendingRow>> ClaimAsync(
        DbConnection connection, Guid claim, HashSet<Guid> knownTenants, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;

        // On SQLite, Microsoft.Data.Sqlite begins transactions IMMEDIATE (write lock taken at BEGIN), which is
        // what makes two dispatchers unable to read the same due rows; PostgreSQL gets SKIP LOCKED below.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // ORDER BY id keeps the publish order close to the commit order; projections do not rely on it
        // (they compare versions), it only keeps lag fair between tenants.
        var rows = (await connection.QueryAsync<PendingRow>(new CommandDefinition(
            $"""
            SELECT id AS Id, message_id AS MessageId, tenant_id AS TenantId, type AS Type, body AS Body, attempts AS Attempts
            FROM outbox
            WHERE published_utc IS NULL AND NOT parked AND next_attempt_utc <= @Now
            ORDER BY id
            LIMIT @Batch
            {databases.Dialect.ForUpdateSkipLocked}
            """,
            new { Now = now, Batch = settings.BatchSize },
            transaction,
            cancellationToken: cancellationToken))).ToList();

        // A company being onboarded writes its seed data before its catalog entry exists; consumers would
        // refuse such events (unknown tenant → error queue). Hold them back briefly, without counting an
        // attempt: they go out once onboarding commits the catalog entry, or vanish with its compensation.
        var early = rows.Where(r => !knownTenants.Contains(r.TenantId)).Select(r => r.Id).ToArray();
        if (early.Length > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE outbox SET next_attempt_utc = @Later WHERE {IdIn("@Ids")}",
                new { Later = now + settings.FirstBackoff, Ids = early },
                transaction,
                cancellationToken: cancellationToken));
            rows = rows.Where(r => knownTenants.Contains(r.TenantId)).ToList();
        }

        if (rows.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE outbox SET claim_id = @Claim, next_attempt_utc = @LeaseEnd WHERE {IdIn("@Ids")}",
                new { Claim = claim, LeaseEnd = now + Lease, Ids = rows.Select(r => r.Id).ToArray() },
                transaction,
                cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return rows;
    }

    /// <summary>
    /// The rows' outcome, in a second short transaction. Every statement names the claim, so a dispatcher whose
    /// lease ran out (and whose rows another dispatcher took meanwhile) changes nothing.
    /// </summary>
    private async Task<int> RecordOutcomeAsync(
        DbConnection connection, Guid claim, List<PendingRow> rows, Exception?[] failures, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;

        // A failure while the bus itself is not ready (broker down, reconnecting) says nothing about the row:
        // it is retried soon without counting an attempt, so an outage neither parks rows nor stretches their
        // backoff, and the backlog goes out right after the broker is back.
        var busDown = failures.Any(f => f is not null) && !transport.IsReady;
        var published = rows.Where((_, i) => failures[i] is null).Select(r => r.Id).ToArray();

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (published.Length > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                $"""
                UPDATE outbox SET published_utc = @Now, attempts = attempts + 1, last_error = NULL, claim_id = NULL, next_attempt_utc = @Now
                WHERE {IdIn("@Ids")} AND claim_id = @Claim
                """,
                new { Now = now, Ids = published, Claim = claim },
                transaction,
                cancellationToken: cancellationToken));
        }

        for (var i = 0; i < rows.Count; i++)
        {
            if (failures[i] is { } error)
            {
                await RecordFailureAsync(connection, transaction, claim, rows[i], error, busDown, now, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return published.Length;
    }

    private async Task ReleaseAsync(DbConnection connection, Guid claim, List<PendingRow> rows)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE outbox SET claim_id = NULL, next_attempt_utc = @Now WHERE {IdIn("@Ids")} AND claim_id = @Claim",
                new { Now = clock.GetUtcNow().UtcDateTime, Ids = rows.Select(r => r.Id).ToArray(), Claim = claim },
                cancellationToken: timeout.Token));
        }
        catch (Exception e)
        {
            // The lease runs out by itself; releasing early only saves that wait.
            logger.LogWarning(e, "Could not release {Count} claimed outbox row(s) at shutdown; their lease expires instead", rows.Count);
        }
    }

    /// <summary>The claim's lease: never shorter than two publish timeouts (see <see cref="OutboxOptions.ClaimLease"/>).</summary>
    private TimeSpan Lease
    {
        get
        {
            var settings = options.Value;
            var floor = settings.PublishTimeout * 2;
            return settings.ClaimLease > floor ? settings.ClaimLease : floor;
        }
    }

    // Dapper expands "IN @Ids" into one parameter per id on SQLite but hands Npgsql a native array.
    private string IdIn(string parameter) =>
        databases.Provider == DatabaseProvider.Postgres ? $"id = ANY({parameter})" : $"id IN {parameter}";

    private async Task<Exception?> PublishAsync(PendingRow row, CancellationToken cancellationToken)
    {
        try
        {
            var type = OutboxMessageTypes.Find(row.Type)
                ?? throw new InvalidOperationException($"Unknown message type '{row.Type}'.");
            var message = JsonSerializer.Deserialize(row.Body, type, OutboxMessageTypes.Json)
                ?? throw new InvalidOperationException("The message body is empty.");
            if (message is not ITenantEvent tenantEvent || tenantEvent.TenantId != row.TenantId)
            {
                throw new InvalidOperationException("The message body names another tenant than its outbox row.");
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.PublishTimeout);
            await transport.PublishAsync(new OutboxEnvelope(message, type, row.MessageId, row.TenantId), timeout.Token);
            return null;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return e;
        }
    }

    private async Task RecordFailureAsync(
        DbConnection connection,
        DbTransaction transaction,
        Guid claim,
        PendingRow row,
        Exception error,
        bool busDown,
        DateTime now,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var message = error.GetType().Name + ": " + error.Message;
        if (message.Length > OutboxMessage.ErrorLength)
        {
            message = message[..OutboxMessage.ErrorLength];
        }

        if (busDown)
        {
            logger.LogWarning(error, "Outbox message {MessageId} of tenant {TenantId} not published: the bus is not ready; retried without counting an attempt", row.MessageId, row.TenantId);
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE outbox SET next_attempt_utc = @Next, last_error = @Error, claim_id = NULL WHERE id = @Id AND claim_id = @Claim",
                new { Next = now + settings.FirstBackoff, Error = message, row.Id, Claim = claim },
                transaction,
                cancellationToken: cancellationToken));
            return;
        }

        var attempts = row.Attempts + 1;
        var parked = attempts >= settings.MaxAttempts;
        var backoff = TimeSpan.FromTicks(Math.Min(
            settings.MaxBackoff.Ticks,
            settings.FirstBackoff.Ticks * (long)Math.Pow(2, Math.Min(attempts - 1, 30))));

        if (parked)
        {
            logger.LogError(error, "Outbox message {MessageId} of tenant {TenantId} parked after {Attempts} attempts", row.MessageId, row.TenantId, attempts);
        }
        else
        {
            logger.LogWarning(error, "Outbox message {MessageId} of tenant {TenantId} failed (attempt {Attempts}); retry in {Backoff}", row.MessageId, row.TenantId, attempts, backoff);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE outbox SET attempts = @Attempts, next_attempt_utc = @Next, last_error = @Error, parked = @Parked, claim_id = NULL
            WHERE id = @Id AND claim_id = @Claim
            """,
            new { Attempts = attempts, Next = now + backoff, Error = message, Parked = parked, row.Id, Claim = claim },
            transaction,
            cancellationToken: cancellationToken));
    }

    // A class with setters, not a positional record: Dapper then converts per property (SQLite's TEXT Guids
    // through the registered handler, INTEGER to int) instead of demanding an exact constructor signature.
    private sealed class PendingRow
    {
        public long Id { get; set; }
        public Guid MessageId { get; set; }
        public Guid TenantId { get; set; }
        public string Type { get; set; } = "";
        public string Body { get; set; } = "";
        public int Attempts { get; set; }
    }
}
