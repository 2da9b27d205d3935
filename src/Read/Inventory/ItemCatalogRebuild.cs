using Microsoft.EntityFrameworkCore;
using Saas.Contracts;
using Saas.Tenancy.Storage;
using Saas.Write;

namespace Saas.Read.Inventory;

/// <summary>The item catalog's part of the master-data rebuild: current write rows through the same projection.</summary>
internal static class ItemCatalogRebuild
{
    public static async Task<int> ProjectAllAsync(TenantSqlSession session, WriteDbContext write, CancellationToken cancellationToken)
    {
        var events = new List<ITenantEvent>();
        events.AddRange((await write.ItemCategories.AsNoTracking().ToListAsync(cancellationToken)).Select(c => c.ToEvent()));
        events.AddRange((await write.ItemAttributes.AsNoTracking().ToListAsync(cancellationToken)).Select(a => a.ToEvent()));
        events.AddRange((await write.ItemAttributeValues.AsNoTracking().ToListAsync(cancellationToken)).Select(v => v.ToEvent()));
        events.AddRange((await write.CatalogItems.AsNoTracking().ToListAsync(cancellationToken)).Select(i => i.ToEvent()));
        events.AddRange((await write.ItemReferences.AsNoTracking().ToListAsync(cancellationToken)).Select(r => r.ToEvent()));
        foreach (var e in events)
        {
            await ItemCatalogProjection.ProjectAsync(session, e);
        }

        return events.Count;
    }
}
