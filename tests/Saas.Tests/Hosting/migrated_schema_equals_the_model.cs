using Microsoft.Extensions.DependencyInjection;
using Saas.Tenancy.Storage;
using Saas.Web;

namespace Saas.Tests.Hosting;

/// <summary>
/// Migrations are hand-written (no EF Design package here), so every registered schema is checked: the
/// database its migrations build must equal, column for column and index for index, the one EF creates
/// straight from the model. Run per provider.
/// </summary>
public abstract class migrated_schema_equals_the_model
{
    protected abstract bool Postgres { get; }

    /// <summary>Arguments that point the application at this provider.</summary>
    protected abstract Task<string[]> AppArgumentsAsync();

    /// <summary>A new, empty database of this provider (owner connection).</summary>
    protected abstract Task<string> NewDatabaseAsync(string name);

    [Fact]
    public async Task for_every_registered_schema()
    {
        var app = SaasApplication.Build(await AppArgumentsAsync());
        var schemas = app.Services.GetServices<SchemaRegistration>().ToList();
        Assert.Contains(schemas, s => s.Name == "catalog");

        foreach (var schema in schemas)
        {
            var migrated = await NewDatabaseAsync(schema.Name + "_migrated");
            await using (var context = schema.CreateContext(migrated))
            {
                await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.MigrateAsync(context.Database);
            }

            var created = await NewDatabaseAsync(schema.Name + "_created");
            await using (var context = schema.CreateContext(created))
            {
                await context.Database.EnsureCreatedAsync();
            }

            await using var migratedConnection = SchemaSnapshot.Open(migrated, Postgres);
            await using var createdConnection = SchemaSnapshot.Open(created, Postgres);
            var fromMigrations = await SchemaSnapshot.DescribeAsync(migratedConnection);
            var fromModel = await SchemaSnapshot.DescribeAsync(createdConnection);
            Assert.True(fromModel.Count > 0, $"{schema.Name}: the model created no tables");
            Assert.Equal(
                string.Join('\n', fromModel),
                string.Join('\n', fromMigrations));
        }

        await app.DisposeAsync();
    }
}

public sealed class migrated_schema_equals_the_model_on_sqlite : migrated_schema_equals_the_model, IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("saas-schema-").FullName;

    protected override bool Postgres => false;

    protected override Task<string[]> AppArgumentsAsync() =>
        Task.FromResult(new[] { $"--Database:DataDirectory={directory}" });

    protected override Task<string> NewDatabaseAsync(string name) =>
        Task.FromResult(DatabaseProviders.SqliteFile(directory, name + ".db"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}

public sealed class migrated_schema_equals_the_model_on_postgres : migrated_schema_equals_the_model, IAsyncLifetime
{
    private readonly List<Infrastructure.PostgresDatabase> databases = [];

    protected override bool Postgres => true;

    protected override async Task<string[]> AppArgumentsAsync()
    {
        var placeholder = await NewDatabaseAsync("app");
        return
        [
            "--Database:Provider=Postgres",
            $"--ConnectionStrings:Catalog={placeholder}",
            $"--ConnectionStrings:Data={placeholder}",
            $"--Database:DataDirectory={Directory.CreateTempSubdirectory("saas-schema-pg-").FullName}",
        ];
    }

    protected override async Task<string> NewDatabaseAsync(string name)
    {
        var database = await Infrastructure.PostgresServer.CreateDatabaseAsync("schema_" + name);
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
