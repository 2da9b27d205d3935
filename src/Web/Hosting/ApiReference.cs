using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Saas.Web.Hosting;

/// <summary>
/// The API reference page (Scalar) over the OpenAPI document at <c>/openapi/v1.json</c>. The document declares how
/// to get a token — OAuth 2.0 authorization code (with PKCE) and client credentials at <c>/connect/authorize</c> and
/// <c>/connect/token</c>, or a bearer token pasted in — so a developer can try calls from the page.
/// </summary>
public static class ApiReference
{
    public const string Path = "/api/reference";
    public const string OAuthScheme = "oauth2";
    public const string BearerScheme = "bearer";

    /// <summary>Where the authorization-code flow starts (the OpenIddict endpoint).</summary>
    public const string AuthorizationPath = "/connect/authorize";
    public const string TokenPath = "/connect/token";

    /// <summary>API scopes by business area, as tokens carry them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Scopes = new Dictionary<string, string>
    {
        ["sales"] = "Sales: customers, sales documents",
        ["purchasing"] = "Purchasing: vendors, purchase documents",
        ["inventory"] = "Inventory: items, locations, journals, transfers",
        ["finance"] = "Finance: accounts, posting setup, ledgers",
        ["reporting"] = "Reporting and exports",
        ["tenants"] = "Companies of a reseller",
    };

    /// <summary>
    /// Scalar runs its script from this site (bundled in the package, no CDN) plus one inline script that hands it
    /// the configuration; that inline script is the reason this page has its own, looser policy. Nothing else does.
    /// Calls from the page (try it, token requests) go to this origin only.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'";

    public static OpenApiOptions AddSecuritySchemes(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[OAuthScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OAuth2,
                Description = "Authorization code with PKCE for people (consent names the company), client credentials for a company's API clients.",
                Flows = new OpenApiOAuthFlows
                {
                    AuthorizationCode = new OpenApiOAuthFlow
                    {
                        AuthorizationUrl = new Uri(AuthorizationPath, UriKind.Relative),
                        TokenUrl = new Uri(TokenPath, UriKind.Relative),
                        RefreshUrl = new Uri(TokenPath, UriKind.Relative),
                        Scopes = new Dictionary<string, string>(Scopes),
                    },
                    ClientCredentials = new OpenApiOAuthFlow
                    {
                        TokenUrl = new Uri(TokenPath, UriKind.Relative),
                        Scopes = new Dictionary<string, string>(Scopes),
                    },
                },
            };
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "An access token from /connect/token.",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OAuthScheme, document)] = [.. Scopes.Keys] });
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] });
            return Task.CompletedTask;
        });
        return options;
    }

    public static WebApplication MapApiReference(this WebApplication app)
    {
        app.MapScalarApiReference(Path, options => options
                .WithTitle("Trade API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .DisableDefaultFonts()
                .AddPreferredSecuritySchemes([OAuthScheme])
                .AddAuthorizationCodeFlow(OAuthScheme, flow => flow.WithPkce(Pkce.Sha256))
                .AddClientCredentialsFlow(OAuthScheme, _ => { }))
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }
}
