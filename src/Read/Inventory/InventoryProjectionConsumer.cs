using MassTransit;
using Saas.Contracts.Posting;
using Saas.Read.Common;
using Saas.Tenancy.Storage;

namespace Saas.Read.Inventory;

/// <summary>
/// Projects every posting's entries into quantity and cost on hand per item and location. Runs with the tenant
/// restored by <see cref="Messaging.TenantConsumeFilter{T}"/>; the inbox row (the read position a client waits
/// for), the register mark and the sums commit together, so a redelivery changes nothing.
/// </summary>
public sealed class InventoryProjectionConsumer(TenantDb db, TimeProvider clock) : IConsumer<EntriesPosted>
{
    /// <summary>Inbox consumer name and (with the bus prefix) the queue name.</summary>
    public const string Name = "read-inventory";

    public async Task Consume(ConsumeContext<EntriesPosted> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException("A projected message needs a message id (the outbox dispatcher sets it).");
        await using var session = await db.BeginAsync(context.CancellationToken);
        if (await Inbox.TryRecordAsync(session, messageId, Name, clock.GetUtcNow().UtcDateTime))
        {
            await InventoryProjection.ApplyAsync(session, context.Message);
        }

        await session.CommitAsync(context.CancellationToken);
    }
}
