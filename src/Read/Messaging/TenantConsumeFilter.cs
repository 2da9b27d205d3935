using MassTransit;
using Microsoft.Extensions.Logging;
using Saas.Contracts;
using Saas.Tenancy.Catalog;
using Saas.Tenancy.Context;

namespace Saas.Read.Messaging;

/// <summary>
/// Restores the message's tenant in the consume scope before the consumer is built, from the
/// <c>tenant-id</c> header. No header, an unknown tenant, or a body that names another tenant: the message
/// faults (and lands in the error queue); it never runs as "no tenant".
/// </summary>
public sealed class TenantConsumeFilter<T>(TenantContext tenants, TenantCatalog catalog, ILogger<TenantConsumeFilter<T>> logger)
    : IFilter<ConsumeContext<T>>
    where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var header = context.Headers.Get<string>(TenantHeaders.TenantId);
        if (!Guid.TryParse(header, out var tenantId) || tenantId == Guid.Empty)
        {
            throw new MessageTenantException(
                $"Message {context.MessageId} ({typeof(T).Name}) has no valid '{TenantHeaders.TenantId}' header; refusing to run it without a tenant.");
        }

        if (context.Message is ITenantEvent tenantEvent && tenantEvent.TenantId != tenantId)
        {
            throw new MessageTenantException(
                $"Message {context.MessageId} ({typeof(T).Name}) names tenant {tenantEvent.TenantId} in its body but {tenantId} in its header.");
        }

        var tenant = await catalog.FindByIdAsync(tenantId, context.CancellationToken)
            ?? throw new MessageTenantException($"Message {context.MessageId} ({typeof(T).Name}) is for unknown tenant {tenantId}.");

        using var use = tenants.Use(tenant);
        using var scope = logger.BeginScope(new LogScope(("TenantId", tenant.Id), ("MessageId", context.MessageId ?? Guid.Empty)));
        await next.Send(context);
        if (context.SentTime is { } sent)
        {
            ProjectionMetrics.RecordLag(DateTime.UtcNow - sent, context.ReceiveContext.InputAddress?.AbsolutePath.Split('/')[^1] ?? "unknown");
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("tenant");
}

/// <summary>A message that cannot be tied to exactly one existing tenant: never retried, goes to the error queue.</summary>
public sealed class MessageTenantException(string message) : Exception(message);
