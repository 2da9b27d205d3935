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

    protected override Task<string> NewDatabaseAsync() => Task.FromResult(DatabaseProviders.SqliteFile(directory, "data.db"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}

public sealed class the_write_and_read_migrations_match_their_models_on_postgres : the_write_and_read_migrations_match_their_models, IAsyncLifetime
{
    private PostgresDatabase? database;

    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override Task<string> NewDatabaseAsync() => Task.FromResult(database!.OwnerConnectionString);

    public async Task InitializeAsync() => database = await PostgresServer.CreateDatabaseAsync("migrations");

    public async Task DisposeAsync() => await database!.DisposeAsync();
}
