using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Routing;
using Saas.Web.Components.Interactive;

namespace Saas.Web.Components;

/// <summary>
/// The web client: Blazor components rendered on the server. Pages are static SSR with plain HTML forms; the parts
/// that answer every keystroke (lookups, document lines) are interactive server islands in those pages (ADR 015).
/// </summary>
public static class UiSetup
{
    public static WebApplicationBuilder AddSaasUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddScoped<CircuitHandler, CircuitTenant>();
        builder.Services.AddScoped<Lookups>();
        builder.Services.AddScoped<ItemAvailabilityFacts>();
        builder.Services.AddAntiforgery();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<NavigationAccess>();
        builder.Services.AddScoped<CardCommands>();
        builder.Services.AddScoped<SavedNotice>();
        return builder;
    }

    public static WebApplication MapSaasUi(this WebApplication app)
    {
        // Runs after authentication and tenant resolution (added before this call), so pages see the
        // signed-in user and the active company; form posts to /account/* endpoints are checked here too.
        app.UseAntiforgery();
        // The stylesheet must load on the sign-in page too, before anyone is signed in (the fallback policy
        // requires a user). The manifest is named after this assembly, not the host's application name, so a
        // host built by a test runner (application name "testhost") still finds it.
        var manifest = typeof(UiSetup).Assembly.GetName().Name + ".staticwebassets.endpoints.json";
        if (File.Exists(Path.Combine(AppContext.BaseDirectory, manifest)))
        {
            app.MapStaticAssets(manifest).AllowAnonymous();
        }
        else
        {
            // Without a build manifest (a host assembled outside the SDK's static web assets) the files are
            // served from wwwroot as they are; pages then link them without fingerprints.
            app.UseStaticFiles();
        }

        // Blazor would add a second Content-Security-Policy header (frame-ancestors 'self') to component pages; ours
        // (SecurityHeaders) already says frame-ancestors 'none', and two policies are both enforced and confuse audits.
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode(server => server.ContentSecurityFrameAncestorsPolicy = null)
            .Add(GetOnlyWhereMarked);
        return app;
    }

    /// <summary>
    /// Component pages accept GET and POST (for their own forms), and Blazor forces their route order to 0.
    /// A page that shares its path with an account endpoint (GET /account/login is the page, POST is the
    /// sign-in) would make every POST ambiguous, so such pages answer GET only.
    /// </summary>
    private static void GetOnlyWhereMarked(EndpointBuilder endpoint)
    {
        if (!endpoint.Metadata.OfType<GetOnlyPageAttribute>().Any())
        {
            return;
        }

        foreach (var methods in endpoint.Metadata.OfType<IHttpMethodMetadata>().ToList())
        {
            endpoint.Metadata.Remove(methods);
        }

        endpoint.Metadata.Add(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
    }
}
