using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Saas.Tenancy.Catalog;

namespace Saas.Tenancy.Storage;

/// <summary>
/// Applies every registered schema's migrations (hand-written: EF's Design package is not available here)
/// and, on PostgreSQL, the row-level-security policies derived from the model. Idempotent.
/// </summary>
public sealed class SchemaMigrator(
    IEnumerable<SchemaRegistration> schemas,
    DatabaseOptions options,
    TenantDatabases databases,
    ILogger<SchemaMigrator> logger)
{
    public async Task MigrateCatalogAsync(CancellationToken cancellationToken = default)
    {
        foreach (var schema in schemas.Where(s => s.Home == SchemaHome.Catalog).OrderBy(s => s.Order))
        {
            await MigrateAsync(schema, options.Catalog, cancellationToken);
        }
    }

    /// <summary>Migrates the pooled data database and every siloed tenant's.</summary>
    public async Task MigrateDataAsync(IEnumerable<TenantInfo> tenants, CancellationToken cancellationToken = default)
    {
        foreach (var connectionString in databases.AllAdminConnectionStrings(tenants))
        {
            await MigrateDataDatabaseAsync(connectionString, cancellationToken);
        }
    }

    public async Task MigrateDataDatabaseAsync(string adminConnectionString, CancellationToken cancellationToken = default)
    {
        foreach (var schema in schemas.Where(s => s.Home == SchemaHome.Data).OrderBy(s => s.Order))
        {
            await MigrateAsync(schema, adminConnectionString, cancellationToken);
        }
    }

    private async Task MigrateAsync(SchemaRegistration schema, string connectionString, CancellationToken cancellationToken)
    {
        await using var context = schema.CreateContext(connectionString);
        var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s) to the {Schema} schema", pending.Count, schema.Name);
        }

        await context.Database.MigrateAsync(cancellationToken);
        if (context.Database.IsSqlite())
        {
            // WAL lets readers (queries, projections) run while one writer posts.
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await RowLevelSecurity.ApplyAsync(context, options.AppRole, cancellationToken);
    }
}
