using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Saas.Read.MasterData;
using Saas.Tenancy;
using Saas.Tenancy.Storage;
using Saas.Web.Auth;
using Saas.Web.Components;
using Saas.Web.Hosting;
using Saas.Web.Inventory;
using Saas.Web.Jobs;
using Saas.Web.Mail;
using Saas.Web.People;
using Saas.Web.Finance;
using Saas.Web.MasterData;
using Saas.Web.Messaging;
using Saas.Web.Resellers;
using Saas.Web.Startup;
using Saas.Web.Tenancy;

namespace Saas.Web;

/// <summary>
/// Composition root. Each module registers its own services; this file only decides the order.
/// </summary>
public static class SaasApplication
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var database = TenancyModule.ReadDatabaseOptions(builder.Configuration);
        builder.Services.AddTenancy(database);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemMapping>();
        builder.Services.AddOpenApi(options => options.AddSchemaTransformer(Saas.Web.MasterData.BcWordsSchema.TransformAsync).AddSecuritySchemes());
        builder.Services.AddSaasHealthChecks();
        builder.Services.Configure<TenantResolutionOptions>(builder.Configuration.GetSection("Tenancy"));
        builder.Services.AddScoped<DemoData>();
        builder.Services.AddResellers();
        builder.Services.AddSingleton<DatabaseStartup>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DatabaseStartup>());
        builder.AddSaasIdentity(database);
        builder.Services.AddTokenRateLimit(builder.Configuration);
        builder.Services.AddRateLimitRejection();
        builder.AddSaasPipeline(database);
        builder.AddSaasUi();
        builder.AddSecurityHeaders();
        builder.AddCredentialRateLimits();
        builder.AddSaasTelemetry();
        builder.AddSaasMail();
        builder.AddPeople();
        builder.AddSaasJobs();

        var app = builder.Build();
        app.UseSaasTelemetry();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseSaasStatusCodePages();

        // Before authentication: OpenIddict answers bad token requests inside it, and those must count too.
        app.UseRateLimiter();
        app.UseSaasAuthentication();
        app.UseMiddleware<SameSiteWrites>();
        app.UseMiddleware<TenantResolutionMiddleware>();
        app.UseAuthorization();
        app.UseMiddleware<ControlCharacters>();
        app.MapOpenApi().AllowAnonymous();
        app.MapApiReference();
        app.MapSaasHealth();
        app.MapSaasIdentity();
        app.MapMasterDataApi();
        app.MapFinanceApi();
        app.MapFinanceSetupApi();
        app.MapTransferOrdersApi();
        app.MapResellerApi();
        app.MapPeopleApi();
        app.MapJobDownloads();
        app.MapSaasUi();
        return app;
    }

    /// <summary>
    /// <c>migrate</c> brings every database to the current schema and exits; <c>rebuild</c> also drops and
    /// replays every read model from the write side; otherwise the product runs.
    /// </summary>
    public static async Task<int> RunSaasAsync(this WebApplication app, string[] args)
    {
        if (args.Contains("migrate") || args.Contains("rebuild"))
        {
            await app.Services.GetRequiredService<DatabaseStartup>().MigrateAsync(CancellationToken.None);
            Console.WriteLine("All databases are migrated.");
            if (args.Contains("rebuild"))
            {
                var rows = await app.Services.GetRequiredService<ReadModelRebuilder>().RebuildAllAsync(CancellationToken.None);
                Console.WriteLine($"Read models rebuilt from the write side: {rows} row(s).");
            }

            return 0;
        }

        app.Lifetime.ApplicationStarted.Register(() => PrintWelcome(app));
        await app.RunAsync();
        return 0;
    }

    private static void PrintWelcome(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var database = app.Services.GetRequiredService<DatabaseOptions>();
        using var scope = app.Services.CreateScope();
        var demo = scope.ServiceProvider.GetRequiredService<DemoData>();
        Console.WriteLine();
        Console.WriteLine($"Trade SaaS is running on {database.Provider} ({(database.Provider == DatabaseProvider.Sqlite ? database.DataDirectory : "server")}).");
        foreach (var address in addresses)
        {
            Console.WriteLine($"  Open {address}");
        }

        demo.PrintSignIns(Console.Out);
        Console.WriteLine();
    }
}
