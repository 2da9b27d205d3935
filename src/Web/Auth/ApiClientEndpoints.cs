using System.Security.Claims;
using Saas.Identity;
using Saas.Identity.Clients;

namespace Saas.Web.Auth;

/// <summary>
/// API clients of a company (BC API v2.0 style routes). Tenant administrators only, and only for the company
/// of their session: the route's companyId must equal the caller's tenant_id claim.
/// </summary>
public static class ApiClientEndpoints
{
    public sealed record CreateApiClient(string? DisplayName, string? Role);

    public static void MapApiClientEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/v2.0/companies({companyId:guid})/apiClients")
            .RequireAuthorization(SaasPolicies.TenantAdmin)
            .RequireScope(ApiScopes.Tenants);

        group.MapPost("", CreateAsync);
        group.MapGet("", ListAsync);
        app.MapDelete("/api/v2.0/companies({companyId:guid})/apiClients({id:guid})", RevokeAsync)
            .RequireAuthorization(SaasPolicies.TenantAdmin)
            .RequireScope(ApiScopes.Tenants);
    }

    private static async Task<IResult> CreateAsync(Guid companyId, CreateApiClient? body, ClaimsPrincipal caller, ApiClients clients, ILogger<ApiClient> logger, CancellationToken cancellationToken)
    {
        if (Refuse(companyId, caller) is { } refused)
        {
            return refused;
        }

        // Only people mint credentials: a leaked client secret must not be able to create lasting new ones.
        if (!Guid.TryParse(caller.FindFirstValue(SaasClaims.Subject), out var userId))
        {
            return Refusal(StatusCodes.Status403Forbidden, "API clients cannot create API clients.");
        }

        try
        {
            var created = await clients.CreateAsync(companyId, body?.DisplayName, body?.Role, userId, cancellationToken);
            logger.LogInformation("User {UserId} created API client {ClientId} for tenant {TenantId}", userId, created.Client.ClientId, companyId);
            var c = created.Client;
            return Results.Created(
                $"/api/v2.0/companies({companyId})/apiClients({c.Id})",
                new { id = c.Id, clientId = c.ClientId, clientSecret = created.ClientSecret, displayName = c.DisplayName, role = c.Role, createdUtc = c.CreatedUtc });
        }
        catch (IdentityValidationException invalid)
        {
            return Refusal(StatusCodes.Status400BadRequest, invalid.Reason, invalid.Field);
        }
    }

    private static async Task<IResult> ListAsync(Guid companyId, ClaimsPrincipal caller, ApiClients clients, CancellationToken cancellationToken)
    {
        if (Refuse(companyId, caller) is { } refused)
        {
            return refused;
        }

        var list = await clients.ListAsync(companyId, cancellationToken);
        return Results.Json(new
        {
            value = list.Select(c => new { id = c.Id, clientId = c.ClientId, displayName = c.DisplayName, role = c.Role, createdUtc = c.CreatedUtc, revokedUtc = c.RevokedUtc }),
        });
    }

    private static async Task<IResult> RevokeAsync(Guid companyId, Guid id, ClaimsPrincipal caller, ApiClients clients, ILogger<ApiClient> logger, CancellationToken cancellationToken)
    {
        if (Refuse(companyId, caller) is { } refused)
        {
            return refused;
        }

        if (!await clients.RevokeAsync(companyId, id, cancellationToken))
        {
            return Refusal(StatusCodes.Status404NotFound, "No such API client in this company.");
        }

        logger.LogInformation("API client {ApiClientId} of tenant {TenantId} revoked", id, companyId);
        return Results.NoContent();
    }

    /// <summary>Until the tenant-resolution middleware exists, the claim/route check lives here: never silently switch tenants.</summary>
    private static IResult? Refuse(Guid companyId, ClaimsPrincipal caller) =>
        Guid.TryParse(caller.FindFirstValue(SaasClaims.TenantId), out var tenantId) && tenantId == companyId
            ? null
            : Refusal(StatusCodes.Status403Forbidden, "The company in the route is not the company of your session.");

    /// <summary>RFC 7807 like every other API answer; a refused field is named in <c>errors</c>.</summary>
    private static IResult Refusal(int status, string message, string? target = null) =>
        target is null
            ? Results.Problem(statusCode: status, detail: message)
            : Results.ValidationProblem(new Dictionary<string, string[]> { [target] = [message] }, detail: message, title: "The API client could not be created");
}
