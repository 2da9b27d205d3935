using Microsoft.Extensions.Options;
using OpenIddict.Server;
using OpenIddict.Validation;
using OpenIddict.Validation.AspNetCore;
using Saas.Identity;
using Saas.Identity.Clients;
using Saas.Identity.Storage;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Saas.Web.Auth;

/// <summary>
/// The token service: OpenIddict's server (authorization code + PKCE, client credentials, refresh tokens with
/// rotation and reuse detection, revocation, introspection, discovery, JWKS) and its validation handler for the
/// API, with its stores in the catalog database (<see cref="IdentityDb"/>). Our code decides who a token is for
/// (<see cref="TokenEndpoints"/>, <see cref="AuthorizeEndpoints"/>); OpenIddict does the protocol and the tokens.
/// </summary>
public static class TokenServiceSetup
{
    public const string BearerScheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;

    public static IServiceCollection AddSaasTokenService(this IServiceCollection services, IdentitySettings settings)
    {
        services.AddSingleton<IssuerAddress>();
        services.AddSingleton<TokenServiceOptions>();
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>>(sp => sp.GetRequiredService<TokenServiceOptions>());
        services.AddSingleton<IConfigureOptions<OpenIddictValidationOptions>>(sp => sp.GetRequiredService<TokenServiceOptions>());

        services.AddOpenIddict()
            .AddCore(core =>
            {
                core.UseEntityFrameworkCore().UseDbContext<IdentityDb>();
                core.ReplaceApplicationManager<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication, ClientSecretHashing>();
            })
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetRevocationEndpointUris("connect/revoke")
                    .SetIntrospectionEndpointUris("connect/introspect")
                    .SetConfigurationEndpointUris(".well-known/openid-configuration")
                    .SetJsonWebKeySetEndpointUris(".well-known/jwks.json");

                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowClientCredentialsFlow()
                    .AllowRefreshTokenFlow()

                    // First-party scripts and the test suite sign in with a password and no client id (ADR 011);
                    // a registered client can never use this grant (no client holds its permission).
                    .AllowPasswordFlow()
                    .AcceptAnonymousClients();

                server.RegisterScopes([Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.OfflineAccess, .. ApiScopes.Areas]);
                server.RegisterAudiences(IdentitySettings.Audience);

                server.SetAccessTokenLifetime(settings.AccessTokenLifetime)
                    .SetRefreshTokenLifetime(settings.RefreshTokenLifetime)
                    .SetAuthorizationCodeLifetime(settings.AuthorizationCodeLifetime)

                    // A refresh token is one-time: presented again, even a second later, it revokes its whole
                    // authorization (every token descending from the same sign-in).
                    .SetRefreshTokenReuseLeeway(TimeSpan.Zero)
                    .DisableSlidingRefreshTokenExpiration();

                // Access tokens stay signed-only JWTs (RFC 9068), readable by resource servers with the JWKS.
                server.DisableAccessTokenEncryption();

                server.AddEventHandler(IssuerBasedDiscovery.Descriptor);

                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()

                    // TLS ends at the proxy in server mode and the embedded mode runs on plain http.
                    .DisableTransportSecurityRequirement();
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseAspNetCore();
                validation.AddAudiences(IdentitySettings.Audience);

                // Every access token is looked up in the token store on use: revoking an API client, ending a
                // session or suspending a company stops its tokens at once instead of at expiry.
                validation.EnableTokenEntryValidation();
                validation.EnableAuthorizationEntryValidation();
                validation.AddEventHandler(TerseChallenge.Descriptor);
            });

        return services;
    }
}
