using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;
using static OpenIddict.Server.OpenIddictServerHandlers.Discovery;

namespace Saas.Web.Auth;

/// <summary>
/// OpenIddict builds the endpoint addresses of the discovery document from the request's own base URI, so a
/// caller's Host header would show up there (<c>Host: evil.example</c> → <c>http://evil.example/connect/token</c>).
/// They are rebuilt under the configured issuer, as the issuer itself already is.
/// </summary>
public sealed class IssuerBasedDiscovery : IOpenIddictServerHandler<HandleConfigurationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleConfigurationRequestContext>()
            .UseSingletonHandler<IssuerBasedDiscovery>()
            .SetOrder(AttachEndpoints.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(HandleConfigurationRequestContext context)
    {
        var issuer = context.Options.Issuer ?? throw new InvalidOperationException("The issuer is configured at start (IssuerAddress).");
        context.AuthorizationEndpoint = Under(issuer, context.Options.AuthorizationEndpointUris);
        context.TokenEndpoint = Under(issuer, context.Options.TokenEndpointUris);
        context.IntrospectionEndpoint = Under(issuer, context.Options.IntrospectionEndpointUris);
        context.RevocationEndpoint = Under(issuer, context.Options.RevocationEndpointUris);
        context.JsonWebKeySetEndpoint = Under(issuer, context.Options.JsonWebKeySetEndpointUris);
        return ValueTask.CompletedTask;
    }

    private static Uri? Under(Uri issuer, IEnumerable<Uri> endpoints) =>
        endpoints.FirstOrDefault() is { } endpoint
            ? endpoint.IsAbsoluteUri ? endpoint : new Uri(issuer, endpoint.OriginalString.TrimStart('/'))
            : null;
}
