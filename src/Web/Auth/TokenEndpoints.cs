using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Primitives;
using Saas.Identity;
using Saas.Identity.Tokens;

namespace Saas.Web.Auth;

/// <summary>OAuth 2.0 token endpoint (RFC 6749) and the discovery documents clients use to validate tokens.</summary>
public static class TokenEndpoints
{
    public static readonly string[] GrantTypes = ["password", "refresh_token", "client_credentials"];

    public static void MapTokenEndpoints(this WebApplication app)
    {
        app.MapGet("/.well-known/openid-configuration", (HttpRequest request, IdentitySettings settings) =>
        {
            var issuer = AuthSetup.Issuer(request, settings);
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = issuer,
                ["token_endpoint"] = issuer + "/connect/token",
                ["jwks_uri"] = issuer + "/.well-known/jwks.json",
                ["grant_types_supported"] = GrantTypes,
                ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_basic", "client_secret_post" },
                ["id_token_signing_alg_values_supported"] = new[] { SigningKeys.Algorithm },
                ["claims_supported"] = new[]
                {
                    SaasClaims.Subject, SaasClaims.Name, SaasClaims.Email, SaasClaims.TenantId, SaasClaims.Tenant,
                    SaasClaims.Role, SaasClaims.ResellerId, SaasClaims.Operator, SaasClaims.ClientId,
                },
            });
        }).AllowAnonymous();

        app.MapGet("/.well-known/jwks.json", (SigningKeys keys) => Results.Json(new { keys = new[] { keys.PublicJwk } }))
            .AllowAnonymous();

        app.MapPost("/connect/token", IssueAsync).AllowAnonymous().DisableAntiforgery();
    }

    private static async Task<IResult> IssueAsync(HttpContext http, TokenGrants grants, IdentitySettings settings, CancellationToken cancellationToken)
    {
        // RFC 6749 §5.1: token responses (and errors) must never be cached.
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Pragma = "no-cache";

        if (!http.Request.HasFormContentType)
        {
            return Error(OAuthErrors.InvalidRequest, "The request must be application/x-www-form-urlencoded.");
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidDataException or BadHttpRequestException or IOException)
        {
            return Error(OAuthErrors.InvalidRequest, "The request body is not a valid form.");
        }

        // RFC 6749 §3.2: request parameters must not be repeated.
        if (form.FirstOrDefault(p => p.Value.Count > 1) is { Key: { } repeated })
        {
            return Error(OAuthErrors.InvalidRequest, $"The parameter '{repeated}' is repeated.");
        }

        var grantType = Single(form, "grant_type");
        var issuer = AuthSetup.Issuer(http.Request, settings);
        GrantResult result;
        switch (grantType)
        {
            case null:
                return Error(OAuthErrors.InvalidRequest, "The grant_type parameter is required.");
            case "password":
                result = await grants.PasswordAsync(Single(form, "username"), Single(form, "password"), Single(form, "tenant"), issuer, cancellationToken);
                break;
            case "refresh_token":
                result = await grants.RefreshAsync(Single(form, "refresh_token"), issuer, cancellationToken);
                break;
            case "client_credentials":
                if (!TryReadClient(http.Request, form, out var clientId, out var clientSecret, out var usedBasic))
                {
                    return Error(OAuthErrors.InvalidRequest, "Use exactly one client authentication method: HTTP Basic or client_id/client_secret in the body.");
                }

                result = await grants.ClientCredentialsAsync(clientId, clientSecret, issuer, cancellationToken);
                if (result.StatusCode == StatusCodes.Status401Unauthorized && usedBasic)
                {
                    http.Response.Headers.WWWAuthenticate = "Basic realm=\"saas\"";
                }

                break;
            default:
                return Error(OAuthErrors.UnsupportedGrantType, $"The grant type '{grantType}' is not supported.");
        }

        if (result.Token is not { } token)
        {
            return Error(result.Error!, result.Description!, result.StatusCode);
        }

        var body = new Dictionary<string, object>
        {
            ["access_token"] = token.AccessToken,
            ["token_type"] = "Bearer",
            ["expires_in"] = token.ExpiresIn,
        };
        if (token.RefreshToken is not null)
        {
            body["refresh_token"] = token.RefreshToken;
        }

        return Results.Json(body);
    }

    public static IResult Error(string error, string description, int statusCode = StatusCodes.Status400BadRequest) =>
        Results.Json(new Dictionary<string, string> { ["error"] = error, ["error_description"] = description }, statusCode: statusCode);

    private static string? Single(IFormCollection form, string name) =>
        form.TryGetValue(name, out var value) && !StringValues.IsNullOrEmpty(value) ? value.ToString() : null;

    /// <summary>RFC 6749 §2.3.1: HTTP Basic (form-url-encoded id and secret) or body parameters, never both.</summary>
    private static bool TryReadClient(HttpRequest request, IFormCollection form, out string? clientId, out string? clientSecret, out bool usedBasic)
    {
        clientId = Single(form, "client_id");
        clientSecret = Single(form, "client_secret");
        usedBasic = false;
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        usedBasic = true;
        if (clientSecret is not null)
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter ?? ""));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':');
        if (colon < 0)
        {
            return false;
        }

        var basicId = Uri.UnescapeDataString(decoded[..colon].Replace('+', ' '));
        if (clientId is not null && clientId != basicId)
        {
            return false;
        }

        clientId = basicId;
        clientSecret = Uri.UnescapeDataString(decoded[(colon + 1)..].Replace('+', ' '));
        return true;
    }
}
