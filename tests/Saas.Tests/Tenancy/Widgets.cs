using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saas.Tenancy;
using Saas.Tenancy.Catalog;
using Saas.Tenancy.Context;
using Saas.Tenancy.Storage;

namespace Saas.Tests.Tenancy;

/// <summary>A tenant-owned test entity on a real database, to exercise the isolation plumbing by itself.</summary>
public sealed class Widget : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Number { get; set; }
}

public sealed class WidgetDbContext(DbContextOptions<WidgetDbContext> options, TenantContext tenants) : DbContext(options), ITenantDbContext
{
    public Guid CurrentTenantId => tenants.TenantId;

    public DbSet<Widget> Widgets => Set<Widget>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Widget>(w =>
        {
            w.HasKey(x => new { x.TenantId, x.Id });
            w.HasIndex(x => new { x.TenantId, x.Number }).IsUnique();
        });
        modelBuilder.ApplyTenantQueryFilters(this);
        modelBuilder.ApplySnakeCaseNames();
    }
}

/// <summary>A service provider with the tenancy module on a fresh SQLite directory and a widget table.</summary>
public sealed class WidgetWorld : IAsyncDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "saas-widgets-" + Guid.NewGuid().ToString("N"));

    public WidgetWorld()
    {
        Directory.CreateDirectory(directory);
        var options = new DatabaseOptions
        {
            DataDirectory = directory,
            Catalog = DatabaseProviders.SqliteFile(directory, "catalog.db"),
            Data = DatabaseProviders.SqliteFile(directory, "data.db"),
        };
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddTenancy(options);
        services.AddDbContext<WidgetDbContext>((sp, o) => o
            .UseDatabase(options.Provider, options.Data, "__widget_migrations")
            .AddInterceptors(sp.GetRequiredService<TenantStampingInterceptor>(), sp.GetRequiredService<PostgresTenantSession>()));
        Services = services.BuildServiceProvider(validateScopes: true);
    }

    public ServiceProvider Services { get; }

    public TenantInfo A { get; } = new() { Id = Guid.NewGuid(), Identifier = "alpha", Name = "Alpha" };

    public TenantInfo B { get; } = new() { Id = Guid.NewGuid(), Identifier = "beta", Name = "Beta" };

    public TenantScopes Scopes => Services.GetRequiredService<TenantScopes>();

    public async Task InitializeAsync()
    {
        await Services.GetRequiredService<SchemaMigrator>().MigrateCatalogAsync();
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WidgetDbContext>().Database.EnsureCreatedAsync();
        var catalog = scope.ServiceProvider.GetRequiredService<TenantCatalog>();
        await catalog.AddAsync(A);
        await catalog.AddAsync(B);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless; failing the test for it is not.
        }
    }
}
