namespace Saas.Tenancy.Storage;

/// <summary>
/// Marks a row that belongs to one tenant. Such rows get the tenant stamped on add, a query filter,
/// a composite key that starts with the tenant, and a row-level-security policy on PostgreSQL.
/// </summary>
public interface ITenantOwned
{
    Guid TenantId { get; set; }
}
