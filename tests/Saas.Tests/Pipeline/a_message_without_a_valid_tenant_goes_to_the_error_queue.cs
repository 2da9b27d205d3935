using Microsoft.Extensions.DependencyInjection;
using Saas.Read.MasterData;
using Saas.Tests.Infrastructure;

namespace Saas.Tests.Pipeline;

/// <summary>
/// The consume filter restores the tenant from the header before the consumer exists. Without one (or with one
/// that does not exist, or that disagrees with the body) the message faults into the error queue; it never
/// runs as "no tenant" and never writes a row.
/// </summary>
public abstract class a_message_without_a_valid_tenant_goes_to_the_error_queue<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    [Fact]
    public async Task no_tenant_header()
    {
        var tenant = await app.NewTenantAsync();
        var (itemId, messageId) = (Guid.NewGuid(), Guid.NewGuid());
        await using var errors = await ErrorQueue.ListenAsync(app);

        await Events.PublishAsync(app, Events.Item(tenant.Id, itemId, 1, "X1", "Headless"), messageId, tenantHeader: null);

        Assert.Contains("tenant-id", await errors.WaitForAsync(messageId));
        Assert.Null(await ReadItemAsync(tenant.Id, itemId));
    }

    [Fact]
    public async Task unknown_tenant()
    {
        var tenant = await app.NewTenantAsync();
        var (itemId, messageId, stranger) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await using var errors = await ErrorQueue.ListenAsync(app);

        await Events.PublishAsync(app, Events.Item(stranger, itemId, 1, "X2", "Nobody's"), messageId, stranger.ToString());

        Assert.Contains("unknown tenant", await errors.WaitForAsync(messageId));
        Assert.Null(await ReadItemAsync(tenant.Id, itemId));
    }

    [Fact]
    public async Task header_and_body_name_different_tenants()
    {
        var a = await app.NewTenantAsync();
        var b = await app.NewTenantAsync();
        var (itemId, messageId) = (Guid.NewGuid(), Guid.NewGuid());
        await using var errors = await ErrorQueue.ListenAsync(app);

        // Body for B, header for A: neither A's nor B's tables may get the row.
        await Events.PublishAsync(app, Events.Item(b.Id, itemId, 1, "X3", "Smuggled"), messageId, a.Id.ToString());

        Assert.Contains("header", await errors.WaitForAsync(messageId));
        Assert.Null(await ReadItemAsync(a.Id, itemId));
        Assert.Null(await ReadItemAsync(b.Id, itemId));
    }

    private Task<ItemRow?> ReadItemAsync(Guid tenantId, Guid itemId) =>
        app.InTenantAsync(tenantId, sp => sp.GetRequiredService<ItemQueries>().GetAsync(itemId));
}

public sealed class a_message_without_a_valid_tenant_goes_to_the_error_queue_in_memory(SqliteApp app)
    : a_message_without_a_valid_tenant_goes_to_the_error_queue<SqliteApp>(app);

public sealed class a_message_without_a_valid_tenant_goes_to_the_error_queue_on_rabbitmq(PostgresRabbitMqApp app)
    : a_message_without_a_valid_tenant_goes_to_the_error_queue<PostgresRabbitMqApp>(app);
