using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Saas.Tenancy.Catalog;

/// <summary>
/// Tenant look-ups for resolution (cached: every request needs one) and the changes that must
/// invalidate the cache (status, name). The cache key always includes the look-up kind and key.
/// </summary>
public sealed class TenantCatalog(CatalogDbContext db, IMemoryCache cache, IEnumerable<ITenantStatusObserver> observers)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public Task<TenantInfo?> FindByIdAsync(Guid id, CancellationToken cancellationToken = default) =>
        CachedAsync(("tenant-id", id), () => db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken));

    public Task<TenantInfo?> FindByIdentifierAsync(string identifier, CancellationToken cancellationToken = default)
    {
        var key = identifier.Trim().ToLowerInvariant();
        return CachedAsync(("tenant-identifier", key), () => db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Identifier == key, cancellationToken));
    }

    /// <summary>
    /// A read that raced with a change must not be cached: a look-up that read the old row before the change
    /// committed would otherwise store it after <see cref="Invalidate"/> ran, and the old status (Provisioning,
    /// Active after a suspension) would be served for the whole lifetime. Every invalidation bumps a
    /// generation; a read caches its result only if no invalidation happened meanwhile, and takes it back if
    /// one happened while it was being stored. Misses are never cached: a company another process has just
    /// created is found at once, and probing unknown ids cannot fill the cache.
    /// </summary>
    private async Task<TenantInfo?> CachedAsync(object key, Func<Task<TenantInfo?>> load)
    {
        if (cache.TryGetValue(key, out TenantInfo? cached))
        {
            return cached;
        }

        var generation = Generation();
        var before = Interlocked.Read(ref generation.Value);
        var tenant = await load();
        if (tenant is not null && Interlocked.Read(ref generation.Value) == before)
        {
            cache.Set(key, tenant, Lifetime);
            if (Interlocked.Read(ref generation.Value) != before)
            {
                cache.Remove(key);
            }
        }

        return tenant;
    }

    private StrongBox<long> Generation() =>
        cache.GetOrCreate("tenant-catalog-generation", entry =>
        {
            entry.Priority = CacheItemPriority.NeverRemove;
            return new StrongBox<long>();
        })!;

    public Task<List<TenantInfo>> ListAllAsync(CancellationToken cancellationToken = default) =>
        db.Tenants.AsNoTracking().OrderBy(t => t.Identifier).ToListAsync(cancellationToken);

    public async Task<TenantInfo> AddAsync(TenantInfo tenant, CancellationToken cancellationToken = default)
    {
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync(cancellationToken);
        Invalidate(tenant);
        return tenant;
    }

    public async Task<TenantInfo?> SetStatusAsync(Guid id, TenantStatus status, CancellationToken cancellationToken = default)
    {
        TenantStatus? previous = null;
        var tenant = await ChangeAsync(id, t => (previous, t.Status) = (t.Status, status), cancellationToken);
        if (tenant is not null && previous is { } was && was != status)
        {
            foreach (var observer in observers)
            {
                await observer.StatusChangedAsync(tenant, was, cancellationToken);
            }
        }

        return tenant;
    }

    public Task<TenantInfo?> SetTwoFactorRequirementAsync(Guid id, bool required, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, tenant => tenant.RequireTwoFactor = required, cancellationToken);

    /// <summary>Changes one tenant and drops it from this node's cache; null when there is no such tenant.</summary>
    private async Task<TenantInfo?> ChangeAsync(Guid id, Action<TenantInfo> change, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (tenant is null)
        {
            return null;
        }

        change(tenant);
        await db.SaveChangesAsync(cancellationToken);
        Invalidate(tenant);
        return tenant;
    }

    public void Invalidate(TenantInfo tenant)
    {
        Interlocked.Increment(ref Generation().Value);
        cache.Remove(("tenant-id", tenant.Id));
        cache.Remove(("tenant-identifier", tenant.Identifier));
    }
}
