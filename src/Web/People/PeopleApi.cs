using System.Security.Claims;
using Saas.Identity;
using Saas.Identity.People;
using Saas.Web.MasterData;

namespace Saas.Web.People;

/// <summary>
/// The people of a company for its administrators (BC API v2.0 style, below <c>companies({companyId})</c>): list with
/// role, status and last sign-in; invite by e-mail; change a role; remove; lock and unlock. The company is always the
/// route's, which <see cref="CurrentCompanyOnly"/> has checked against the session, so no call reaches another company.
/// </summary>
internal static class PeopleApi
{
    public sealed record InvitePerson(string? Email, string? Role);

    public sealed record ChangeRole(string? Role);

    public static void MapPeople(this RouteGroupBuilder company)
    {
        company.MapGet("/people", ListAsync).RequireAuthorization(SaasPolicies.TenantAdmin);
        company.MapPost("/people", InviteAsync).RequireAuthorization(SaasPolicies.TenantAdmin);
        company.MapPatch("/people({personId:guid})", ChangeRoleAsync).RequireAuthorization(SaasPolicies.TenantAdmin);
        company.MapDelete("/people({personId:guid})", RemoveAsync).RequireAuthorization(SaasPolicies.TenantAdmin);
        company.MapPost("/people({personId:guid})/Microsoft.NAV.resendInvitation", ResendInvitationAsync).RequireAuthorization(SaasPolicies.TenantAdmin);
        company.MapGet("/invitations", ListInvitationsAsync).RequireAuthorization(SaasPolicies.TenantAdmin);
        company.MapPost("/people({personId:guid})/Microsoft.NAV.lock", (Guid companyId, Guid personId, HttpContext http, CompanyPeople people) =>
            SetLockedAsync(companyId, personId, true, http, people)).RequireAuthorization(SaasPolicies.TenantAdmin);
        company.MapPost("/people({personId:guid})/Microsoft.NAV.unlock", (Guid companyId, Guid personId, HttpContext http, CompanyPeople people) =>
            SetLockedAsync(companyId, personId, false, http, people)).RequireAuthorization(SaasPolicies.TenantAdmin);
    }

    private static async Task<IResult> ListAsync(Guid companyId, HttpContext http, CompanyPeople people)
    {
        var options = ApiSupport.ReadListOptions(http.Request);
        var page = await people.ListAsync(companyId, options.SearchOn("email", "displayName"), role: null, options.Skip ?? 0, options.Top ?? 50, http.RequestAborted);
        return Results.Ok(ApiSupport.ListResponse(page.People.Select(PersonResource.From), page.Count));
    }

    private static async Task<IResult> InviteAsync(Guid companyId, HttpContext http, Invitations invitations)
    {
        var actor = RequirePerson(http.User);
        var body = await ApiSupport.ReadBodyAsync<InvitePerson>(http.Request);
        var sent = await invitations.InviteAsync(companyId, body.Email, body.Role, actor, http.RequestAborted);
        return Results.Created(
            $"{MasterDataApi.CompanyRoute.Replace("{companyId:guid}", companyId.ToString())}/people({sent.Ticket.InvitationId})",
            new
            {
                id = sent.Ticket.InvitationId,
                userId = sent.Ticket.UserId,
                email = sent.Email,
                role = sent.Ticket.Role,
                status = PersonStatus.Invited,
                invitationExpiresDateTime = sent.Ticket.ExpiresUtc,
                mailSent = sent.MailSent,
            });
    }

    /// <summary>Invitations nobody accepted yet, open or expired; withdrawn with DELETE people({id}), resent with resendInvitation.</summary>
    private static async Task<IResult> ListInvitationsAsync(Guid companyId, HttpContext http, CompanyPeople people)
    {
        var options = ApiSupport.ReadListOptions(http.Request);
        var page = await people.ListInvitationsAsync(companyId, options.SearchOn("email"), role: null, options.Skip ?? 0, options.Top ?? 50, http.RequestAborted);
        return Results.Ok(ApiSupport.ListResponse(page.Invitations.Select(InvitationResource.From), page.Count));
    }

    private static async Task<IResult> ResendInvitationAsync(Guid companyId, Guid personId, HttpContext http, Invitations invitations)
    {
        var sent = await invitations.ResendAsync(companyId, personId, RequirePerson(http.User), http.RequestAborted);
        return Results.Ok(InvitationResource.Sent(sent));
    }

    private static async Task<IResult> ChangeRoleAsync(Guid companyId, Guid personId, HttpContext http, CompanyPeople people)
    {
        var actor = RequirePerson(http.User);
        var body = await ApiSupport.ReadBodyAsync<ChangeRole>(http.Request);
        var person = await people.ChangeRoleAsync(companyId, personId, body.Role, actor, http.RequestAborted);
        return Results.Ok(PersonResource.From(person));
    }

    private static async Task<IResult> RemoveAsync(Guid companyId, Guid personId, HttpContext http, CompanyPeople people)
    {
        await people.RemoveAsync(companyId, personId, RequirePerson(http.User), http.RequestAborted);
        return Results.NoContent();
    }

    private static async Task<IResult> SetLockedAsync(Guid companyId, Guid personId, bool locked, HttpContext http, CompanyPeople people) =>
        Results.Ok(PersonResource.From(await people.SetLockedAsync(companyId, personId, locked, RequirePerson(http.User), http.RequestAborted)));

    /// <summary>
    /// Only people manage people: an API client's secret, if leaked, must not be able to invite lasting human
    /// administrators or lock the real ones out.
    /// </summary>
    private static Identity.Audit.AuditActor RequirePerson(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(SaasClaims.Subject), out _)
            ? Actors.Of(user)
            : throw new PeopleForbiddenException();
}

internal sealed class PeopleForbiddenException() : Exception("API clients cannot manage people; sign in as an administrator.");

internal sealed record PersonResource(
    Guid Id, Guid UserId, string Email, string DisplayName, string Role, string Status, DateTime? LastSignInDateTime, DateTime? InvitationExpiresDateTime)
{
    public static PersonResource From(PersonRow p) =>
        new(p.Id, p.UserId, p.Email, p.DisplayName, p.Role, p.Status, p.LastSignInUtc, p.InvitationExpiresUtc);
}

/// <summary>An invitation nobody accepted yet, as the invitations lists show it.</summary>
internal sealed record InvitationResource(
    Guid Id, Guid UserId, string Email, string Role, string InvitedBy, DateTime SentDateTime, DateTime ExpiresDateTime, string State)
{
    public static InvitationResource From(InvitationRow i) =>
        new(i.Id, i.UserId, i.Email, i.Role, i.InvitedBy, i.SentUtc, i.ExpiresUtc, i.State);

    /// <summary>The answer to an invitation (re)sent: as the invite answers, with the new expiry and whether the mail went out.</summary>
    public static object Sent(SentInvitation sent) => new
    {
        id = sent.Ticket.InvitationId,
        userId = sent.Ticket.UserId,
        email = sent.Email,
        role = sent.Ticket.Role,
        status = PersonStatus.Invited,
        state = InvitationState.Open,
        invitationExpiresDateTime = sent.Ticket.ExpiresUtc,
        mailSent = sent.MailSent,
    };
}
