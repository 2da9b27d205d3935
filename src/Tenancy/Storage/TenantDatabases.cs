using Saas.Tenancy.Catalog;

namespace Saas.Tenancy.Storage;

/// <summary>Where a tenant's rows live: the shared (pooled) database, or its own (siloed) one.</summary>
public sealed class TenantDatabases(DatabaseOptions options)
{
    public DatabaseProvider Provider => options.Provider;

    public SqlDialect Dialect => SqlDialect.For(options.Provider);

    public string AppConnectionString(TenantInfo tenant) =>
        tenant.Isolation == TenantIsolation.Siloed
            ? tenant.ConnectionString ?? throw new InvalidOperationException($"Siloed tenant {tenant.Identifier} has no connection string.")
            : options.Data;

    public string AdminConnectionString(TenantInfo tenant) =>
        tenant.Isolation == TenantIsolation.Siloed
            ? tenant.AdminConnectionString ?? AppConnectionString(tenant)
            : options.DataAdminOrData;

    /// <summary>Every distinct data database (admin connections): the pooled one plus each siloed tenant's.</summary>
    public IReadOnlyList<string> AllAdminConnectionStrings(IEnumerable<TenantInfo> tenants) =>
        tenants.Where(t => t.Isolation == TenantIsolation.Siloed)
            .Select(AdminConnectionString)
            .Prepend(options.DataAdminOrData)
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
