using Saas.Tenancy.Storage;

namespace Saas.Read.Common;

/// <summary>The consumer side of exactly-once: at-least-once delivery plus a processed-message record.</summary>
public static class Inbox
{
    /// <summary>
    /// Records that <paramref name="consumer"/> processes <paramref name="messageId"/>, in the caller's
    /// transaction. False when it was processed before: the caller must then change nothing. On PostgreSQL
    /// a concurrent duplicate waits here for the first one's transaction and then sees its row.
    /// </summary>
    public static async Task<bool> TryRecordAsync(TenantSqlSession session, Guid messageId, string consumer, DateTime nowUtc)
    {
        var inserted = await session.ExecuteAsync(
            """
            INSERT INTO inbox (tenant_id, message_id, consumer, processed_utc)
            VALUES (@TenantId, @MessageId, @Consumer, @Now)
            ON CONFLICT (tenant_id, message_id, consumer) DO NOTHING
            """,
            new { MessageId = messageId, Consumer = consumer, Now = nowUtc });
        return inserted == 1;
    }
}
