using Saas.Tenancy.Catalog;

namespace Saas.Tenancy.Context;

/// <summary>
/// The tenant of the current unit of work (request, message, background job). Registered scoped:
/// the tenant never lives in a singleton. <see cref="Use"/> nests and always unwinds.
/// </summary>
public sealed class TenantContext
{
    private TenantInfo? current;

    public TenantInfo? Current => current;

    public bool HasTenant => current is not null;

    /// <summary>The tenant in scope, or <see cref="TenantRequiredException"/>.</summary>
    public TenantInfo Tenant => current ?? throw new TenantRequiredException();

    public Guid TenantId => Tenant.Id;

    /// <summary>True while an explicit, logged cross-tenant bypass (<see cref="SystemAccess"/>) is active.</summary>
    public bool IsSystem { get; private set; }

    public IDisposable Use(TenantInfo tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var previous = current;
        current = tenant;
        return new Restore(() => current = previous);
    }

    internal IDisposable UseSystem()
    {
        var previous = IsSystem;
        IsSystem = true;
        return new Restore(() => IsSystem = previous);
    }

    private sealed class Restore(Action undo) : IDisposable
    {
        private Action? undo = undo;

        public void Dispose()
        {
            undo?.Invoke();
            undo = null;
        }
    }
}
