using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using Saas.Identity.Audit;
using Saas.Identity.Storage;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Saas.Identity.Clients;

/// <summary>An OAuth application as its company's administrators see it (never its secret).</summary>
public sealed record OAuthApplication(
    Guid Id, string ClientId, string DisplayName, string ClientType, IReadOnlyList<string> RedirectUris, IReadOnlyList<string> Scopes,
    DateTime? CreatedUtc, string? CreatedBy);

/// <summary>An application just registered or given a new secret: a confidential client's secret is in here and nowhere else, ever again.</summary>
public sealed record RegisteredOAuthApplication(OAuthApplication Application, string? ClientSecret);

public sealed record OAuthApplicationPage(IReadOnlyList<OAuthApplication> Applications, int Count);

/// <summary>An application of another company looks exactly like a missing one.</summary>
public sealed class OAuthApplicationNotFoundException() : Exception("No such OAuth application in this company.");

/// <summary>
/// Third-party OAuth applications (authorization code + PKCE) a company's administrators register for their company,
/// like Business Central's "Microsoft Entra Applications". Each one is an OpenIddict application and nothing else: the
/// owning company is in its client id (<c>app_{companyId}_…</c>, which lists and finds the company's applications with
/// one indexed query) and in its properties (<see cref="TenantProperty"/>, which the authorization endpoint reads), so
/// no table of ours changes. Every change is written with its audit entry in the same SaveChanges.
/// </summary>
public sealed class OAuthApplications(
    IdentityDb db,
    IOpenIddictApplicationManager applications,
    IOpenIddictAuthorizationManager authorizations,
    IOpenIddictTokenManager tokens,
    AuditTrail audit,
    TimeProvider clock,
    ILogger<OAuthApplications> logger)
{
    public const string TenantProperty = "saas_tenant_id";
    public const string CreatedProperty = "saas_created_utc";
    public const string CreatedByProperty = "saas_created_by";
    public const string Public = "public";
    public const string Confidential = "confidential";
    public const int MaxRedirectUris = 10;

    /// <summary>What an application may ask a person for: the API areas and the standard OpenID Connect scopes.</summary>
    public static readonly IReadOnlyList<string> RequestableScopes =
        [.. ApiScopes.Areas, Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.OfflineAccess];

    public static string ClientIdPrefix(Guid tenantId) => $"app_{tenantId:N}_";

    public async Task<OAuthApplicationPage> ListAsync(Guid tenantId, string? search, int skip, int top, CancellationToken cancellationToken)
    {
        var prefix = ClientIdPrefix(tenantId);
        var query = db.Set<OpenIddictEntityFrameworkCoreApplication>().AsNoTracking().Where(a => a.ClientId!.StartsWith(prefix));
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = "%" + search.Trim().ToLowerInvariant() + "%";
            query = query.Where(a => EF.Functions.Like(a.DisplayName!.ToLower(), pattern) || EF.Functions.Like(a.ClientId!.ToLower(), pattern));
        }

        var count = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(a => a.DisplayName).ThenBy(a => a.Id)
            .Skip(Math.Max(skip, 0)).Take(Math.Clamp(top, 1, 1000)).ToListAsync(cancellationToken);
        return new OAuthApplicationPage(rows.Select(Map).ToList(), count);
    }

    public async Task<OAuthApplication> GetAsync(Guid tenantId, Guid id, CancellationToken cancellationToken) =>
        Map(await RequireAsync(tenantId, id, cancellationToken));

    public async Task<RegisteredOAuthApplication> RegisterAsync(
        Guid tenantId, string? displayName, IReadOnlyList<string>? redirectUris, string? clientType, IReadOnlyList<string>? scopes, AuditActor actor,
        CancellationToken cancellationToken)
    {
        var name = ValidName(displayName);
        var uris = ValidRedirectUris(redirectUris);
        var type = clientType?.Trim().ToLowerInvariant() switch
        {
            Public => ClientTypes.Public,
            Confidential => ClientTypes.Confidential,
            _ => throw new IdentityValidationException("clientType", $"Use one of: {Public}, {Confidential}."),
        };
        var granted = ValidScopes(scopes);

        var secret = type == ClientTypes.Confidential ? OneTimeSecrets.Create() : null;
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = ClientIdPrefix(tenantId) + OneTimeSecrets.Create(12),
            ClientSecret = secret,
            ClientType = type,
            ConsentType = ConsentTypes.Explicit,
            DisplayName = name,
        };
        descriptor.RedirectUris.UnionWith(uris);
        SetPermissions(descriptor, granted);
        descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        descriptor.Properties[TenantProperty] = JsonSerializer.SerializeToElement(tenantId.ToString());
        descriptor.Properties[CreatedProperty] = JsonSerializer.SerializeToElement(clock.GetUtcNow().UtcDateTime);
        descriptor.Properties[CreatedByProperty] = JsonSerializer.SerializeToElement(actor.Name);

        // The entry is staged first, so OpenIddict's SaveChanges writes it with the application.
        audit.Add(tenantId, actor, AuditActions.OAuthApplicationRegistered, null, Subject(name, descriptor.ClientId), after: Describe(descriptor));
        var application = await applications.CreateAsync(descriptor, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("OAuth application {ClientId} registered for tenant {TenantId}", descriptor.ClientId, tenantId);
        var id = Guid.Parse((await applications.GetIdAsync(application, cancellationToken))!);
        return new RegisteredOAuthApplication(await GetAsync(tenantId, id, cancellationToken), secret);
    }

    /// <summary>Changes the name, the redirect URIs or the scopes; a null argument leaves that part as it is.</summary>
    public async Task<OAuthApplication> ChangeAsync(
        Guid tenantId, Guid id, string? displayName, IReadOnlyList<string>? redirectUris, IReadOnlyList<string>? scopes, AuditActor actor,
        CancellationToken cancellationToken)
    {
        var name = displayName is null ? null : ValidName(displayName);
        var uris = redirectUris is null ? null : ValidRedirectUris(redirectUris);
        var granted = scopes is null ? null : ValidScopes(scopes);
        var entity = await RequireAsync(tenantId, id, cancellationToken);
        var application = (await applications.FindByIdAsync(entity.Id!, cancellationToken))!;
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, cancellationToken);
        var before = Describe(descriptor);
        if (name is not null)
        {
            descriptor.DisplayName = name;
        }

        if (uris is not null)
        {
            descriptor.RedirectUris.Clear();
            descriptor.RedirectUris.UnionWith(uris);
        }

        if (granted is not null)
        {
            SetPermissions(descriptor, granted);
        }

        var after = Describe(descriptor);
        if (after != before)
        {
            audit.Add(tenantId, actor, AuditActions.OAuthApplicationChanged, null, Subject(descriptor.DisplayName ?? "", descriptor.ClientId), before, after);
            await applications.UpdateAsync(application, descriptor, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("OAuth application {ClientId} of tenant {TenantId} changed", descriptor.ClientId, tenantId);
        }

        return await GetAsync(tenantId, id, cancellationToken);
    }

    /// <summary>A new secret for a confidential application; the old one stops working at once.</summary>
    public async Task<RegisteredOAuthApplication> NewSecretAsync(Guid tenantId, Guid id, AuditActor actor, CancellationToken cancellationToken)
    {
        var entity = await RequireAsync(tenantId, id, cancellationToken);
        if (entity.ClientType != ClientTypes.Confidential)
        {
            throw new IdentityValidationException("clientType", "A public application has no secret; it proves itself with PKCE.");
        }

        var application = (await applications.FindByIdAsync(entity.Id!, cancellationToken))!;
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, cancellationToken);
        var secret = OneTimeSecrets.Create();
        descriptor.ClientSecret = secret;
        audit.Add(tenantId, actor, AuditActions.OAuthApplicationSecretRenewed, null, Subject(descriptor.DisplayName ?? "", descriptor.ClientId));
        await applications.UpdateAsync(application, descriptor, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("OAuth application {ClientId} of tenant {TenantId} got a new secret", descriptor.ClientId, tenantId);
        return new RegisteredOAuthApplication(await GetAsync(tenantId, id, cancellationToken), secret);
    }

    /// <summary>
    /// Revokes every authorization (remembered consent) and token of the application, then deletes it: its access
    /// and refresh tokens stop working with this call, since each one is checked against the token store on use.
    /// </summary>
    public async Task DeleteAsync(Guid tenantId, Guid id, AuditActor actor, CancellationToken cancellationToken)
    {
        var entity = await RequireAsync(tenantId, id, cancellationToken);
        var application = (await applications.FindByIdAsync(entity.Id!, cancellationToken))!;
        await tokens.RevokeByApplicationIdAsync(entity.Id!, cancellationToken);
        await authorizations.RevokeByApplicationIdAsync(entity.Id!, cancellationToken);
        audit.Add(tenantId, actor, AuditActions.OAuthApplicationDeleted, null, Subject(entity.DisplayName ?? "", entity.ClientId), before: entity.DisplayName);
        await applications.DeleteAsync(application, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("OAuth application {ClientId} of tenant {TenantId} deleted", entity.ClientId, tenantId);
    }

    /// <summary>The company that registered the application, or null for one the operator registered in code (any company).</summary>
    public static Guid? OwnerOf(IReadOnlyDictionary<string, JsonElement> properties) =>
        properties.TryGetValue(TenantProperty, out var value) && value.ValueKind == JsonValueKind.String && Guid.TryParse(value.GetString(), out var tenantId)
            ? tenantId
            : null;

    private async Task<OpenIddictEntityFrameworkCoreApplication> RequireAsync(Guid tenantId, Guid id, CancellationToken cancellationToken)
    {
        var prefix = ClientIdPrefix(tenantId);
        var key = id.ToString();
        return await db.Set<OpenIddictEntityFrameworkCoreApplication>().AsNoTracking()
                   .SingleOrDefaultAsync(a => a.Id == key && a.ClientId!.StartsWith(prefix), cancellationToken)
               ?? throw new OAuthApplicationNotFoundException();
    }

    private static string ValidName(string? displayName)
    {
        var name = displayName?.Trim();
        if (name is not null && HasControlCharacters(name))
        {
            throw new IdentityValidationException("displayName", ControlCharactersRefused);
        }

        return string.IsNullOrEmpty(name) || name.Length > 100
            ? throw new IdentityValidationException("displayName", "A display name of 1 to 100 characters is required.")
            : name;
    }

    private const string ControlCharactersRefused = "Must not contain control characters or direction overrides.";

    /// <summary>
    /// The API refuses these in every JSON body before binding (<c>ControlCharacters</c> in the web host); the web page
    /// posts a form, so the service checks its own text as well: C0 and C1 controls, DEL, and bidirectional overrides.
    /// </summary>
    private static bool HasControlCharacters(string text) =>
        text.Any(c => char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069');

    /// <summary>Absolute https URIs without a fragment; plain http only back to the person's own machine (native apps, RFC 8252).</summary>
    private static List<Uri> ValidRedirectUris(IReadOnlyList<string>? redirectUris)
    {
        if (redirectUris is null || redirectUris.Count is 0 or > MaxRedirectUris)
        {
            throw new IdentityValidationException("redirectUris", $"Give 1 to {MaxRedirectUris} redirect URIs.");
        }

        var result = new List<Uri>();
        for (var i = 0; i < redirectUris.Count; i++)
        {
            var field = $"redirectUris[{i}]";
            var text = redirectUris[i]?.Trim() ?? "";
            if (HasControlCharacters(text))
            {
                throw new IdentityValidationException(field, ControlCharactersRefused);
            }

            if (text.Length is 0 or > 2000 || !Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.IsFile || uri.IsUnc)
            {
                throw new IdentityValidationException(field, "Must be an absolute URI (https://…, or http://localhost/… for an application on the person's own machine).");
            }

            if (uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
            {
                throw new IdentityValidationException(field, "Must not contain a fragment (#…) or user information.");
            }

            var loopback = uri.IsLoopback || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
                || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
            if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && loopback))
            {
                throw new IdentityValidationException(field, "Must use https; plain http is allowed only for localhost or a loopback address.");
            }

            result.Add(uri);
        }

        return result;
    }

    private static List<string> ValidScopes(IReadOnlyList<string>? scopes)
    {
        if (scopes is null || scopes.Count == 0)
        {
            throw new IdentityValidationException("scopes", $"Choose at least one of: {string.Join(", ", RequestableScopes)}.");
        }

        var result = new List<string>();
        foreach (var scope in scopes)
        {
            var known = RequestableScopes.FirstOrDefault(s => string.Equals(s, scope?.Trim(), StringComparison.Ordinal))
                ?? throw new IdentityValidationException("scopes", $"'{scope}' is not a scope; use: {string.Join(", ", RequestableScopes)}.");
            if (!result.Contains(known))
            {
                result.Add(known);
            }
        }

        return result;
    }

    private static void SetPermissions(OpenIddictApplicationDescriptor descriptor, IEnumerable<string> scopes)
    {
        descriptor.Permissions.Clear();
        descriptor.Permissions.UnionWith(
        [
            Permissions.Endpoints.Authorization,
            Permissions.Endpoints.Token,
            Permissions.Endpoints.Revocation,
            Permissions.GrantTypes.AuthorizationCode,
            Permissions.GrantTypes.RefreshToken,
            Permissions.ResponseTypes.Code,
            .. scopes.Select(scope => Permissions.Prefixes.Scope + scope),
        ]);
    }

    private static string Subject(string name, string? clientId) => $"{name} ({clientId})";

    private static string Describe(OpenIddictApplicationDescriptor d) =>
        $"name: {d.DisplayName}; redirect URIs: {string.Join(" ", d.RedirectUris.Select(u => u.OriginalString).Order(StringComparer.Ordinal))}; "
        + $"scopes: {string.Join(" ", ScopesOf(d.Permissions))}";

    private static IEnumerable<string> ScopesOf(IEnumerable<string> permissions) =>
        permissions.Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
            .Select(p => p[Permissions.Prefixes.Scope.Length..])
            .OrderBy(s => RequestableScopes.ToList().IndexOf(s));

    private static OAuthApplication Map(OpenIddictEntityFrameworkCoreApplication a)
    {
        var properties = a.Properties is { Length: > 0 } p ? JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(p) ?? [] : [];
        return new OAuthApplication(
            Guid.Parse(a.Id!),
            a.ClientId ?? "",
            a.DisplayName ?? "",
            a.ClientType == ClientTypes.Confidential ? Confidential : Public,
            a.RedirectUris is { Length: > 0 } r ? JsonSerializer.Deserialize<List<string>>(r) ?? [] : [],
            ScopesOf(a.Permissions is { Length: > 0 } perms ? JsonSerializer.Deserialize<List<string>>(perms) ?? [] : []).ToList(),
            properties.TryGetValue(CreatedProperty, out var created) && created.TryGetDateTime(out var utc) ? DateTime.SpecifyKind(utc, DateTimeKind.Utc) : null,
            properties.TryGetValue(CreatedByProperty, out var by) && by.ValueKind == JsonValueKind.String ? by.GetString() : null);
    }
}
