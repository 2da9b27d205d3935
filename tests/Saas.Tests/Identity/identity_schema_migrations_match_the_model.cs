using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Saas.Identity.Storage;
using Saas.Tenancy.Storage;

namespace Saas.Tests.Identity;

/// <summary>The hand-written migration and snapshot must agree with the model on both providers.</summary>
public sealed class identity_schema_migrations_match_the_model : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "saas-identity-schema", Guid.NewGuid().ToString("N"));

    public identity_schema_migrations_match_the_model() => Directory.CreateDirectory(directory);

    private IdentityDb Context(DatabaseProvider provider, string connectionString) =>
        new(DatabaseProviders.OptionsFor<IdentityDb>(provider, connectionString, IdentityDb.HistoryTable));

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void the_snapshot_has_no_pending_model_changes(DatabaseProvider provider)
    {
        // The differ needs no server: a connection string that is never opened is enough.
        var connectionString = provider == DatabaseProvider.Postgres ? "Host=127.0.0.1;Database=unused" : "Data Source=:memory:";
        using var db = Context(provider, connectionString);

        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task migrating_yields_the_same_sqlite_schema_as_ensure_created_and_a_second_run_is_a_no_op()
    {
        var migrated = DatabaseProviders.SqliteFile(directory, "migrated.db");
        var created = DatabaseProviders.SqliteFile(directory, "created.db");
        await using (var db = Context(DatabaseProvider.Sqlite, migrated))
        {
            await db.Database.MigrateAsync();
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }

        await using (var db = Context(DatabaseProvider.Sqlite, created))
        {
            await db.Database.EnsureCreatedAsync();
        }

        var expected = await SchemaAsync(created);
        Assert.Contains("users.normalized_email TEXT notnull=0 pk=0", expected);
        Assert.Contains("tenant_memberships index ix_tenant_memberships_tenant_id_user_id unique=1", expected);
        Assert.Equal(expected, await SchemaAsync(migrated));
    }

    /// <summary>Tables, columns (type, nullability, key position) and indexes, ignoring the migrations history table.</summary>
    private static async Task<List<string>> SchemaAsync(string connectionString)
    {
        var rows = new List<string>();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var command = new SqliteCommand("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_\\_%' ESCAPE '\\' ORDER BY name", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            await using (var command = new SqliteCommand($"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}') ORDER BY name", connection))
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    rows.Add($"{table}.{reader.GetString(0)} {reader.GetString(1)} notnull={reader.GetInt64(2)} pk={reader.GetInt64(3)}");
                }
            }

            await using (var command = new SqliteCommand($"SELECT name, \"unique\" FROM pragma_index_list('{table}') WHERE origin <> 'pk' ORDER BY name", connection))
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    rows.Add($"{table} index {reader.GetString(0)} unique={reader.GetInt64(1)}");
                }
            }

            await using (var command = new SqliteCommand($"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{table}') ORDER BY \"from\"", connection))
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    rows.Add($"{table} fk {reader.GetString(1)} -> {reader.GetString(0)}.{reader.GetString(2)} {reader.GetString(3)}");
                }
            }
        }

        return rows;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Only a temp directory left behind.
        }
    }
}
