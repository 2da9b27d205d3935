using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Saas.Tenancy.Storage;

/// <summary>
/// The provider seam: the one place that maps configuration to an EF Core provider, an ADO.NET
/// connection and a Dapper dialect. A new provider (SQL Server where its client installs) is added here.
/// </summary>
public static class DatabaseProviders
{
    public static DbContextOptionsBuilder UseDatabase(
        this DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString, string migrationsHistoryTable)
    {
        return provider switch
        {
            DatabaseProvider.Postgres => builder.UseNpgsql(connectionString, o => o.MigrationsHistoryTable(migrationsHistoryTable)),
            _ => builder.UseSqlite(connectionString, o => o.MigrationsHistoryTable(migrationsHistoryTable))
                .AddInterceptors(SqliteSettings),
        };
    }

    public static DbContextOptions<TContext> OptionsFor<TContext>(DatabaseProvider provider, string connectionString, string migrationsHistoryTable)
        where TContext : DbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        builder.UseDatabase(provider, connectionString, migrationsHistoryTable);
        return builder.Options;
    }

    public static DbConnection CreateConnection(DatabaseProvider provider, string connectionString) =>
        provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(connectionString)
            : SqliteSettings.Watch(new SqliteConnection(connectionString));

    /// <summary>Chosen once at start-up from <c>Database:SqliteSynchronous</c> (see <see cref="SqliteConnectionSettings"/>).</summary>
    public static SqliteConnectionSettings SqliteSettings { get; set; } = SqliteConnectionSettings.Normal;

    /// <summary>
    /// SQLite connection string for a file under the data directory, tuned for concurrent use. With
    /// <paramref name="mustExist"/> a connection never creates the file: a siloed company's database that was
    /// dropped (a failed onboarding undone) must not be brought back empty by a background scan that still
    /// held the company in its list.
    /// </summary>
    public static string SqliteFile(string directory, string fileName, bool mustExist = false) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, fileName),
            Mode = mustExist ? SqliteOpenMode.ReadWrite : SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30, // also the busy timeout: writers wait for each other instead of failing
        }.ToString();
}
