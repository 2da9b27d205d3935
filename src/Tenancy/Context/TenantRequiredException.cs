namespace Saas.Tenancy.Context;

/// <summary>
/// Thrown when tenant-owned data is touched with no tenant in scope. Failing closed is the point:
/// a missing tenant must never mean "all tenants".
/// </summary>
public sealed class TenantRequiredException()
    : InvalidOperationException("No tenant is in scope: tenant-owned data cannot be read or written without one.");

/// <summary>Thrown when code tries to write a row that belongs to another tenant than the one in scope.</summary>
public sealed class CrossTenantWriteException(string entity, Guid rowTenant, Guid scopeTenant)
    : InvalidOperationException($"Refused to save {entity} of tenant {rowTenant} while tenant {scopeTenant} is in scope.");
