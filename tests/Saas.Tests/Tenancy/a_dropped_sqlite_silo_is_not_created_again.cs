using Microsoft.Data.Sqlite;
using Saas.Tenancy.Storage;

namespace Saas.Tests.Tenancy;

/// <summary>
/// A siloed company's SQLite file is created once, by onboarding. Its connection string must never create it
/// again: a background scan (outbox dispatcher, consumer) that still held the company when its failed onboarding
/// was undone would otherwise bring back an empty database file after the drop.
/// </summary>
public sealed class a_dropped_sqlite_silo_is_not_created_again : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("silo-").FullName;

    [Fact]
    public async Task opening_a_missing_silo_fails_and_leaves_no_file()
    {
        var connectionString = DatabaseProviders.SqliteFile(directory, "tenant_gone.db", mustExist: true);

        await using var connection = DatabaseProviders.CreateConnection(DatabaseProvider.Sqlite, connectionString);
        await Assert.ThrowsAsync<SqliteException>(() => connection.OpenAsync());
        Assert.False(File.Exists(Path.Combine(directory, "tenant_gone.db")));
    }

    [Fact]
    public async Task an_existing_silo_opens_read_write()
    {
        var path = Path.Combine(directory, "tenant_here.db");
        PrivateFiles.EnsureFile(path);
        var connectionString = DatabaseProviders.SqliteFile(directory, "tenant_here.db", mustExist: true);

        await using var connection = DatabaseProviders.CreateConnection(DatabaseProvider.Sqlite, connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1); SELECT count(*) FROM t";
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
