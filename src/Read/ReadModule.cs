using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Saas.Read.Common;
using Saas.Read.Inventory;
using Saas.Read.MasterData;
using Saas.Tenancy.Storage;

namespace Saas.Read;

public static class ReadModule
{
    /// <summary>Read tables' schema, queries, read positions and the rebuild. Consumers: <see cref="AddReadConsumers"/>.</summary>
    public static IServiceCollection AddSaasRead(this IServiceCollection services, DatabaseOptions database)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new SchemaRegistration(
            "read",
            SchemaHome.Data,
            20,
            cs => new ReadDbContext(DatabaseProviders.OptionsFor<ReadDbContext>(database.Provider, cs, ReadDbContext.HistoryTable))));
        services.AddScoped<ItemQueries>();
        services.AddScoped<CustomerQueries>();
        services.AddScoped<VendorQueries>();
        services.AddScoped<LocationQueries>();
        services.AddScoped<ItemCategoryQueries>();
        services.AddScoped<ItemAttributeQueries>();
        services.AddScoped<CatalogItemQueries>();
        services.AddScoped<ItemReferenceQueries>();
        services.AddScoped<Finance.LedgerQueries>();
        services.AddScoped<Inventory.TransferQueries>();
        services.AddScoped<Navigate.NavigateQueries>();
        services.AddScoped<Workspace.JobQueries>();
        services.AddScoped<Administration.AuditLogQueries>();
        services.AddScoped<ReadPositions>();
        services.AddSingleton<ReadSideSignal>();
        services.AddSingleton<ProjectionWriter>();
        services.AddScoped<MasterDataRebuild>();
        services.AddScoped<InventoryQueries>();
        services.AddScoped<InventoryRebuild>();
        services.AddSingleton<ReadModelRebuilder>();
        return services;
    }

    /// <summary>Messages each read-side queue processes at once on SQLite.</summary>
    public const int ConcurrentMessages = 32;

    /// <summary>The read side's consumers, each on its own queue (prefixed to share a broker between environments).</summary>
    public static void AddReadConsumers(this IBusRegistrationConfigurator bus, string queuePrefix, DatabaseProvider provider)
    {
        // On SQLite several messages in flight per queue give the projection writer something to commit together (a
        // consumer mostly waits for that commit). PostgreSQL keeps the transport's default: a transaction per message.
        int? concurrentMessages = provider == DatabaseProvider.Sqlite ? ConcurrentMessages : null;
        bus.AddConsumer<MasterDataProjectionConsumer>()
            .Endpoint(e =>
            {
                e.Name = queuePrefix + MasterDataProjectionConsumer.Name;
                e.ConcurrentMessageLimit = concurrentMessages;
            });
        bus.AddConsumer<InventoryProjectionConsumer>()
            .Endpoint(e =>
            {
                e.Name = queuePrefix + InventoryProjectionConsumer.Name;
                e.ConcurrentMessageLimit = concurrentMessages;
            });
    }
}
