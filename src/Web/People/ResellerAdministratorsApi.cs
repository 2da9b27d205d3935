using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Saas.Identity;
using Saas.Identity.People;
using Saas.Tenancy.Catalog;
using Saas.Web.MasterData;
using Saas.Web.Resellers;

namespace Saas.Web.People;

/// <summary>
/// A reseller administrator sees and manages the administrators of its own companies (the operator: of all):
/// list, invite, change role, remove, lock, unlock, and the open administrator invitations (list, withdraw with
/// DELETE, resend) — administrators only, never the company's other people: a role change must take the person
/// from or to Administrator. Another partner's company answers 404, as on the tenants routes.
/// </summary>
internal static class ResellerAdministratorsApi
{
    public sealed record InviteAdministrator(string? Email);

    public sealed record ChangeRole(string? Role);

    public static void MapResellerAdministrators(this WebApplication app)
    {
        var group = app.MapGroup(ResellerEndpoints.Route + "/{tenantId:guid}/administrators")
            .WithTags("Resellers")
            .RequireAuthorization(SaasPolicies.ManagesTenants)
            .AddEndpointFilter<CommandProblems>()
            .AddEndpointFilter<PeopleProblems>();

        group.MapGet("", async (Guid tenantId, HttpContext http, CatalogDbContext catalog, CompanyPeople people) =>
        {
            if (!await ManagesAsync(catalog, http.User, tenantId, http.RequestAborted))
            {
                return NotManaged(tenantId);
            }

            var options = ApiSupport.ReadListOptions(http.Request);
            var page = await people.ListAsync(tenantId, options.SearchOn("email", "displayName"), SaasRoles.Administrator, options.Skip ?? 0, options.Top ?? 50, http.RequestAborted);
            return Results.Ok(ApiSupport.ListResponse(page.People.Select(PersonResource.From), page.Count));
        });

        group.MapPost("", async (Guid tenantId, HttpContext http, CatalogDbContext catalog, Invitations invitations) =>
        {
            if (!await ManagesAsync(catalog, http.User, tenantId, http.RequestAborted))
            {
                return NotManaged(tenantId);
            }

            var body = await ApiSupport.ReadBodyAsync<InviteAdministrator>(http.Request);
            var sent = await invitations.InviteAsync(tenantId, body.Email, SaasRoles.Administrator, Actors.Of(http.User), http.RequestAborted);
            return Results.Created(
                $"{ResellerEndpoints.Route}/{tenantId}/administrators/{sent.Ticket.InvitationId}",
                new { id = sent.Ticket.InvitationId, userId = sent.Ticket.UserId, email = sent.Email, role = sent.Ticket.Role, status = PersonStatus.Invited, invitationExpiresDateTime = sent.Ticket.ExpiresUtc, mailSent = sent.MailSent });
        });

        group.MapGet("/invitations", async (Guid tenantId, HttpContext http, CatalogDbContext catalog, CompanyPeople people) =>
        {
            if (!await ManagesAsync(catalog, http.User, tenantId, http.RequestAborted))
            {
                return NotManaged(tenantId);
            }

            var options = ApiSupport.ReadListOptions(http.Request);
            var page = await people.ListInvitationsAsync(tenantId, options.SearchOn("email"), SaasRoles.Administrator, options.Skip ?? 0, options.Top ?? 50, http.RequestAborted);
            return Results.Ok(ApiSupport.ListResponse(page.Invitations.Select(InvitationResource.From), page.Count));
        });

        // An administrator is removed; an open administrator invitation (its id is the person's while invited) is withdrawn.
        group.MapDelete("/{personId:guid}", (Guid tenantId, Guid personId, HttpContext http, CatalogDbContext catalog, CompanyPeople people) =>
            OnAdministratorAsync(tenantId, personId, http, catalog, people, async () =>
            {
                await people.RemoveAsync(tenantId, personId, Actors.Of(http.User), http.RequestAborted);
                return Results.NoContent();
            }, includeInvitations: true));
        group.MapPost("/{personId:guid}/resend", async (Guid tenantId, Guid personId, HttpContext http, CatalogDbContext catalog, CompanyPeople people, Invitations invitations) =>
        {
            if (!await ManagesAsync(catalog, http.User, tenantId, http.RequestAborted))
            {
                return NotManaged(tenantId);
            }

            if (await people.InvitationRoleAsync(tenantId, personId, http.RequestAborted) != SaasRoles.Administrator)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "No such administrator invitation in this company.");
            }

            return Results.Ok(InvitationResource.Sent(await invitations.ResendAsync(tenantId, personId, Actors.Of(http.User), http.RequestAborted)));
        });

        // Same rules as the company's own role change (the company keeps an administrator), limited to
        // administrators: demote one, or promote a member of the company to Administrator.
        group.MapPatch("/{personId:guid}", async (Guid tenantId, Guid personId, HttpContext http, CatalogDbContext catalog, CompanyPeople people) =>
        {
            if (!await ManagesAsync(catalog, http.User, tenantId, http.RequestAborted))
            {
                return NotManaged(tenantId);
            }

            var body = await ApiSupport.ReadBodyAsync<ChangeRole>(http.Request);
            var role = SaasRoles.NormalizeTenantRole(body.Role)
                ?? throw new IdentityValidationException("role", $"Use one of: {string.Join(", ", SaasRoles.TenantRoles)}.");
            var current = await people.RoleOfAsync(tenantId, personId, http.RequestAborted);
            if (current is null || (current != SaasRoles.Administrator && role != SaasRoles.Administrator))
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "No such administrator in this company.");
            }

            return Results.Ok(PersonResource.From(await people.ChangeRoleAsync(tenantId, personId, role, Actors.Of(http.User), http.RequestAborted)));
        });
        group.MapPost("/{personId:guid}/lock", (Guid tenantId, Guid personId, HttpContext http, CatalogDbContext catalog, CompanyPeople people) =>
            OnAdministratorAsync(tenantId, personId, http, catalog, people, async () =>
                Results.Ok(PersonResource.From(await people.SetLockedAsync(tenantId, personId, true, Actors.Of(http.User), http.RequestAborted)))));
        group.MapPost("/{personId:guid}/unlock", (Guid tenantId, Guid personId, HttpContext http, CatalogDbContext catalog, CompanyPeople people) =>
            OnAdministratorAsync(tenantId, personId, http, catalog, people, async () =>
                Results.Ok(PersonResource.From(await people.SetLockedAsync(tenantId, personId, false, Actors.Of(http.User), http.RequestAborted)))));
    }

    /// <summary>Runs the change only for an administrator of a company the caller manages; anyone else is "not found".</summary>
    private static async Task<IResult> OnAdministratorAsync(
        Guid tenantId, Guid personId, HttpContext http, CatalogDbContext catalog, CompanyPeople people, Func<Task<IResult>> change, bool includeInvitations = false)
    {
        if (!await ManagesAsync(catalog, http.User, tenantId, http.RequestAborted))
        {
            return NotManaged(tenantId);
        }

        var role = await people.RoleOfAsync(tenantId, personId, http.RequestAborted);
        if (role is null && includeInvitations)
        {
            role = await people.InvitationRoleAsync(tenantId, personId, http.RequestAborted);
        }

        if (role != SaasRoles.Administrator)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "No such administrator in this company.");
        }

        return await change();
    }

    private static Task<bool> ManagesAsync(CatalogDbContext catalog, ClaimsPrincipal user, Guid tenantId, CancellationToken cancellationToken) =>
        ManagedTenants.Visible(catalog, user).AnyAsync(t => t.Id == tenantId, cancellationToken);

    private static IResult NotManaged(Guid tenantId) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown company", detail: $"No company {tenantId} is managed by you.");
}
