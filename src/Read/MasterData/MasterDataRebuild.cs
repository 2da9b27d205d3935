using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Saas.Tenancy.Catalog;
using Saas.Tenancy.Context;
using Saas.Read.Inventory;
using Saas.Tenancy.Storage;
using Saas.Write;

namespace Saas.Read.MasterData;

/// <summary>
/// Rebuilds the tenant-in-scope's master-data read tables from the write side's current rows, through the
/// same projection code as the consumer, so the result equals what incremental projection produced.
/// </summary>
public sealed class MasterDataRebuild(TenantDb db, WriteDbContext write)
{
    /// <summary>Returns the number of rows projected.</summary>
    /// <remarks>
    /// <paramref name="progress"/> hears (rows projected, rows in all) after each row; it may throw to stop the rebuild,
    /// and then the transaction is rolled back, so the read tables stay as they were.
    /// </remarks>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken = default, Action<int, int>? progress = null)
    {
        await using var session = await db.BeginAsync(cancellationToken);

        // Delete first, then read the write side: a change committed before the read is in the rebuilt rows,
        // one committed after it arrives as an event whose higher version wins. Reading first could put back
        // an older version over one a consumer had just projected.
        await MasterDataProjection.DeleteAllAsync(session);
        await ItemCatalogProjection.DeleteAllAsync(session);
        var items = await write.Items.AsNoTracking().ToListAsync(cancellationToken);
        var customers = await write.Customers.AsNoTracking().ToListAsync(cancellationToken);
        var vendors = await write.Vendors.AsNoTracking().ToListAsync(cancellationToken);
        var locations = await write.Locations.AsNoTracking().ToListAsync(cancellationToken);
        var total = items.Count + customers.Count + vendors.Count + locations.Count;
        var projected = 0;
        void Step()
        {
            projected++;
            progress?.Invoke(projected, total);
            cancellationToken.ThrowIfCancellationRequested();
        }

        progress?.Invoke(0, total);
        foreach (var item in items)
        {
            await MasterDataProjection.UpsertItemAsync(session, item.ToEvent());
            Step();
        }

        foreach (var customer in customers)
        {
            await MasterDataProjection.UpsertCustomerAsync(session, customer.ToEvent());
            Step();
        }

        foreach (var vendor in vendors)
        {
            await MasterDataProjection.UpsertVendorAsync(session, vendor.ToEvent());
            Step();
        }

        foreach (var location in locations)
        {
            await MasterDataProjection.UpsertLocationAsync(session, location.ToEvent());
            Step();
        }

        projected += await ItemCatalogRebuild.ProjectAllAsync(session, write, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return projected;
    }
}

/// <summary>
/// The operator's <c>rebuild</c>: every tenant's read tables (master data, then inventory), each in its own
/// tenant scope. Returns the number of master-data rows.
/// </summary>
public sealed class ReadModelRebuilder(TenantScopes scopes, ILogger<ReadModelRebuilder> logger)
{
    public async Task<int> RebuildAllAsync(CancellationToken cancellationToken = default)
    {
        List<TenantInfo> tenants;
        await using (var system = scopes.BeginSystemScope("read model rebuild: list tenants"))
        {
            tenants = await system.Services.GetRequiredService<TenantCatalog>().ListAllAsync(cancellationToken);
        }

        var total = 0;
        foreach (var tenant in tenants)
        {
            await using var scope = scopes.BeginScope(tenant);
            var rows = await scope.Services.GetRequiredService<MasterDataRebuild>().RebuildAsync(cancellationToken);
            logger.LogInformation("Rebuilt {Rows} master-data read row(s) of tenant {TenantId}", rows, tenant.Id);
            total += rows;

            // Its own transaction: the inventory sums come from the ledgers, not from the master-data rows.
            var registers = await scope.Services.GetRequiredService<InventoryRebuild>().RebuildAsync(cancellationToken);
            logger.LogInformation("Rebuilt the inventory of tenant {TenantId} from {Registers} register(s)", tenant.Id, registers);
        }

        return total;
    }
}
