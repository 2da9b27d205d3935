using Saas.Tenancy;

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

        var app = builder.Build();
        app.UseStatusCodePages();
        return app;
    }

    public static async Task RunSaasAsync(this WebApplication app, string[] args)
    {
        _ = args;
        await app.RunAsync();
    }
}
