using Saas.Tenancy;
using Saas.Web.Auth;
using Saas.Web.Components;
using Saas.Web.MasterData;
using Saas.Web.Messaging;

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
        builder.AddSaasIdentity(database);
        builder.AddSaasPipeline(database);
        builder.AddSaasUi();

        var app = builder.Build();
        app.UseStatusCodePages();
        app.MapSaasIdentity();
        app.MapMasterDataApi();
        app.MapSaasUi();
        return app;
    }

    public static async Task RunSaasAsync(this WebApplication app, string[] args)
    {
        _ = args;
        await app.RunAsync();
    }
}
