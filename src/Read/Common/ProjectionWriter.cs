using System.Collections.Concurrent;
using System.Data.Common;
using System.Threading.Channels;
using Saas.Tenancy.Catalog;
using Saas.Tenancy.Storage;

namespace Saas.Read.Common;

/// <summary>
/// Where every projection writes: one message's inbox row and read rows in one transaction, as before, but on
/// SQLite many messages share that transaction.
/// </summary>
/// <remarks>
/// SQLite has one writer. With a transaction per message, every consumer waits for the write lock on its own,
/// each blocking a thread inside <c>busy_timeout</c>, and under load a burst of events queues behind commands and the
/// dispatcher one lock hand-over at a time (see bench/RESULTS.md). Here the consumers of one database file hand their
/// work to a single writer, which takes whatever has queued up meanwhile (at most <see cref="MaxBatch"/>) into one
/// transaction: one lock acquisition and one commit for the lot, and no artificial delay for a lone message (group
/// commit). Each message runs inside its own savepoint, so a failing one is rolled back alone and only its consumer
/// sees the error (and retries); a failed commit fails them all. Exactly-once is unchanged: a message counts as
/// projected only when the transaction holding its inbox row commits.
/// PostgreSQL has row locks and many writers, so there each message keeps its own transaction and consumers run
/// in parallel.
/// </remarks>
public sealed class ProjectionWriter(TenantDatabases databases, ReadSideSignal projected, TimeProvider clock) : IAsyncDisposable
{
    /// <summary>Messages per transaction at most: bounds how long one commit holds the write lock.</summary>
    public const int MaxBatch = 100;

    private readonly ConcurrentDictionary<string, Lane> lanes = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();

    /// <summary>
    /// Records <paramref name="messageId"/> for <paramref name="consumer"/> in the inbox and, unless it was processed
    /// before, runs <paramref name="apply"/> in the same transaction. Completes when that transaction has committed.
    /// </summary>
    public async Task ProjectAsync(
        TenantInfo tenant, Guid messageId, string consumer, Func<TenantSqlSession, Task> apply, CancellationToken cancellationToken)
    {
        if (databases.Provider != DatabaseProvider.Sqlite)
        {
            await ProjectAloneAsync(tenant, messageId, consumer, apply, cancellationToken);
            projected.Notify();
            return;
        }

        var work = new Work(tenant.Id, messageId, consumer, apply);
        var connectionString = databases.AppConnectionString(tenant);
        var lane = lanes.GetOrAdd(connectionString, cs => new Lane(this, cs));
        lane.Enqueue(work);

        // A cancelled consumer stops waiting; its message may still commit, which a redelivery then finds in the inbox.
        await work.Done.Task.WaitAsync(cancellationToken);
    }

    private async Task ProjectAloneAsync(
        TenantInfo tenant, Guid messageId, string consumer, Func<TenantSqlSession, Task> apply, CancellationToken cancellationToken)
    {
        var connection = DatabaseProviders.CreateConnection(databases.Provider, databases.AppConnectionString(tenant));
        await using var disposeConnection = connection;
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var session = await SessionAsync(connection, transaction, tenant.Id);
        if (await Inbox.TryRecordAsync(session, messageId, consumer, clock.GetUtcNow().UtcDateTime))
        {
            await apply(session);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// A session of one tenant inside a shared transaction. On PostgreSQL <c>app.tenant_id</c> is set transaction-locally
    /// (row-level security); setting it again for the next message of another tenant replaces it.
    /// </summary>
    private async Task<TenantSqlSession> SessionAsync(DbConnection connection, DbTransaction transaction, Guid tenantId)
    {
        if (databases.Provider == DatabaseProvider.Postgres)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT set_config('app.tenant_id', @tenant, true)";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "tenant";
            parameter.Value = tenantId.ToString();
            command.Parameters.Add(parameter);
            await command.ExecuteNonQueryAsync();
        }

        return new TenantSqlSession(connection, transaction, tenantId, databases.Dialect);
    }

    /// <summary>Writes one batch; every work item ends completed or failed, never left waiting.</summary>
    private async Task WriteBatchAsync(string connectionString, IReadOnlyList<Work> batch)
    {
        var succeeded = new List<Work>(batch.Count);
        try
        {
            var connection = DatabaseProviders.CreateConnection(databases.Provider, connectionString);
            await using var disposeConnection = connection;
            await connection.OpenAsync(stopping.Token);
            await using var transaction = await connection.BeginTransactionAsync(stopping.Token);
            for (var i = 0; i < batch.Count; i++)
            {
                var work = batch[i];
                var savepoint = "projection_" + i;
                await transaction.SaveAsync(savepoint, stopping.Token);
                try
                {
                    var session = await SessionAsync(connection, transaction, work.TenantId);
                    if (await Inbox.TryRecordAsync(session, work.MessageId, work.Consumer, clock.GetUtcNow().UtcDateTime))
                    {
                        await work.Apply(session);
                    }

                    await transaction.ReleaseAsync(savepoint, stopping.Token);
                    succeeded.Add(work);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stopping.IsCancellationRequested)
                {
                    // Only this message's rows go; the others of the batch still commit.
                    await transaction.RollbackAsync(savepoint, stopping.Token);
                    work.Done.TrySetException(e);
                }
            }

            await transaction.CommitAsync(stopping.Token);
        }
        catch (Exception e)
        {
            foreach (var work in batch)
            {
                work.Done.TrySetException(e); // no effect on those that already failed alone
            }

            return;
        }

        foreach (var work in succeeded)
        {
            work.Done.TrySetResult();
        }

        projected.Notify();
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        foreach (var lane in lanes.Values)
        {
            await lane.StopAsync();
        }

        stopping.Dispose();
    }

    private sealed record Work(Guid TenantId, Guid MessageId, string Consumer, Func<TenantSqlSession, Task> Apply)
    {
        // Continuations run elsewhere: the writer must not run a consumer's rest of pipeline before the next batch.
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>The single writer of one database file.</summary>
    private sealed class Lane
    {
        private readonly Channel<Work> queue = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
        private readonly Task running;

        public Lane(ProjectionWriter writer, string connectionString) =>
            running = Task.Run(() => RunAsync(writer, connectionString));

        public void Enqueue(Work work)
        {
            if (!queue.Writer.TryWrite(work))
            {
                work.Done.TrySetCanceled();
            }
        }

        public async Task StopAsync()
        {
            queue.Writer.TryComplete();
            await running;
        }

        private async Task RunAsync(ProjectionWriter writer, string connectionString)
        {
            var batch = new List<Work>(MaxBatch);
            try
            {
                while (await queue.Reader.WaitToReadAsync(writer.stopping.Token))
                {
                    batch.Clear();
                    while (batch.Count < MaxBatch && queue.Reader.TryRead(out var work))
                    {
                        batch.Add(work);
                    }

                    await writer.WriteBatchAsync(connectionString, batch);
                }
            }
            catch (OperationCanceledException) when (writer.stopping.IsCancellationRequested)
            {
                // Shutting down: whatever is still queued is redelivered by the bus later (or was in memory only).
            }

            foreach (var work in batch)
            {
                work.Done.TrySetCanceled();
            }

            while (queue.Reader.TryRead(out var left))
            {
                left.Done.TrySetCanceled();
            }
        }
    }
}
