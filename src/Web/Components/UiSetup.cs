namespace Saas.Web.Components;

/// <summary>Blazor (server-side) web UI wiring (filled in by the UI work).</summary>
public static class UiSetup
{
    public static WebApplicationBuilder AddSaasUi(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapSaasUi(this WebApplication app) => app;
}
