using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Saas.Read.MasterData;
using Saas.Tenancy.Storage;
using Saas.Tests.Infrastructure;
using Saas.Write.Inventory;

namespace Saas.Tests.Pipeline;

public abstract class an_event_delivered_twice_is_projected_once<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    [Fact]
    public async Task the_second_delivery_finds_its_inbox_row_and_changes_nothing()
    {
        var tenant = await app.NewTenantAsync();
        var created = await app.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<CreateItemHandler>()
            .HandleAsync(new CreateItem { DisplayName = "Chair" }));
        await app.SettleAsync(tenant.Id, created.ReadPosition);

        // The same message again — even with a body that would win the version check — must be ignored:
        // the inbox, not the version, decides that a message id was handled.
        var redelivered = Events.Item(tenant.Id, created.Snapshot.ItemId, 99, created.Snapshot.Number, "Tampered");
        await Events.PublishAsync(app, redelivered, created.ReadPosition, tenant.Id.ToString());
        await app.Messages.WaitConsumedAsync(created.ReadPosition, 2);

        var row = await app.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<ItemQueries>().GetAsync(created.Snapshot.ItemId));
        Assert.NotNull(row);
        Assert.Equal("Chair", row.DisplayName);
        Assert.Equal(1, row.Version);
        Assert.Equal(1, await InboxRowsAsync(tenant.Id, created.ReadPosition));
    }

    [Fact]
    public async Task an_older_version_arriving_late_does_not_overwrite_a_newer_one()
    {
        var tenant = await app.NewTenantAsync();
        var created = await app.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<CreateItemHandler>()
            .HandleAsync(new CreateItem { DisplayName = "Table" }));
        var updated = await app.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<UpdateItemHandler>()
            .HandleAsync(new UpdateItem { Id = created.Snapshot.ItemId, ExpectedVersion = 1, DisplayName = "Oak table" }));
        await app.SettleAsync(tenant.Id, updated.ReadPosition);

        // A version-1 snapshot under a new message id (e.g. replayed from elsewhere) loses against version 2.
        var late = Guid.NewGuid();
        await Events.PublishAsync(app, created.Snapshot, late, tenant.Id.ToString());
        await app.Messages.WaitConsumedAsync(late, 1);

        var row = await app.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<ItemQueries>().GetAsync(created.Snapshot.ItemId));
        Assert.Equal("Oak table", row!.DisplayName);
        Assert.Equal(2, row.Version);
    }

    private Task<long> InboxRowsAsync(Guid tenantId, Guid messageId) =>
        app.InTenantAsync(tenantId, sp => sp.GetRequiredService<TenantDb>().ReadAsync(s =>
            s.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM inbox WHERE tenant_id = @TenantId AND message_id = @M", new { M = messageId })));
}

public sealed class an_event_delivered_twice_is_projected_once_on_sqlite(SqliteApp app)
    : an_event_delivered_twice_is_projected_once<SqliteApp>(app);

public sealed class an_event_delivered_twice_is_projected_once_on_postgres(PostgresApp app)
    : an_event_delivered_twice_is_projected_once<PostgresApp>(app);

public sealed class an_event_delivered_twice_is_projected_once_on_postgres_and_rabbitmq(PostgresRabbitMqApp app)
    : an_event_delivered_twice_is_projected_once<PostgresRabbitMqApp>(app);
