using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Saas.Tenancy.Context;

namespace Saas.Tenancy.Storage;

/// <summary>
/// Stamps the tenant on every added tenant-owned row and refuses to save a row of another tenant,
/// whatever the code that loaded or built it did.
/// </summary>
public sealed class TenantStampingInterceptor(TenantContext tenants) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            var tenantId = tenants.TenantId; // fails closed without a tenant
            if (entry.State == EntityState.Added && entry.Entity.TenantId == Guid.Empty)
            {
                entry.Entity.TenantId = tenantId;
            }

            var original = entry.State == EntityState.Added
                ? entry.Entity.TenantId
                : entry.Property(e => e.TenantId).OriginalValue;
            if (entry.Entity.TenantId != tenantId || original != tenantId)
            {
                throw new CrossTenantWriteException(entry.Metadata.ClrType.Name, entry.Entity.TenantId, tenantId);
            }
        }
    }
}
