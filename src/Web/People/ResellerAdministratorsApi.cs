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
/// list, invite, remove, lock, unlock — administrators only, never the company's other people. Another partner's
/// company answers 404, as on the tenants routes.
/// </summary>
internal static class ResellerAdministratorsApi
{
    public sealed record InviteAdministrator(string? Email);

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

        group.MapDelete("/{personId:guid}", (Guid tenantId, Guid personId, HttpContext http, CatalogDbContext catalog, CompanyPeople people) =>
            OnAdministratorAsync(tenantId, personId, http, catalog, people, async () =>
            {
                await people.RemoveAsync(tenantId, personId, Actors.Of(http.User), http.RequestAborted);
                return Results.NoContent();
            }));
        group.MapPost("/{personId:guid}/lock", (Guid tenantId, Guid personId, HttpContext http, CatalogDbContext catalog, CompanyPeople people) =>
            OnAdministratorAsync(tenantId, personId, http, catalog, people, async () =>
                Results.Ok(PersonResource.From(await people.SetLockedAsync(tenantId, personId, true, Actors.Of(http.User), http.RequestAborted)))));
        group.MapPost("/{personId:guid}/unlock", (Guid tenantId, Guid personId, HttpContext http, CatalogDbContext catalog, CompanyPeople people) =>
            OnAdministratorAsync(tenantId, personId, http, catalog, people, async () =>
                Results.Ok(PersonResource.From(await people.SetLockedAsync(tenantId, personId, false, Actors.Of(http.User), http.RequestAborted)))));
    }

    /// <summary>Runs the change only for an administrator of a company the caller manages; anyone else is "not found".</summary>
    private static async Task<IResult> OnAdministratorAsync(
        Guid tenantId, Guid personId, HttpContext http, CatalogDbContext catalog, CompanyPeople people, Func<Task<IResult>> change)
    {
        if (!await ManagesAsync(catalog, http.User, tenantId, http.RequestAborted))
        {
            return NotManaged(tenantId);
        }

        if (await people.RoleOfAsync(tenantId, personId, http.RequestAborted) != SaasRoles.Administrator)
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
