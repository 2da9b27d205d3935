using Saas.Read.Inventory;
using Saas.Read.MasterData;
using Saas.Tenancy.Storage;

namespace Saas.Read.Common;

/// <summary>
/// Read-your-writes: a command returns the message id of its outbox row; waiting here until the projection's
/// inbox holds that id means the read tables show the change. Bounded: a caller gets stale data rather than
/// a hang when the pipeline is slow, and can say so.
/// </summary>
public sealed class ReadPositions(TenantDb db, ReadSideSignal projected)
{
    /// <summary>
    /// The read side's projections. Each message type has exactly one of them, so a position is reached when any
    /// of them has processed it: a client waits the same way after changing an item and after posting a journal.
    /// </summary>
    public static readonly IReadOnlyList<string> ReadSideConsumers = [MasterDataProjectionConsumer.Name, InventoryProjectionConsumer.Name];

    /// <summary>
    /// True once <paramref name="consumer"/> (null: any of <see cref="ReadSideConsumers"/>) has processed
    /// <paramref name="position"/>; false after the timeout.
    /// </summary>
    public async Task<bool> WaitAsync(
        Guid position, TimeSpan timeout, string? consumer = null, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        var delay = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            var committed = projected.Next;
            if (await ReachedAsync(position, consumer, cancellationToken))
            {
                return true;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                return false;
            }

            // A projection committed in this process wakes us at once; the poll covers other processes.
            await Task.WhenAny(committed, Task.Delay(delay < left ? delay : left, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 100));
        }
    }

    public Task<bool> ReachedAsync(Guid position, string? consumer = null, CancellationToken cancellationToken = default) =>
        db.ReadAsync(
            async session =>
            {
                // Dapper expands a list for SQLite; Npgsql takes the array itself.
                var inConsumers = session.Dialect.Provider == DatabaseProvider.Postgres ? "= ANY(@Consumers)" : "IN @Consumers";
                return await session.ExecuteScalarAsync<long>(
                    $"SELECT COUNT(*) FROM inbox WHERE tenant_id = @TenantId AND message_id = @Position AND consumer {inConsumers}",
                    new { Position = position, Consumers = consumer is null ? ReadSideConsumers.ToArray() : [consumer] }) > 0;
            },
            cancellationToken);
}
