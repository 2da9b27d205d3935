using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Saas.Tenancy.Catalog;
using Saas.Tenancy.Context;
using Saas.Tenancy.Storage;

namespace Saas.Tenancy;

public static class TenancyModule
{
    /// <summary>
    /// Binds <c>Database:*</c> and <c>ConnectionStrings:*</c>; in embedded mode (SQLite) missing connection
    /// strings default to files under the data directory.
    /// </summary>
    public static DatabaseOptions ReadDatabaseOptions(IConfiguration configuration)
    {
        var options = new DatabaseOptions();
        configuration.GetSection("Database").Bind(options);
        options.Catalog = configuration.GetConnectionString("Catalog") ?? options.Catalog;
        options.Data = configuration.GetConnectionString("Data") ?? options.Data;
        options.DataAdmin = configuration.GetConnectionString("DataAdmin") ?? options.DataAdmin;
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            DatabaseProviders.SqliteSettings = SqliteConnectionSettings.For(options.SqliteSynchronous);
            options.DataDirectory = Path.GetFullPath(options.DataDirectory);
            PrivateFiles.EnsureDirectory(options.DataDirectory);

            // The key-protection certificate lives here (token and data-protection keys are in the catalog database,
            // ADR 011); created private before it is written.
            PrivateFiles.EnsureDirectory(Path.Combine(options.DataDirectory, "keys"));
            if (string.IsNullOrWhiteSpace(options.Catalog))
            {
                PrivateFiles.EnsureFile(Path.Combine(options.DataDirectory, "catalog.db"));
                options.Catalog = DatabaseProviders.SqliteFile(options.DataDirectory, "catalog.db");
            }

            if (string.IsNullOrWhiteSpace(options.Data))
            {
                PrivateFiles.EnsureFile(Path.Combine(options.DataDirectory, "data.db"));
                options.Data = DatabaseProviders.SqliteFile(options.DataDirectory, "data.db");
            }
        }
        else if (string.IsNullOrWhiteSpace(options.Catalog) || string.IsNullOrWhiteSpace(options.Data))
        {
            throw new InvalidOperationException(
                "Database:Provider is Postgres: set ConnectionStrings:Catalog, ConnectionStrings:Data (application role) and ConnectionStrings:DataAdmin (owner role).");
        }

        return options;
    }

    public static IServiceCollection AddTenancy(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddSingleton(database);
        services.AddSingleton<TenantDatabases>();
        services.AddMemoryCache();
        services.AddScoped<TenantContext>();
        services.AddSingleton<TenantScopes>();
        services.AddScoped<TenantDb>();
        services.AddScoped<TenantStampingInterceptor>();
        services.AddScoped<PostgresTenantSession>();
        services.AddDbContext<CatalogDbContext>(o => o.UseDatabase(database.Provider, database.Catalog, CatalogDbContext.HistoryTable));
        services.AddScoped<TenantCatalog>();
        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton(new SchemaRegistration(
            "catalog", SchemaHome.Catalog, 0, cs => new CatalogDbContext(DatabaseProviders.OptionsFor<CatalogDbContext>(database.Provider, cs, CatalogDbContext.HistoryTable))));
        return services;
    }
}
