using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Saas.Tenancy.Context;
using Saas.Tenancy.Storage;
using Saas.Tests.Infrastructure;
using Saas.Write;
using Saas.Write.Outbox;

namespace Saas.Tests.Pipeline;

/// <summary>
/// Issue 10: an item's base unit of measure must name a unit, so the migration that adds the Units of Measure table
/// gives every company that existed before it BC's usual units plus every other code its items and catalog items
/// already use; a database without companies gets no rows (new companies are seeded on onboarding).
/// </summary>
public abstract class companies_from_before_units_of_measure_get_them_from_the_migration
{
    private const string Before = "20261205020000_OpenEntriesInApplicationOrder";

    protected abstract DatabaseProvider Provider { get; }

    protected abstract Task<string> NewDatabaseAsync();

    [Fact]
    public async Task the_usual_units_and_the_codes_in_use_are_there_after_the_upgrade()
    {
        var company = Guid.NewGuid();
        var notOnboarded = Guid.NewGuid();
        await using var db = new WriteDbContext(
            DatabaseProviders.OptionsFor<WriteDbContext>(Provider, await NewDatabaseAsync(), WriteDbContext.HistoryTable), new TenantContext(), new OutboxSignal());
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(Before);

        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO general_ledger_setups (tenant_id, expected_cost_posting_to_gl, automatic_cost_adjustment, average_cost_period, allow_negative_inventory, version)
            VALUES ({company}, {false}, {true}, {"Day"}, {false}, {1L})
            """);
        foreach (var (tenant, number, unit) in new[] { (company, "1000", "STK"), (company, "1001", "PCS"), (company, "1002", ""), (notOnboarded, "1000", "EA") })
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""
                INSERT INTO items (tenant_id, id, number, display_name, type, base_unit_of_measure_code, unit_price, unit_cost, costing_method,
                    item_category_code, blocked, sales_blocked, purchasing_blocked, last_modified_utc, version, gen_prod_posting_group,
                    inventory_posting_group, vat_prod_posting_group)
                VALUES ({tenant}, {Guid.NewGuid()}, {number}, {"Old item"}, {"Inventory"}, {unit}, {0m}, {0m}, {"FIFO"}, {""}, {false}, {false}, {false},
                    {DateTime.UtcNow}, {1L}, {""}, {""}, {""})
                """);
        }

        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO catalog_items (tenant_id, id, entry_number, display_name, manufacturer_code, vendor_number, vendor_item_number,
                unit_of_measure_code, unit_price, unit_cost, item_category_code, item_id, item_number, last_modified_utc, version)
            VALUES ({company}, {Guid.NewGuid()}, {"NS0001"}, {"Old entry"}, {""}, {""}, {""}, {"ROLL"}, {0m}, {0m}, {""}, {null as Guid?}, {""}, {DateTime.UtcNow}, {1L})
            """);

        await migrator.MigrateAsync();

        var units = await db.Database.SqlQuery<string>($"SELECT code AS \"Value\" FROM units_of_measure WHERE tenant_id = {company}").ToListAsync();
        Assert.Superset(new HashSet<string> { "PCS", "BOX", "KG", "HOUR", "STK", "ROLL" }, units.ToHashSet());
        Assert.Equal(units.Count, units.Distinct().Count());
        Assert.DoesNotContain("", units);
        var pieces = await db.Database.SqlQuery<string>(
            $"SELECT international_standard_code AS \"Value\" FROM units_of_measure WHERE tenant_id = {company} AND code = {"PCS"}").SingleAsync();
        Assert.Equal("EA", pieces);

        // Items of a tenant without a G/L setup (never onboarded) still keep a unit for their code, but get no standard list.
        var other = await db.Database.SqlQuery<string>($"SELECT code AS \"Value\" FROM units_of_measure WHERE tenant_id = {notOnboarded}").ToListAsync();
        Assert.Equal(["EA"], other);
    }
}

public sealed class companies_from_before_units_of_measure_get_them_from_the_migration_on_sqlite
    : companies_from_before_units_of_measure_get_them_from_the_migration, IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("saas-uom-migration-").FullName;

    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<string> NewDatabaseAsync() =>
        Task.FromResult(DatabaseProviders.SqliteFile(directory, Guid.NewGuid().ToString("N") + ".db"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}

public sealed class companies_from_before_units_of_measure_get_them_from_the_migration_on_postgres
    : companies_from_before_units_of_measure_get_them_from_the_migration, IAsyncLifetime
{
    private PostgresDatabase? database;

    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override async Task<string> NewDatabaseAsync()
    {
        database = await PostgresServer.CreateDatabaseAsync("uommigration");
        return database.OwnerConnectionString;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}
