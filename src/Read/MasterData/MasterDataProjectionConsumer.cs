using MassTransit;
using Saas.Contracts;
using Saas.Contracts.Inventory;
using Saas.Contracts.MasterData;
using Saas.Read.Common;
using Saas.Tenancy.Context;

namespace Saas.Read.MasterData;

/// <summary>
/// Projects master-data snapshots into the list tables. Runs with the tenant restored by
/// <see cref="Messaging.TenantConsumeFilter{T}"/>; the inbox row and the upsert share one transaction (<see cref="ProjectionWriter"/>).
/// </summary>
public sealed class MasterDataProjectionConsumer(TenantContext tenants, ProjectionWriter writer)
    : IConsumer<ItemChanged>, IConsumer<CustomerChanged>, IConsumer<VendorChanged>, IConsumer<LocationChanged>,
        IConsumer<ItemCategoryChanged>, IConsumer<ItemAttributeChanged>, IConsumer<ItemAttributeValueChanged>,
        IConsumer<CatalogItemChanged>, IConsumer<ItemReferenceChanged>
{
    /// <summary>Inbox consumer name and (with the bus prefix) the queue name.</summary>
    public const string Name = "read-master-data";

    public Task Consume(ConsumeContext<ItemChanged> context) => ProjectAsync(context);

    public Task Consume(ConsumeContext<CustomerChanged> context) => ProjectAsync(context);

    public Task Consume(ConsumeContext<VendorChanged> context) => ProjectAsync(context);

    public Task Consume(ConsumeContext<LocationChanged> context) => ProjectAsync(context);

    // The item catalog is master data too: one consumer (and one inbox name) keeps read positions simple — a
    // command that changes an item and a catalog item returns positions a client waits for in the same place.
    public Task Consume(ConsumeContext<ItemCategoryChanged> context) => ProjectAsync(context);

    public Task Consume(ConsumeContext<ItemAttributeChanged> context) => ProjectAsync(context);

    public Task Consume(ConsumeContext<ItemAttributeValueChanged> context) => ProjectAsync(context);

    public Task Consume(ConsumeContext<CatalogItemChanged> context) => ProjectAsync(context);

    public Task Consume(ConsumeContext<ItemReferenceChanged> context) => ProjectAsync(context);

    private Task ProjectAsync<T>(ConsumeContext<T> context)
        where T : class, ITenantEvent
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException("A projected message needs a message id (the outbox dispatcher sets it).");
        var message = context.Message;
        return writer.ProjectAsync(
            tenants.Tenant, messageId, Name, session => MasterDataProjection.ProjectAsync(session, message), context.CancellationToken);
    }
}
