using Saas.Tenancy.Catalog;
using Saas.Tenancy.Context;
using Saas.Tenancy.Storage;
using Saas.Write.Finance.Setup;
using Saas.Write.Inventory.Journals;

namespace Saas.Web.Startup;

/// <summary>
/// Brings every database to the current schema before the server accepts requests (hosted services start
/// before Kestrel), then seeds the demo on an empty catalog. The same steps back the <c>migrate</c> command.
/// </summary>
public sealed class DatabaseStartup(IServiceProvider services, IConfiguration configuration, ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken);
        if (configuration.GetValue("Demo:Seed", true))
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedIfEmptyAsync(cancellationToken);
        }
    }

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var migrator = services.GetRequiredService<SchemaMigrator>();
        await migrator.MigrateCatalogAsync(cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var tenants = await scope.ServiceProvider.GetRequiredService<TenantCatalog>().ListAllAsync(cancellationToken);
        await migrator.MigrateDataAsync(tenants, cancellationToken);

        // Companies onboarded before stored item journals get their DEFAULT batches here, once, so that no reader's
        // GET has to write them (onboarding seeds new companies; deleting a template's last batch re-seeds it).
        var scopes = services.GetRequiredService<TenantScopes>();
        foreach (var tenant in tenants)
        {
            await using var tenantScope = scopes.BeginScope(tenant);
            await tenantScope.Services.GetRequiredService<ItemJournalBatches>().SeedDefaultsAsync(cancellationToken);
            // Likewise the journals' number series added since (PHYS-INV).
            await tenantScope.Services.GetRequiredService<DefaultFinanceSetup>().SeedJournalSeriesAsync(cancellationToken);
        }

        logger.LogInformation("Schemas are current for the catalog and {Count} tenant(s)", tenants.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
