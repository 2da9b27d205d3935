using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Saas.Read;
using Saas.Tenancy.Context;
using Saas.Tenancy.Storage;
using Saas.Tests.Infrastructure;
using Saas.Write;
using Saas.Write.Outbox;

namespace Saas.Tests.Pipeline;

/// <summary>
/// Migrations and snapshots are hand-written. The snapshot must equal the current model (otherwise EF refuses
/// to migrate, or a model change slips through without a migration), and migrating twice must be a no-op.
/// </summary>
public abstract class the_write_and_read_migrations_match_their_models
{
    protected abstract DatabaseProvider Provider { get; }

    protected abstract Task<string> NewDatabaseAsync();

    [Fact]
    public async Task the_snapshots_have_no_pending_model_changes_and_a_second_migration_is_a_no_op()
    {
        var connectionString = await NewDatabaseAsync();
        foreach (var context in new DbContext[] { Write(connectionString), Read(connectionString) })
        {
            await using (context)
            {
                if (context.Database.HasPendingModelChanges())
                {
                    Assert.Fail(context.GetType().Name + " differs from its snapshot:\n" + Differences(context));
                }

                await context.Database.MigrateAsync();
                await context.Database.MigrateAsync();
                Assert.Empty(await context.Database.GetPendingMigrationsAsync());
            }
        }
    }

    [Fact]
    public async Task the_migrated_schema_equals_the_schema_created_from_the_model()
    {
        var migrated = await NewDatabaseAsync();
        var created = await NewDatabaseAsync();
        await using (var write = Write(migrated))
        {
            await write.Database.MigrateAsync();
        }

        await using (var read = Read(migrated))
        {
            await read.Database.MigrateAsync();
        }

        // EnsureCreated works only on an empty database, so the two models get a script each instead.
        await using (var write = Write(created))
        {
            await write.Database.ExecuteSqlRawAsync(write.Database.GenerateCreateScript());
        }

        await using (var read = Read(created))
        {
            await read.Database.ExecuteSqlRawAsync(read.Database.GenerateCreateScript());
        }

        var fromModel = await DescribeAsync(created);
        Assert.Contains(fromModel, line => line.StartsWith("outbox.", StringComparison.Ordinal));
        Assert.Equal(string.Join('\n', fromModel), string.Join('\n', await DescribeAsync(migrated)));
    }

    /// <summary>Tables, columns (type, nullability, position) and index definitions, sorted; migration history excluded.</summary>
    private async Task<List<string>> DescribeAsync(string connectionString)
    {
        await using var connection = DatabaseProviders.CreateConnection(Provider, connectionString);
        await connection.OpenAsync();
        IEnumerable<string> lines = Provider == DatabaseProvider.Postgres
            ? (await connection.QueryAsync<string>(
                """
                SELECT table_name || '.' || column_name || ' ' || data_type || COALESCE('(' || character_maximum_length || ')', '')
                    || CASE WHEN is_nullable = 'YES' THEN ' null' ELSE ' not null' END || ' #' || ordinal_position
                FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE '\_\_%'
                UNION ALL
                SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE '\_\_%'
                """))
            : (await connection.QueryAsync<string>(
                """
                SELECT m.name || '.' || c.name || ' ' || c.type || CASE WHEN c."notnull" = 1 THEN ' not null' ELSE ' null' END
                    || ' pk' || c.pk || ' #' || c.cid
                FROM sqlite_master m JOIN pragma_table_info(m.name) c
                WHERE m.type = 'table' AND m.name NOT LIKE '\_\_%' ESCAPE '\' AND m.name NOT LIKE 'sqlite%'
                UNION ALL
                SELECT 'index ' || sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
                """));
        return lines.Order(StringComparer.Ordinal).ToList();
    }

    private WriteDbContext Write(string cs) =>
        new(DatabaseProviders.OptionsFor<WriteDbContext>(Provider, cs, WriteDbContext.HistoryTable), new TenantContext(), new OutboxSignal());

    private ReadDbContext Read(string cs) =>
        new(DatabaseProviders.OptionsFor<ReadDbContext>(Provider, cs, ReadDbContext.HistoryTable));

    /// <summary>What EF's differ sees between snapshot and model, to say what to fix when this fails.</summary>
    private static string Differences(DbContext context)
    {
        // HasPendingModelChanges already finalised and initialised the snapshot's model in place.
        var snapshot = context.GetService<IMigrationsAssembly>().ModelSnapshot?.Model;

        var operations = context.GetService<IMigrationsModelDiffer>().GetDifferences(
            snapshot?.GetRelationalModel(), context.GetService<IDesignTimeModel>().Model.GetRelationalModel());
        return string.Join('\n', operations.Select(o => o.GetType().Name + " " + Describe(o)));
    }

    private static string Describe(MigrationOperation operation) => operation switch
    {
        AlterColumnOperation a => $"{a.Table}.{a.Name}: {string.Join(", ", a.GetAnnotations().Select(x => x.Name + "=" + x.Value))} / old {string.Join(", ", a.OldColumn.GetAnnotations().Select(x => x.Name + "=" + x.Value))}",
        ColumnOperation c => $"{c.Table}.{c.Name}",
        TableOperation t => t.Name,
        _ => operation.ToString() ?? "",
    };
}

public sealed class the_write_and_read_migrations_match_their_models_on_sqlite : the_write_and_read_migrations_match_their_models, IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("saas-migrations-").FullName;

    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<string> NewDatabaseAsync() =>
        Task.FromResult(DatabaseProviders.SqliteFile(directory, Guid.NewGuid().ToString("N") + ".db"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}

public sealed class the_write_and_read_migrations_match_their_models_on_postgres : the_write_and_read_migrations_match_their_models, IAsyncLifetime
{
    private readonly List<PostgresDatabase> databases = [];

    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override async Task<string> NewDatabaseAsync()
    {
        var database = await PostgresServer.CreateDatabaseAsync("migrations");
        databases.Add(database);
        return database.OwnerConnectionString;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in databases)
        {
            await database.DisposeAsync();
        }
    }
}
