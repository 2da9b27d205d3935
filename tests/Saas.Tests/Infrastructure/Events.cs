using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Saas.Contracts;
using Saas.Contracts.MasterData;

namespace Saas.Tests.Infrastructure;

/// <summary>Builds and publishes events the way a dispatcher (or a broken publisher) would.</summary>
public static class Events
{
    public static ItemChanged Item(Guid tenantId, Guid itemId, long version, string number, string displayName) => new()
    {
        TenantId = tenantId,
        ItemId = itemId,
        Version = version,
        Number = number,
        DisplayName = displayName,
        Type = "Inventory",
        BaseUnitOfMeasureCode = "PCS",
        UnitPrice = 1m,
        UnitCost = 0.5m,
        CostingMethod = "FIFO",
        ItemCategoryCode = "",
        Blocked = false,
        SalesBlocked = false,
        PurchasingBlocked = false,
        LastModifiedUtc = DateTime.UtcNow,
    };

    /// <summary>Publishes with a chosen message id and tenant header (null: no header at all).</summary>
    public static Task PublishAsync<T>(PipelineApp app, T message, Guid messageId, string? tenantHeader)
        where T : class =>
        app.Services.GetRequiredService<IBus>().Publish(message, context =>
        {
            context.MessageId = messageId;
            if (tenantHeader is not null)
            {
                context.Headers.Set(TenantHeaders.TenantId, tenantHeader);
            }
        });
}
