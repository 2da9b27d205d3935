using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Saas.Identity;
using Saas.Tenancy.Catalog;

namespace Saas.Web.Resellers;

/// <summary>
/// Tenant lifecycle for resellers: onboard, list, suspend, reactivate. A reseller sees only its own tenants
/// (another reseller's tenant is a 404, not a 403, so ids cannot be probed); the operator sees all.
/// </summary>
public static class ResellerEndpoints
{
    public const string Route = "/api/reseller/v1.0/tenants";

    public static WebApplication MapResellerApi(this WebApplication app)
    {
        var tenants = app.MapGroup(Route).WithTags("Resellers").RequireAuthorization(policy => policy
            .RequireAuthenticatedUser()
            .RequireAssertion(c => c.User.HasClaim(SaasClaims.Operator, "true") || c.User.HasClaim(x => x.Type == SaasClaims.ResellerId)));

        tenants.MapGet("", async (ClaimsPrincipal user, CatalogDbContext catalog, string? search, int? top, int? skip, CancellationToken ct) =>
        {
            var query = Visible(catalog, user);
            if (!string.IsNullOrWhiteSpace(search))
            {
                var pattern = "%" + search.Trim().ToLowerInvariant() + "%";
                query = query.Where(t => EF.Functions.Like(t.Identifier, pattern) || EF.Functions.Like(t.Name.ToLower(), pattern));
            }

            var count = await query.CountAsync(ct);
            var page = await query.OrderBy(t => t.Identifier).Skip(Math.Max(skip ?? 0, 0)).Take(Math.Clamp(top ?? 50, 1, 1000)).ToListAsync(ct);
            return Results.Ok(new { value = page.Select(TenantDto.From), count });
        });

        tenants.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, CatalogDbContext catalog, CancellationToken ct) =>
            await Visible(catalog, user).SingleOrDefaultAsync(t => t.Id == id, ct) is { } tenant
                ? Results.Ok(TenantDto.From(tenant))
                : NotFound(id));

        tenants.MapPost("", async (OnboardTenant command, ClaimsPrincipal user, OnboardTenantHandler handler, CancellationToken ct) =>
        {
            try
            {
                if (command.Isolation == TenantIsolation.Siloed && !IsOperator(user))
                {
                    return Results.ValidationProblem(
                        new Dictionary<string, string[]> { ["isolation"] = ["Only the operator can place a company in its own database."] },
                        title: "The company could not be created");
                }

                var resellerId = ResellerOf(user);
                var onboarded = await handler.Handle(command, resellerId, ct);
                return Results.Created($"{Route}/{onboarded.Tenant.Id}", new
                {
                    tenant = TenantDto.From(onboarded.Tenant),
                    invitationPath = $"/account/invitation?token={Uri.EscapeDataString(onboarded.InvitationToken)}",
                });
            }
            catch (OnboardingValidationException invalid)
            {
                return Results.ValidationProblem(invalid.Errors, title: "The company could not be created");
            }
        });

        tenants.MapPost("/{id:guid}/suspend", (Guid id, ClaimsPrincipal user, CatalogDbContext db, TenantCatalog catalog, CancellationToken ct) =>
            SetStatus(id, TenantStatus.Suspended, user, db, catalog, ct));
        tenants.MapPost("/{id:guid}/reactivate", (Guid id, ClaimsPrincipal user, CatalogDbContext db, TenantCatalog catalog, CancellationToken ct) =>
            SetStatus(id, TenantStatus.Active, user, db, catalog, ct));
        return app;
    }

    private static async Task<IResult> SetStatus(
        Guid id, TenantStatus status, ClaimsPrincipal user, CatalogDbContext db, TenantCatalog catalog, CancellationToken ct)
    {
        if (!await Visible(db, user).AnyAsync(t => t.Id == id, ct))
        {
            return NotFound(id);
        }

        var tenant = await catalog.SetStatusAsync(id, status, ct);
        return Results.Ok(TenantDto.From(tenant!));
    }

    private static IQueryable<TenantInfo> Visible(CatalogDbContext catalog, ClaimsPrincipal user)
    {
        var tenants = catalog.Tenants.AsNoTracking();
        if (IsOperator(user))
        {
            return tenants;
        }

        var resellerId = ResellerOf(user);
        return resellerId is null ? tenants.Where(_ => false) : tenants.Where(t => t.ResellerId == resellerId);
    }

    private static bool IsOperator(ClaimsPrincipal user) => user.HasClaim(SaasClaims.Operator, "true");

    private static Guid? ResellerOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(SaasClaims.ResellerId), out var id) ? id : null;

    private static IResult NotFound(Guid id) =>
        Results.Problem(statusCode: 404, title: "Unknown company", detail: $"No company {id} is managed by you.");
}

public sealed record TenantDto(
    Guid Id, string Identifier, string DisplayName, string Status, string CurrencyCode, string Isolation, Guid? ResellerId, DateTime CreatedDateTime)
{
    public static TenantDto From(TenantInfo t) =>
        new(t.Id, t.Identifier, t.Name, t.Status.ToString(), t.CurrencyCode, t.Isolation.ToString(), t.ResellerId, t.CreatedUtc);
}
