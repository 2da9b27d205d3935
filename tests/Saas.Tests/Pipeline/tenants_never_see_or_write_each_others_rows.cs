using Dapper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saas.Read.MasterData;
using Saas.Tenancy.Storage;
using Saas.Tests.Infrastructure;
using Saas.Write;
using Saas.Write.Inventory;

namespace Saas.Tests.Pipeline;

/// <summary>Two tenants with identical numbering (both start their ITEM series at 1000), side by side.</summary>
public abstract class tenants_never_see_or_write_each_others_rows<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    [Fact]
    public async Task the_same_write_context_type_serves_two_tenants_in_turn_without_leaking()
    {
        var a = await app.NewTenantAsync();
        var b = await app.NewTenantAsync();
        var itemA = await CreateAsync(a.Id, "Apple");
        var itemB = await CreateAsync(b.Id, "Banana");
        Assert.Equal(itemA.Number, itemB.Number); // same number, different companies

        foreach (var (tenant, own, other) in new[] { (a, itemA, itemB), (b, itemB, itemA), (a, itemA, itemB) })
        {
            var seen = await app.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<WriteDbContext>().Items.ToListAsync());
            Assert.Equal([own.ItemId], seen.Select(i => i.Id));
            var byForeignId = await app.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<WriteDbContext>().Items
                .Where(i => i.Id == other.ItemId).ToListAsync());
            Assert.Empty(byForeignId);
        }
    }

    [Fact]
    public async Task the_projection_writes_each_tenants_rows_under_that_tenant_only()
    {
        var a = await app.NewTenantAsync();
        var b = await app.NewTenantAsync();
        var itemA = await CreateAndSettleAsync(a.Id, "Anvil");
        var itemB = await CreateAndSettleAsync(b.Id, "Bucket");

        var listA = await app.InTenantAsync(a.Id, sp => sp.GetRequiredService<ItemQueries>().ListAsync(new ItemListQuery()));
        var listB = await app.InTenantAsync(b.Id, sp => sp.GetRequiredService<ItemQueries>().ListAsync(new ItemListQuery()));
        Assert.Equal([itemA.ItemId], listA.Value.Select(r => r.Id));
        Assert.Equal([itemB.ItemId], listB.Value.Select(r => r.Id));
        Assert.Null(await app.InTenantAsync(a.Id, sp => sp.GetRequiredService<ItemQueries>().GetAsync(itemB.ItemId)));
    }

    [Fact]
    public async Task projecting_another_tenants_event_inside_a_tenant_session_is_refused()
    {
        var a = await app.NewTenantAsync();
        var b = await app.NewTenantAsync();
        var foreign = Events.Item(b.Id, Guid.NewGuid(), 1, "1000", "Foreign");

        await app.InTenantAsync(a.Id, async sp =>
        {
            await using var session = await sp.GetRequiredService<TenantDb>().BeginAsync();
            await Assert.ThrowsAsync<InvalidOperationException>(() => MasterDataProjection.UpsertItemAsync(session, foreign));
        });

        Assert.Null(await app.InTenantAsync(b.Id, sp => sp.GetRequiredService<ItemQueries>().GetAsync(foreign.ItemId)));
        Assert.Null(await app.InTenantAsync(a.Id, sp => sp.GetRequiredService<ItemQueries>().GetAsync(foreign.ItemId)));
    }

    protected async Task<Saas.Contracts.MasterData.ItemChanged> CreateAsync(Guid tenantId, string name) =>
        (await app.InTenantAsync(tenantId, sp => sp.GetRequiredService<CreateItemHandler>().HandleAsync(new CreateItem { DisplayName = name }))).Snapshot;

    protected async Task<Saas.Contracts.MasterData.ItemChanged> CreateAndSettleAsync(Guid tenantId, string name)
    {
        var result = await app.InTenantAsync(tenantId, sp => sp.GetRequiredService<CreateItemHandler>().HandleAsync(new CreateItem { DisplayName = name }));
        await app.SettleAsync(tenantId, result.ReadPosition);
        return result.Snapshot;
    }
}

public sealed class tenants_never_see_or_write_each_others_rows_on_sqlite(SqliteApp app)
    : tenants_never_see_or_write_each_others_rows<SqliteApp>(app);

/// <summary>PostgreSQL adds the second wall: row-level security for the application role.</summary>
public sealed class tenants_never_see_or_write_each_others_rows_on_postgres(PostgresApp app)
    : tenants_never_see_or_write_each_others_rows<PostgresApp>(app)
{
    private readonly PostgresApp app = app;

    [Fact]
    public async Task row_level_security_shows_the_app_role_only_the_tenant_it_set_and_nothing_without_one()
    {
        var a = await app.NewTenantAsync();
        var b = await app.NewTenantAsync();
        await CreateAndSettleAsync(a.Id, "Axe");
        await CreateAndSettleAsync(b.Id, "Bolt");

        await using var connection = new Npgsql.NpgsqlConnection(app.Postgres!.AppConnectionString);
        await connection.OpenAsync();
        foreach (var table in new[] { "items", "item_list", "outbox", "inbox", "no_series", "locations", "location_list" })
        {
            // Deliberately no tenant predicate: only the policy stands between A and B here.
            await using (var tx = await connection.BeginTransactionAsync())
            {
                await connection.ExecuteAsync("SELECT set_config('app.tenant_id', @T, true)", new { T = a.Id.ToString() }, tx);
                var tenants = (await connection.QueryAsync<Guid>($"SELECT DISTINCT tenant_id FROM {table}", transaction: tx)).ToList();
                Assert.Equal([a.Id], tenants);
            }

            await using (var tx = await connection.BeginTransactionAsync())
            {
                var visible = await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}", transaction: tx);
                Assert.Equal(0, visible);
            }
        }

        await using (var tx = await connection.BeginTransactionAsync())
        {
            await connection.ExecuteAsync("SELECT set_config('app.tenant_id', @T, true)", new { T = a.Id.ToString() }, tx);
            var refused = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => connection.ExecuteAsync(
                "INSERT INTO inbox (tenant_id, message_id, consumer, processed_utc) VALUES (@B, @M, 'x', now())",
                new { B = b.Id, M = Guid.NewGuid() },
                tx));
            Assert.Equal("42501", refused.SqlState); // new row violates row-level security policy
        }
    }
}
