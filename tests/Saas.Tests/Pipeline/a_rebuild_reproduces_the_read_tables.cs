using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Saas.Read.MasterData;
using Saas.Tenancy.Storage;
using Saas.Tests.Infrastructure;
using Saas.Write.Common;
using Saas.Write.Inventory;
using Saas.Write.Purchasing;
using Saas.Write.Sales;
using Saas.Write.Setup;

namespace Saas.Tests.Pipeline;

public abstract class a_rebuild_reproduces_the_read_tables<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    [Fact]
    public async Task dropping_every_read_row_and_replaying_the_write_side_gives_identical_tables()
    {
        var tenant = await app.NewTenantAsync();
        var other = await app.NewTenantAsync();
        var last = await app.InTenantAsync(tenant.Id, async sp =>
        {
            var item = await sp.GetRequiredService<CreateItemHandler>().HandleAsync(
                new CreateItem { DisplayName = "Desk", Type = ItemType.NonInventory, UnitPrice = 199.99m, UnitCost = 120.1234m });
            await sp.GetRequiredService<UpdateItemHandler>().HandleAsync(
                new UpdateItem { Id = item.Snapshot.ItemId, ExpectedVersion = 1, SalesBlocked = true, CostingMethod = CostingMethod.Average });
            var customer = await sp.GetRequiredService<CreateCustomerHandler>().HandleAsync(new CreateCustomer
            {
                DisplayName = "Adatum",
                Email = "info@adatum.example",
                CreditLimit = 5000m,
                Blocked = CustomerBlocked.Invoice,
                Address = new AddressInput { City = "Oslo", Country = "no" },
            });
            await sp.GetRequiredService<CreateVendorHandler>().HandleAsync(
                new CreateVendor { DisplayName = "Fabrikam Supply", Blocked = VendorBlocked.Payment });
            await sp.GetRequiredService<CreateLocationHandler>().HandleAsync(
                new CreateLocation { Code = "transit", DisplayName = "In transit", UseAsInTransit = true });
            return customer.ReadPosition;
        });
        await app.SettleAsync(tenant.Id, last);
        Assert.Contains(await SnapshotAsync(tenant.Id), line => line.StartsWith("customer_list", StringComparison.Ordinal));
        await WaitForAllAsync(tenant.Id);
        var otherBefore = await SnapshotAsync(other.Id);
        var before = await SnapshotAsync(tenant.Id);

        // Damage the read side, then rebuild every tenant from the write side.
        await app.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<TenantDb>().ReadAsync(s =>
            s.ExecuteAsync("UPDATE item_list SET display_name = 'garbage' WHERE tenant_id = @TenantId")));
        await app.Services.GetRequiredService<ReadModelRebuilder>().RebuildAllAsync();

        Assert.Equal(before, await SnapshotAsync(tenant.Id));
        Assert.Equal(otherBefore, await SnapshotAsync(other.Id));
    }

    private async Task WaitForAllAsync(Guid tenantId)
    {
        // Every outbox row of the tenant must be in the inbox before the "incremental" picture is taken.
        var positions = await app.InTenantAsync(tenantId, sp => sp.GetRequiredService<TenantDb>().ReadAsync(s =>
            s.QueryAsync<Guid>("SELECT message_id FROM outbox WHERE tenant_id = @TenantId")));
        foreach (var position in positions)
        {
            await app.SettleAsync(tenantId, position);
        }
    }

    private Task<List<string>> SnapshotAsync(Guid tenantId) =>
        app.InTenantAsync(tenantId, sp => sp.GetRequiredService<TenantDb>().ReadAsync(async s =>
        {
            var lines = new List<string>();
            foreach (var (table, columns) in new[]
            {
                ("item_list", ItemQueriesColumns),
                ("customer_list", "id, number, display_name, city, country, email, credit_limit, blocked, shipping_advice, last_modified_utc, version"),
                ("vendor_list", "id, number, display_name, email, blocked, last_modified_utc, version"),
                ("location_list", "id, code, display_name, use_as_in_transit, last_modified_utc, version"),
            })
            {
                var rows = await s.QueryAsync<dynamic>($"SELECT {columns} FROM {table} WHERE tenant_id = @TenantId ORDER BY id");
                lines.AddRange(rows.Select(r => table + ": " + string.Join(" | ", ((IDictionary<string, object>)r).Select(kv => $"{kv.Key}={kv.Value}"))));
            }

            return lines;
        }));

    private const string ItemQueriesColumns =
        "id, number, display_name, type, base_unit_of_measure_code, unit_price, unit_cost, costing_method, item_category_code, " +
        "blocked, sales_blocked, purchasing_blocked, last_modified_utc, version";
}

public sealed class a_rebuild_reproduces_the_read_tables_on_sqlite(SqliteApp app)
    : a_rebuild_reproduces_the_read_tables<SqliteApp>(app);

public sealed class a_rebuild_reproduces_the_read_tables_on_postgres(PostgresApp app)
    : a_rebuild_reproduces_the_read_tables<PostgresApp>(app);
