using Saas.Tenancy.Storage;

namespace Saas.Web.Auth;

/// <summary>Identity, authentication and authorization wiring (filled in by the Identity work).</summary>
public static class AuthSetup
{
    public static WebApplicationBuilder AddSaasIdentity(this WebApplicationBuilder builder, DatabaseOptions database)
    {
        _ = database;
        return builder;
    }

    public static WebApplication MapSaasIdentity(this WebApplication app) => app;
}
