using System.Data.Common;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Saas.Read.Common;
using Saas.Tenancy.Catalog;
using Saas.Tenancy.Context;
using Saas.Tenancy.Storage;
using Saas.Web.Messaging;
using Saas.Write.Outbox;
using Saas.Write.Setup;

namespace Saas.Tests.Infrastructure;

/// <summary>
/// The real application (Web host, write side, dispatcher, bus, consumers, read side) on a fresh database of
/// one provider and one bus transport. Tests create their own tenants (<see cref="NewTenantAsync"/>), which
/// also runs onboarding each time, so tests never share rows and never need a wipe.
/// </summary>
public abstract class PipelineApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("saas-pipeline-").FullName;
    private readonly Dictionary<string, string?> settings = new();
    private readonly List<PostgresDatabase> siloes = [];

    public abstract DatabaseProvider Provider { get; }

    public virtual BusTransport Transport => BusTransport.InMemory;

    /// <summary>False: no background dispatcher; the test drives <see cref="DispatchAllAsync"/> itself.</summary>
    public virtual bool RunDispatcher => true;

    /// <summary>True: the first start seeds the demo (its outbox rows are written before the bus has started).</summary>
    public virtual bool SeedDemo => false;

    /// <summary>Queues and exchanges of this app only, so apps sharing the test broker never see each other's messages.</summary>
    public string BusPrefix { get; } = "t" + Guid.NewGuid().ToString("N")[..8] + "-";

    public PostgresDatabase? Postgres { get; private set; }

    /// <summary>Every publish and consume of this app's bus, by message id.</summary>
    public MessageLog Messages { get; } = new();

    public async Task InitializeAsync()
    {
        settings["Database:DataDirectory"] = dataDirectory;
        settings["Demo:Seed"] = SeedDemo ? "true" : "false";
        settings["Bus:Transport"] = Transport.ToString();
        settings["Bus:Prefix"] = BusPrefix;
        settings["Outbox:Enabled"] = RunDispatcher ? "true" : "false";
        settings["Outbox:PollInterval"] = "00:00:00.200";
        if (Transport == BusTransport.RabbitMq)
        {
            settings["Bus:RabbitMq"] = RabbitMqServer.Uri;
        }

        if (Provider == DatabaseProvider.Postgres)
        {
            Postgres = await PostgresServer.CreateDatabaseAsync(GetType().Name);
            settings["Database:Provider"] = "Postgres";
            settings["Database:AppRole"] = PostgresServer.AppRole;
            settings["ConnectionStrings:Catalog"] = Through(Postgres.OwnerConnectionString);
            settings["ConnectionStrings:Data"] = Through(Postgres.AppConnectionString);
            settings["ConnectionStrings:DataAdmin"] = Through(Postgres.OwnerConnectionString);
        }

        // Starting the host migrates every database and starts the bus (and the dispatcher, if on).
        var bus = Services.GetRequiredService<IBus>();
        bus.ConnectPublishObserver(Messages);
        bus.ConnectConsumeObserver(Messages);
    }

    /// <summary>The connection string the application uses for a database (a test may route it through a relay).</summary>
    protected virtual string Through(string connectionString) => connectionString;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var silo in siloes)
        {
            await silo.DisposeAsync();
        }

        siloes.Clear();
        if (Postgres is not null)
        {
            await Postgres.DisposeAsync();
            Postgres = null;
        }

        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finalising connection: the temp directory is cleaned by the OS later.
        }

        GC.SuppressFinalize(this);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(TestAuthentication.Register);
    }

    /// <summary>A new pooled tenant in the catalog, onboarded (number series, location MAIN) in its own scope.</summary>
    public async Task<TenantInfo> NewTenantAsync(string? name = null)
    {
        var id = Guid.NewGuid();
        var tenant = new TenantInfo
        {
            Id = id,
            Identifier = "t" + id.ToString("N")[..12],
            Name = name ?? "Company " + id.ToString("N")[..6],
        };
        await using (var scope = Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TenantCatalog>().AddAsync(tenant);
        }

        var position = await InTenantAsync(id, sp => sp.GetRequiredService<TenantOnboarding>().SeedAsync());
        if (position is { } p)
        {
            await SettleAsync(id, p);
        }

        return tenant;
    }

    /// <summary>
    /// A siloed tenant (PostgreSQL only): its own database, migrated like every data database, named in the
    /// catalog; dropped with the app.
    /// </summary>
    public async Task<TenantInfo> NewSiloedTenantAsync()
    {
        var database = await PostgresServer.CreateDatabaseAsync("silo");
        siloes.Add(database);
        await Services.GetRequiredService<SchemaMigrator>().MigrateDataDatabaseAsync(database.OwnerConnectionString);
        var id = Guid.NewGuid();
        var tenant = new TenantInfo
        {
            Id = id,
            Identifier = "s" + id.ToString("N")[..12],
            Name = "Siloed " + id.ToString("N")[..6],
            Isolation = TenantIsolation.Siloed,
            ConnectionString = database.AppConnectionString,
            AdminConnectionString = database.OwnerConnectionString,
        };
        await using (var scope = Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TenantCatalog>().AddAsync(tenant);
        }

        var position = await InTenantAsync(id, sp => sp.GetRequiredService<TenantOnboarding>().SeedAsync());
        await SettleAsync(id, position!.Value);
        return tenant;
    }

    public async Task<T> InTenantAsync<T>(Guid tenantId, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = await Services.GetRequiredService<TenantScopes>().BeginScope(tenantId);
        return await work(scope.Services);
    }

    public async Task InTenantAsync(Guid tenantId, Func<IServiceProvider, Task> work)
    {
        await using var scope = await Services.GetRequiredService<TenantScopes>().BeginScope(tenantId);
        await work(scope.Services);
    }

    /// <summary>Runs the dispatcher until no due row is left (what the background service does continuously).</summary>
    public async Task DispatchAllAsync()
    {
        var dispatcher = Services.GetRequiredService<OutboxDispatcher>();
        while (await dispatcher.DispatchOnceAsync() > 0)
        {
        }
    }

    /// <summary>Until the read side has processed <paramref name="position"/> (dispatching first when the app does not).</summary>
    public async Task SettleAsync(Guid tenantId, Guid position)
    {
        if (!RunDispatcher)
        {
            await DispatchAllAsync();
        }

        var reached = await InTenantAsync(
            tenantId, sp => sp.GetRequiredService<ReadPositions>().WaitAsync(position, TimeSpan.FromSeconds(20)));
        Assert.True(reached, $"Read position {position} of tenant {tenantId} was not reached in 20 s.");
    }

    public HttpClient ClientFor(TenantInfo tenant, params string[] permissions)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(TestAuthentication.Header, TestAuthentication.HeaderValue(Guid.NewGuid(), tenant.Id, permissions));
        return client;
    }

    /// <summary>
    /// The data database as its owner: for tests that inspect or tamper with rows the way an operator (or a
    /// crash) would. On SQLite there are no roles; on PostgreSQL the owner bypasses row-level security.
    /// </summary>
    public async Task<DbConnection> OpenOwnerConnectionAsync()
    {
        var options = Services.GetRequiredService<DatabaseOptions>();
        var connection = DatabaseProviders.CreateConnection(options.Provider, options.DataAdminOrData);
        await connection.OpenAsync();
        return connection;
    }
}

public sealed class SqliteApp : PipelineApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresApp : PipelineApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

public sealed class PostgresRabbitMqApp : PipelineApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
    public override BusTransport Transport => BusTransport.RabbitMq;
}

/// <summary>
/// Server mode started on a broker that has never seen this app's prefix (no exchanges, queues or bindings yet),
/// with the demo seeded on the first start: the case of a fresh deployment.
/// </summary>
public sealed class PostgresRabbitMqDemoApp : PipelineApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
    public override BusTransport Transport => BusTransport.RabbitMq;
    public override bool SeedDemo => true;
}

/// <summary>Server mode with the background dispatcher off.</summary>
public sealed class PostgresRabbitMqManualDispatchApp : PipelineApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
    public override BusTransport Transport => BusTransport.RabbitMq;
    public override bool RunDispatcher => false;
}

/// <summary>SQLite with the background dispatcher off: the test decides when rows are published.</summary>
public sealed class SqliteManualDispatchApp : PipelineApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    public override bool RunDispatcher => false;
}

/// <summary>PostgreSQL with the background dispatcher off.</summary>
public sealed class PostgresManualDispatchApp : PipelineApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
    public override bool RunDispatcher => false;
}
