using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Saas.Tenancy.Context;

namespace Saas.Tenancy.Storage;

/// <summary>
/// The one tenant-aware way to run SQL through Dapper. It fails closed without a tenant, opens the
/// tenant's own database, and on PostgreSQL sets <c>app.tenant_id</c> inside the transaction so that
/// row-level security hides every foreign row even if a query forgets its predicate.
/// </summary>
public sealed class TenantDb(TenantContext tenants, TenantDatabases databases)
{
    static TenantDb() => DapperGuids.EnsureConfigured();

    public SqlDialect Dialect => databases.Dialect;

    /// <summary>A write transaction (on SQLite it takes the database's single write lock at once).</summary>
    public Task<TenantSqlSession> BeginAsync(CancellationToken cancellationToken = default) => BeginAsync(write: true, cancellationToken);

    private async Task<TenantSqlSession> BeginAsync(bool write, CancellationToken cancellationToken)
    {
        var tenant = tenants.Tenant; // throws when no tenant is in scope
        var connection = DatabaseProviders.CreateConnection(databases.Provider, databases.AppConnectionString(tenant));
        try
        {
            await connection.OpenAsync(cancellationToken);
            // Microsoft.Data.Sqlite begins IMMEDIATE by default: the write lock at BEGIN. A query must not take
            // it, or every list page and every read-position poll queues with commands, the dispatcher and the
            // projections for the one writer (and blocks a thread in busy_timeout meanwhile). Deferred, it
            // reads a WAL snapshot and never waits.
            var transaction = !write && connection is SqliteConnection sqlite
                ? sqlite.BeginTransaction(deferred: true)
                : await connection.BeginTransactionAsync(cancellationToken);
            if (databases.Provider == DatabaseProvider.Postgres)
            {
                await connection.ExecuteAsync(
                    "SELECT set_config('app.tenant_id', @Tenant, true)",
                    new { Tenant = tenant.Id.ToString() },
                    transaction);
            }

            return new TenantSqlSession(connection, transaction, tenant.Id, databases.Dialect);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs a read in its own short read-only transaction (one consistent snapshot; never a write lock).</summary>
    public async Task<T> ReadAsync<T>(Func<TenantSqlSession, Task<T>> read, CancellationToken cancellationToken = default)
    {
        await using var session = await BeginAsync(write: false, cancellationToken);
        var result = await read(session);
        await session.CommitAsync(cancellationToken);
        return result;
    }
}

/// <summary>
/// A connection + transaction bound to one tenant. Every statement must use <c>@TenantId</c>, which the
/// session supplies itself: a statement without it is refused before it reaches the database.
/// </summary>
public sealed class TenantSqlSession(DbConnection connection, DbTransaction transaction, Guid tenantId, SqlDialect dialect)
    : IAsyncDisposable
{
    public DbConnection Connection { get; } = connection;
    public DbTransaction Transaction { get; } = transaction;
    public Guid TenantId { get; } = tenantId;
    public SqlDialect Dialect { get; } = dialect;

    public Task<IEnumerable<T>> QueryAsync<T>(string sql, object? args = null) =>
        Connection.QueryAsync<T>(Guard(sql), WithTenant(args), Transaction);

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? args = null) =>
        Connection.QuerySingleOrDefaultAsync<T>(Guard(sql), WithTenant(args), Transaction);

    public Task<T?> ExecuteScalarAsync<T>(string sql, object? args = null) =>
        Connection.ExecuteScalarAsync<T>(Guard(sql), WithTenant(args), Transaction);

    public Task<int> ExecuteAsync(string sql, object? args = null) =>
        Connection.ExecuteAsync(Guard(sql), WithTenant(args), Transaction);

    public Task CommitAsync(CancellationToken cancellationToken = default) => Transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }

    private static string Guard(string sql) =>
        sql.Contains("@TenantId", StringComparison.Ordinal)
            ? sql
            : throw new InvalidOperationException("Tenant-scoped SQL must filter or stamp rows with @TenantId.");

    private DynamicParameters WithTenant(object? args)
    {
        var parameters = new DynamicParameters(args);
        parameters.Add("TenantId", TenantId);
        return parameters;
    }
}
