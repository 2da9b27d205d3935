using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using Saas.Tenancy.Catalog;
using Saas.Tenancy.Storage;

namespace Saas.Web.Resellers;

/// <summary>
/// Removes every row of one tenant from the data databases: the compensation of a failed onboarding.
/// The tables come from the registered data schemas' EF models (every table with a tenant column), so a
/// table added later is erased too without anyone remembering to list it here.
/// </summary>
public sealed class TenantDataEraser(IEnumerable<SchemaRegistration> schemas, TenantDatabases databases, DatabaseOptions options, ILogger<TenantDataEraser> logger)
{
    public const string TenantColumn = "tenant_id";

    public async Task EraseAsync(TenantInfo tenant, bool dropSilo, CancellationToken cancellationToken = default)
    {
        if (tenant.Isolation == TenantIsolation.Siloed)
        {
            // A silo we did not create (dropSilo false) is left alone: it may belong to someone else.
            if (dropSilo)
            {
                await DropSiloAsync(tenant, cancellationToken);
            }

            return;
        }

        DapperGuids.EnsureConfigured();
        var connectionString = databases.AdminConnectionString(tenant);
        await using var connection = DatabaseProviders.CreateConnection(options.Provider, connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (options.Provider == DatabaseProvider.Postgres)
        {
            // FORCE ROW LEVEL SECURITY applies to the owner too (unless it has BYPASSRLS): name the tenant.
            await connection.ExecuteAsync("SELECT set_config('app.tenant_id', @Tenant, true)", new { Tenant = tenant.Id.ToString() }, transaction);
        }

        var erased = 0;
        foreach (var table in TenantTablesDependentsFirst())
        {
            erased += await connection.ExecuteAsync(
                $"DELETE FROM \"{table}\" WHERE {TenantColumn} = @TenantId", new { TenantId = tenant.Id }, transaction);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogWarning("Erased {Rows} row(s) of tenant {TenantId}", erased, tenant.Id);
    }

    /// <summary>Every table with a tenant column in the data schemas, ordered so that no delete violates a foreign key.</summary>
    public IReadOnlyList<string> TenantTablesDependentsFirst()
    {
        var entities = new List<IEntityType>();
        foreach (var schema in schemas.Where(s => s.Home == SchemaHome.Data))
        {
            // The model is all we need: a context over any connection string of the right provider builds it.
            using var context = schema.CreateContext(options.DataAdminOrData);
            entities.AddRange(context.Model.GetEntityTypes().Where(e =>
                e.GetTableName() is not null && e.GetProperties().Any(p => p.GetColumnName() == TenantColumn)));
        }

        var tables = entities.Select(e => e.GetTableName()!).Distinct().ToList();
        var referencedBy = entities
            .SelectMany(e => e.GetForeignKeys().Select(fk => (Dependent: e.GetTableName()!, Principal: fk.PrincipalEntityType.GetTableName())))
            .Where(r => r.Principal is not null && r.Principal != r.Dependent)
            .ToList();

        var ordered = new List<string>();
        while (tables.Count > 0)
        {
            var next = tables.FirstOrDefault(t => !referencedBy.Any(r => r.Principal == t && tables.Contains(r.Dependent)))
                ?? throw new InvalidOperationException("Tenant tables reference each other in a cycle: " + string.Join(", ", tables));
            ordered.Add(next);
            tables.Remove(next);
        }

        return ordered;
    }

    private async Task DropSiloAsync(TenantInfo tenant, CancellationToken cancellationToken)
    {
        var adminConnectionString = databases.AdminConnectionString(tenant);
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(adminConnectionString).DataSource;
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" }.Where(File.Exists))
            {
                File.Delete(path);
            }
        }
        else
        {
            var name = new NpgsqlConnectionStringBuilder(adminConnectionString).Database!;
            NpgsqlConnection.ClearPool(new NpgsqlConnection(adminConnectionString));
            NpgsqlConnection.ClearPool(new NpgsqlConnection(databases.AppConnectionString(tenant)));
            await using var connection = new NpgsqlConnection(options.DataAdminOrData);
            await connection.OpenAsync(cancellationToken);

            // WITH (FORCE) ends the sessions it finds, but the outbox dispatcher scans every data database and
            // may connect again in the instant before the drop ("being accessed by other users"): try again.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await connection.ExecuteAsync($"DROP DATABASE IF EXISTS \"{name.Replace("\"", "\"\"")}\" WITH (FORCE)");
                    break;
                }
                catch (PostgresException busy) when (busy.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 10)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), CancellationToken.None);
                }
            }
        }

        logger.LogWarning("Dropped the database of tenant {TenantId}", tenant.Id);
    }
}
