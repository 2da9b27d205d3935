using MassTransit;
using Saas.Contracts.Posting;
using Saas.Read.Common;
using Saas.Tenancy.Context;

namespace Saas.Read.Inventory;

/// <summary>
/// Projects every posting's entries into quantity and cost on hand per item and location. Runs with the tenant
/// restored by <see cref="Messaging.TenantConsumeFilter{T}"/>; the inbox row (the read position a client waits
/// for), the register mark and the sums commit together (<see cref="ProjectionWriter"/>), so a redelivery changes nothing.
/// </summary>
public sealed class InventoryProjectionConsumer(TenantContext tenants, ProjectionWriter writer) : IConsumer<EntriesPosted>
{
    /// <summary>Inbox consumer name and (with the bus prefix) the queue name.</summary>
    public const string Name = "read-inventory";

    public Task Consume(ConsumeContext<EntriesPosted> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException("A projected message needs a message id (the outbox dispatcher sets it).");
        var posted = context.Message;
        return writer.ProjectAsync(
            tenants.Tenant, messageId, Name, session => InventoryProjection.ApplyAsync(session, posted), context.CancellationToken);
    }
}
