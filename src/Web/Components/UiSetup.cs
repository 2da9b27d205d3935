using Microsoft.AspNetCore.Routing;

namespace Saas.Web.Components;

/// <summary>
/// The web client: Blazor components rendered on the server (static SSR with plain HTML forms), so the
/// browser needs no WebSocket circuit and every page works without JavaScript.
/// </summary>
public static class UiSetup
{
    public static WebApplicationBuilder AddSaasUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        builder.Services.AddAntiforgery();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<NavigationAccess>();
        builder.Services.AddScoped<CardCommands>();
        return builder;
    }

    public static WebApplication MapSaasUi(this WebApplication app)
    {
        // Runs after authentication and tenant resolution (added before this call), so pages see the
        // signed-in user and the active company; form posts to /account/* endpoints are checked here too.
        app.UseAntiforgery();
        // The stylesheet must load on the sign-in page too, before anyone is signed in (the fallback policy requires a user).
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>()
            // Component pages accept GET and POST (for their own forms). A page and an API endpoint may share
            // a path (GET /account/login is this page, POST /account/login is the sign-in endpoint): a higher
            // order lets every other endpoint win a tie instead of failing with an ambiguous match.
            .Add(endpoint => ((RouteEndpointBuilder)endpoint).Order = 1);
        return app;
    }
}
