using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Saas.Tenancy.Catalog;
using Saas.Tenancy.Context;

namespace Saas.Web.Tenancy;

public sealed class TenantResolutionOptions
{
    /// <summary>With "example.com", a request to contoso.example.com names the tenant "contoso". Empty: host strategy off.</summary>
    public string BaseHost { get; set; } = "";

    public string HeaderName { get; set; } = "X-Tenant";
}

/// <summary>
/// Resolves the tenant of a request. Strategies, in this order (Finbuckle's vocabulary):
/// 1. claim — the signed-in user's <c>tenant_id</c>; authoritative when present;
/// 2. route — the <c>companies({id})</c> segment of the BC API v2.0 URL;
/// 3. host — <c>{tenant}.{BaseHost}</c>;
/// 4. header — <c>X-Tenant</c> (identifier or id).
/// Every strategy that names a tenant must agree with the claim: a disagreement is refused (403), never
/// silently switched. A tenant that does not exist is 404, a suspended one 403.
/// </summary>
public sealed partial class TenantResolutionMiddleware(RequestDelegate next, IOptions<TenantResolutionOptions> options)
{
    public const string TenantClaim = "tenant_id";

    public async Task InvokeAsync(HttpContext http, TenantCatalog catalog, TenantContext tenants, ILogger<TenantResolutionMiddleware> logger)
    {
        var candidates = new List<(string Strategy, string Key)>();
        var claim = http.User.FindFirstValue(TenantClaim);
        if (!string.IsNullOrEmpty(claim))
        {
            candidates.Add(("claim", claim));
        }

        var route = CompanySegment().Match(http.Request.Path.Value ?? "");
        if (route.Success)
        {
            candidates.Add(("route", route.Groups["id"].Value));
        }

        var host = HostTenant(http.Request.Host.Host, options.Value.BaseHost);
        if (host is not null)
        {
            candidates.Add(("host", host));
        }

        if (http.Request.Headers.TryGetValue(options.Value.HeaderName, out var header) && !string.IsNullOrWhiteSpace(header))
        {
            candidates.Add(("header", header.ToString()));
        }

        if (candidates.Count == 0 || http.User.Identity?.IsAuthenticated != true)
        {
            // Anonymous callers learn nothing about which companies exist: no tenant is resolved for them and
            // authorization answers 401 before any tenant data could be reached.
            await next(http);
            return;
        }

        TenantInfo? resolved = null;
        foreach (var (strategy, key) in candidates)
        {
            var tenant = await FindAsync(catalog, key, http.RequestAborted);
            if (tenant is null)
            {
                // Route ids of other tenants look the same as unknown ones: 404 either way, never a hint.
                await WriteProblem(http, StatusCodes.Status404NotFound, "Unknown company", $"No company '{key}' is available here ({strategy}).");
                return;
            }

            if (resolved is null)
            {
                resolved = tenant;
            }
            else if (resolved.Id != tenant.Id)
            {
                logger.LogWarning(
                    "Tenant mismatch: {Strategy} names {Requested} but the request is for {Tenant}", strategy, tenant.Id, resolved.Id);
                await WriteProblem(http, StatusCodes.Status403Forbidden, "Company mismatch",
                    $"The {strategy} names another company than the one you are signed in to. Switch company first.");
                return;
            }
        }

        if (resolved!.Status == TenantStatus.Provisioning)
        {
            // Still being onboarded (or being rolled back): it does not exist yet for anyone.
            await WriteProblem(http, StatusCodes.Status404NotFound, "Unknown company", "This company is not available yet.");
            return;
        }

        if (resolved.Status != TenantStatus.Active && !IsAccountPath(http.Request.Path))
        {
            await WriteProblem(http, StatusCodes.Status403Forbidden, "Company suspended",
                $"The company '{resolved.Name}' is suspended. Contact your reseller to reactivate it.");
            return;
        }

        using var use = tenants.Use(resolved);
        using var scope = logger.BeginScope(new LogScope(("TenantId", resolved.Id), ("Tenant", resolved.Identifier)));
        await next(http);
    }

    private static async Task<TenantInfo?> FindAsync(TenantCatalog catalog, string key, CancellationToken cancellationToken) =>
        Guid.TryParse(key, out var id)
            ? await catalog.FindByIdAsync(id, cancellationToken)
            : await catalog.FindByIdentifierAsync(key, cancellationToken);

    private static string? HostTenant(string host, string baseHost)
    {
        if (string.IsNullOrEmpty(baseHost) || !host.EndsWith("." + baseHost, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var label = host[..^(baseHost.Length + 1)];
        return label.Length > 0 && !label.Contains('.') ? label : null;
    }

    // Signing out or switching away must stay possible while the current company is suspended.
    private static bool IsAccountPath(PathString path) => path.StartsWithSegments("/account");

    private static Task WriteProblem(HttpContext http, int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(http);

    [GeneratedRegex(@"^/api/v2\.0/companies\((?<id>[^)/]*)\)", RegexOptions.IgnoreCase)]
    private static partial Regex CompanySegment();
}
