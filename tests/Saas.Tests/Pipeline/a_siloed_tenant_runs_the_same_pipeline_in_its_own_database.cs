using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Saas.Read.MasterData;
using Saas.Tests.Infrastructure;
using Saas.Write.Inventory;

namespace Saas.Tests.Pipeline;

/// <summary>
/// A siloed tenant's write rows, outbox and read rows live in its own database; the dispatcher finds that
/// database through the catalog and nothing of the tenant reaches the pooled one.
/// </summary>
public sealed class a_siloed_tenant_runs_the_same_pipeline_in_its_own_database(PostgresApp app) : IClassFixture<PostgresApp>
{
    [Fact]
    public async Task commands_are_dispatched_from_and_projected_into_the_tenants_database()
    {
        var pooled = await app.NewTenantAsync();
        var siloed = await app.NewSiloedTenantAsync();

        var result = await app.InTenantAsync(siloed.Id, sp => sp.GetRequiredService<CreateItemHandler>()
            .HandleAsync(new CreateItem { DisplayName = "Silo item" }));
        await app.SettleAsync(siloed.Id, result.ReadPosition);

        var row = await app.InTenantAsync(siloed.Id, sp => sp.GetRequiredService<ItemQueries>().GetAsync(result.Snapshot.ItemId));
        Assert.Equal("Silo item", row?.DisplayName);
        Assert.Null(await app.InTenantAsync(pooled.Id, sp => sp.GetRequiredService<ItemQueries>().GetAsync(result.Snapshot.ItemId)));

        await using var pooledOwner = await app.OpenOwnerConnectionAsync();
        foreach (var table in new[] { "items", "outbox", "item_list", "inbox", "locations" })
        {
            var leaked = await pooledOwner.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table} WHERE tenant_id = @T", new { T = siloed.Id });
            Assert.Equal(0, leaked);
        }
    }
}
