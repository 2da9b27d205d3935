using Dapper;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Saas.Tenancy.Storage;

/// <summary>
/// PostgreSQL's second wall: after migrations, every table of a tenant-owned entity gets FORCE ROW LEVEL
/// SECURITY and a policy keyed on <c>app.tenant_id</c>; the application role gets DML but is neither owner
/// nor BYPASSRLS. Derived from the EF model, so a new tenant-owned entity cannot be forgotten.
/// </summary>
public static class RowLevelSecurity
{
    public static async Task ApplyAsync(DbContext context, string appRole, CancellationToken cancellationToken = default)
    {
        if (!context.Database.IsNpgsql())
        {
            return;
        }

        var tables = context.Model.GetEntityTypes()
            .Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType) && e.GetTableName() is not null)
            .Select(e => e.GetTableName()!)
            .Distinct()
            .ToList();

        var connectionString = context.Database.GetConnectionString()!;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var role = QuoteIdentifier(appRole);
        var roleExists = await connection.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = @appRole)", new { appRole }, transaction);

        foreach (var table in tables)
        {
            var name = QuoteIdentifier(table);
            const string tenantMatches = "tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid";
            await connection.ExecuteAsync(
                $"""
                ALTER TABLE {name} ENABLE ROW LEVEL SECURITY;
                ALTER TABLE {name} FORCE ROW LEVEL SECURITY;
                DROP POLICY IF EXISTS tenant_isolation ON {name};
                CREATE POLICY tenant_isolation ON {name} USING ({tenantMatches}) WITH CHECK ({tenantMatches});
                """,
                transaction: transaction);
        }

        if (roleExists)
        {
            await connection.ExecuteAsync(
                $"""
                GRANT USAGE ON SCHEMA public TO {role};
                GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};
                GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role};
                """,
                transaction: transaction);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";
}
