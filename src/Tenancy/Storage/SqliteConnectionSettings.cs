using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Saas.Tenancy.Storage;

/// <summary>
/// Per-connection SQLite settings, applied to EF's connections (interceptor) and Dapper's (state change):
/// <list type="bullet">
/// <item><c>busy_timeout</c>: writers queue for the file's single lock. Left to Microsoft.Data.Sqlite, a busy
/// writer sleeps 150 ms between tries, turning every collision into a stall; SQLite's own handler waits in
/// steps of a few milliseconds.</item>
/// <item><c>synchronous = NORMAL</c> (WAL): every transaction stays atomic and the file consistent; only
/// the last commits before a power cut may roll back, whole. FULL would fsync each commit (~3 ms here: a
/// ceiling of ~330 commits/s shared by commands and projections). Server mode (PostgreSQL) is fully durable.
/// Set <c>Database:SqliteSynchronous=FULL</c> to trade throughput for that guarantee on SQLite too.</item>
/// </list>
/// </summary>
public sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    public static readonly SqliteConnectionSettings Normal = new("NORMAL");
    public static readonly SqliteConnectionSettings Full = new("FULL");

    private readonly string pragmas;

    private SqliteConnectionSettings(string synchronous) =>
        pragmas = $"PRAGMA busy_timeout = 30000; PRAGMA synchronous = {synchronous};";

    public static SqliteConnectionSettings For(string? synchronous) =>
        string.Equals(synchronous, "FULL", StringComparison.OrdinalIgnoreCase) ? Full : Normal;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    public SqliteConnection Watch(SqliteConnection connection)
    {
        connection.StateChange += (sender, change) =>
        {
            if (change.CurrentState == ConnectionState.Open && sender is SqliteConnection opened)
            {
                Apply(opened);
            }
        };
        return connection;
    }

    private void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = pragmas;
            command.ExecuteNonQuery();
        }
    }
}
