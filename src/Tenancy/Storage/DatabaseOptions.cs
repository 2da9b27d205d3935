namespace Saas.Tenancy.Storage;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>
/// Where the data lives. Bound from <c>Database:*</c> and <c>ConnectionStrings:*</c>.
/// On PostgreSQL, <see cref="Data"/> connects as the application role (subject to row-level security)
/// and <see cref="DataAdmin"/> as the owner role (migrations, the outbox dispatcher, rebuilds).
/// </summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Embedded mode keeps its SQLite files and generated keys here.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Tenant catalog, resellers, users and memberships.</summary>
    public string Catalog { get; set; } = "";

    /// <summary>Pooled tenants' data (write tables, outbox, read tables) as the application role.</summary>
    public string Data { get; set; } = "";

    /// <summary>The same database as the owner role; defaults to <see cref="Data"/> (SQLite has no roles).</summary>
    public string? DataAdmin { get; set; }

    /// <summary>PostgreSQL role the application connects as; granted DML, never BYPASSRLS.</summary>
    public string AppRole { get; set; } = "saas_app";

    /// <summary>SQLite's <c>synchronous</c> setting: NORMAL (default, WAL-safe) or FULL (fsync every commit).</summary>
    public string SqliteSynchronous { get; set; } = "NORMAL";

    public string DataAdminOrData => string.IsNullOrWhiteSpace(DataAdmin) ? Data : DataAdmin;
}
