using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Saas.Identity;

namespace Saas.Web.Auth;

/// <summary>
/// The token issuer (<c>iss</c>, discovery, JWKS location). <c>Identity:Issuer</c> when set; otherwise the first
/// configured URL (<c>urls</c>, as <c>--urls</c> and <c>ASPNETCORE_URLS</c> set it), else the server's first
/// bound address, else <c>http://localhost</c>. Decided once, on first use after start, and never from a
/// request: a Host header chosen by a caller must not end up in tokens or in the discovery document.
/// </summary>
public sealed class IssuerAddress(IdentitySettings settings, IConfiguration configuration, IServer server)
{
    private Uri? value;

    public Uri Value => value ??= Resolve();

    private Uri Resolve()
    {
        if (!string.IsNullOrWhiteSpace(settings.Issuer))
        {
            return new Uri(settings.Issuer.TrimEnd('/') + "/", UriKind.Absolute);
        }

        var configured = configuration["urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()
            ?? server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (configured is null)
        {
            return new Uri("http://localhost/");
        }

        // Wildcard bindings name no host a client could use: tokens then say localhost, as the banner does.
        var normalized = configured.Replace("://*", "://localhost").Replace("://+", "://localhost")
            .Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost");
        return Uri.TryCreate(normalized.TrimEnd('/') + "/", UriKind.Absolute, out var uri) ? uri : new Uri("http://localhost/");
    }
}
