using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Saas.Tenancy.Context;
using Saas.Tenancy.Storage;
using Saas.Write.Finance.Posting;
using Saas.Write.Finance.Setup;
using Saas.Write.Inventory;
using Saas.Write.Inventory.Catalog;
using Saas.Write.Outbox;
using Saas.Write.Purchasing;
using Saas.Write.Sales;
using Saas.Write.Setup;

namespace Saas.Write;

public static class WriteModule
{
    /// <summary>
    /// The write model, its command handlers, the outbox and its dispatcher. Needs the tenancy services and
    /// the dispatcher's bus (<see cref="IOutboxTransport"/>) registered by the host.
    /// </summary>
    public static IServiceCollection AddSaasWrite(this IServiceCollection services, IConfiguration configuration, DatabaseOptions database)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<OutboxSignal>();
        services.AddDbContext<WriteDbContext>((sp, options) =>
        {
            // The tenant decides the database (pooled or its own); resolving the context without one fails closed.
            var tenant = sp.GetRequiredService<TenantContext>().Tenant;
            var databases = sp.GetRequiredService<TenantDatabases>();
            options.UseDatabase(databases.Provider, databases.AppConnectionString(tenant), WriteDbContext.HistoryTable);
            options.AddInterceptors(sp.GetRequiredService<TenantStampingInterceptor>(), sp.GetRequiredService<PostgresTenantSession>());
        });
        services.AddSingleton(new SchemaRegistration("write", SchemaHome.Data, 10, CreateForMigration));

        services.AddScoped<NumberSeries>();
        services.AddScoped<Workspace.SavedViews>();
        services.AddSingleton<Workspace.BackgroundJobs>();
        services.AddScoped<TenantOnboarding>();
        services.AddScoped<UnitsOfMeasure>();
        services.AddScoped<EditNoSeries>();
        services.AddScoped<DefaultFinanceSetup>();
        services.AddScoped<Finance.Setup.Editing.ChartOfAccounts>();
        services.AddScoped<Finance.Setup.Editing.PostingGroups>();
        services.AddScoped<Finance.Setup.Editing.GeneralPostingSetups>();
        services.AddScoped<Finance.Setup.Editing.InventoryPostingSetups>();
        services.AddScoped<Finance.Setup.Editing.VatPostingSetups>();
        services.AddScoped<Finance.Setup.Editing.GeneralLedgerSetups>();
        services.AddScoped<ItemPostingEngine>();
        services.AddScoped<Inventory.Journals.ItemJournal>();
        services.AddScoped<Inventory.Journals.ItemJournalBatches>();
        services.AddScoped<Inventory.Journals.ItemJournalLines>();
        services.AddScoped<Inventory.Journals.ItemJournalCalculations>();
        services.AddScoped<Inventory.Journals.PostItemJournalBatch>();
        services.AddScoped<Inventory.Transfers.TransferOrders>();
        services.AddScoped<Inventory.Transfers.TransferPosting>();
        services.AddScoped<CreateItemHandler>();
        services.AddScoped<UpdateItemHandler>();
        services.AddScoped<CreateCustomerHandler>();
        services.AddScoped<UpdateCustomerHandler>();
        services.AddScoped<CreateVendorHandler>();
        services.AddScoped<UpdateVendorHandler>();
        services.AddScoped<CreateLocationHandler>();
        services.AddScoped<UpdateLocationHandler>();
        services.AddScoped<CreateItemCategoryHandler>();
        services.AddScoped<UpdateItemCategoryHandler>();
        services.AddScoped<DeleteItemCategoryHandler>();
        services.AddScoped<CreateItemAttributeHandler>();
        services.AddScoped<UpdateItemAttributeHandler>();
        services.AddScoped<SetItemAttributeValueHandler>();
        services.AddScoped<RemoveItemAttributeValueHandler>();
        services.AddScoped<CreateCatalogItemHandler>();
        services.AddScoped<UpdateCatalogItemHandler>();
        services.AddScoped<CreateItemFromCatalogItemHandler>();
        services.AddScoped<ItemReferenceHandlers>();

        services.Configure<OutboxOptions>(configuration.GetSection("Outbox"));
        services.AddSingleton(sp => new OutboxDispatcher(
            sp.GetRequiredService<TenantScopes>(),
            sp.GetRequiredService<TenantDatabases>(),
            sp.GetRequiredService<IOutboxTransport>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<OutboxOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<OutboxDispatcher>>()));
        services.AddHostedService<OutboxDispatcherService>();
        return services;

        WriteDbContext CreateForMigration(string connectionString) => new(
            DatabaseProviders.OptionsFor<WriteDbContext>(database.Provider, connectionString, WriteDbContext.HistoryTable),
            new TenantContext(),
            new OutboxSignal());
    }
}
