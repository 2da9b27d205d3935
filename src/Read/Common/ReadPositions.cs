using Saas.Read.MasterData;
using Saas.Tenancy.Storage;

namespace Saas.Read.Common;

/// <summary>
/// Read-your-writes: a command returns the message id of its outbox row; waiting here until the projection's
/// inbox holds that id means the read tables show the change. Bounded: a caller gets stale data rather than
/// a hang when the pipeline is slow, and can say so.
/// </summary>
public sealed class ReadPositions(TenantDb db)
{
    /// <summary>True once <paramref name="consumer"/> has processed <paramref name="position"/>; false after the timeout.</summary>
    public async Task<bool> WaitAsync(
        Guid position, TimeSpan timeout, string consumer = MasterDataProjectionConsumer.Name, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        var delay = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            if (await ReachedAsync(position, consumer, cancellationToken))
            {
                return true;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                return false;
            }

            await Task.Delay(delay < left ? delay : left, cancellationToken);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 100));
        }
    }

    public Task<bool> ReachedAsync(Guid position, string consumer = MasterDataProjectionConsumer.Name, CancellationToken cancellationToken = default) =>
        db.ReadAsync(
            async session => await session.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM inbox WHERE tenant_id = @TenantId AND message_id = @Position AND consumer = @Consumer",
                new { Position = position, Consumer = consumer }) > 0,
            cancellationToken);
}
