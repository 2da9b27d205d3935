using System.Security.Claims;
using Saas.Identity;
using Saas.Identity.Clients;
using Saas.Web.MasterData;
using Saas.Web.People;

namespace Saas.Web.Auth;

/// <summary>
/// Third-party OAuth applications of a company (BC API v2.0 style, below <c>companies({companyId})</c>), for its
/// administrators, like BC's "Microsoft Entra Applications": list (<c>$top</c>, <c>$skip</c>, <c>$search</c>), get,
/// register (a confidential application's secret is in the answer once), change name, redirect URIs or scopes,
/// delete (its remembered consents and tokens end with it) and <c>Microsoft.NAV.newSecret</c>. The company is always
/// the route's, which <see cref="CurrentCompanyOnly"/> has checked against the session: another company's
/// application is a 404.
/// </summary>
public static class OAuthApplicationEndpoints
{
    public const string Route = "/oauthApplications";

    public sealed record RegisterApplication(string? DisplayName, List<string>? RedirectUris, string? ClientType, List<string>? Scopes);

    public sealed record ChangeApplication(string? DisplayName, List<string>? RedirectUris, List<string>? Scopes);

    public static void MapOAuthApplicationEndpoints(this WebApplication app)
    {
        var company = app.MapGroup(MasterDataApi.CompanyRoute)
            .AddEndpointFilter<CommandProblems>()
            .AddEndpointFilter<OAuthApplicationProblems>()
            .AddEndpointFilter<CurrentCompanyOnly>()
            .RequireAuthorization(SaasPolicies.TenantAdmin)
            .RequireScope(ApiScopes.Tenants)
            .WithTags("OAuth applications");
        company.MapGet(Route, ListAsync);
        company.MapGet(Route + "({id:guid})", GetAsync);
        company.MapPost(Route, RegisterAsync);
        company.MapPatch(Route + "({id:guid})", ChangeAsync);
        company.MapDelete(Route + "({id:guid})", DeleteAsync);
        company.MapPost(Route + "({id:guid})/Microsoft.NAV.newSecret", NewSecretAsync);
    }

    private static async Task<IResult> ListAsync(Guid companyId, HttpContext http, OAuthApplications applications)
    {
        var options = ApiSupport.ReadListOptions(http.Request);
        var page = await applications.ListAsync(companyId, options.SearchOn("displayName", "clientId"), options.Skip ?? 0, options.Top ?? 50, http.RequestAborted);
        return Results.Ok(ApiSupport.ListResponse(page.Applications.Select(Resource), page.Count));
    }

    private static async Task<IResult> GetAsync(Guid companyId, Guid id, HttpContext http, OAuthApplications applications) =>
        Results.Ok(Resource(await applications.GetAsync(companyId, id, http.RequestAborted)));

    private static async Task<IResult> RegisterAsync(Guid companyId, HttpContext http, OAuthApplications applications)
    {
        var actor = RequirePerson(http.User);
        var body = await ApiSupport.ReadBodyAsync<RegisterApplication>(http.Request);
        var registered = await applications.RegisterAsync(companyId, body.DisplayName, body.RedirectUris, body.ClientType, body.Scopes, actor, http.RequestAborted);
        return Results.Created(Location(companyId, registered.Application.Id), Resource(registered.Application, registered.ClientSecret));
    }

    private static async Task<IResult> ChangeAsync(Guid companyId, Guid id, HttpContext http, OAuthApplications applications)
    {
        var actor = RequirePerson(http.User);
        var body = await ApiSupport.ReadBodyAsync<ChangeApplication>(http.Request);
        return Results.Ok(Resource(await applications.ChangeAsync(companyId, id, body.DisplayName, body.RedirectUris, body.Scopes, actor, http.RequestAborted)));
    }

    private static async Task<IResult> DeleteAsync(Guid companyId, Guid id, HttpContext http, OAuthApplications applications)
    {
        await applications.DeleteAsync(companyId, id, RequirePerson(http.User), http.RequestAborted);
        return Results.NoContent();
    }

    private static async Task<IResult> NewSecretAsync(Guid companyId, Guid id, HttpContext http, OAuthApplications applications)
    {
        var renewed = await applications.NewSecretAsync(companyId, id, RequirePerson(http.User), http.RequestAborted);
        return Results.Ok(Resource(renewed.Application, renewed.ClientSecret));
    }

    private static string Location(Guid companyId, Guid id) =>
        $"{MasterDataApi.CompanyRoute.Replace("{companyId:guid}", companyId.ToString())}{Route}({id})";

    /// <summary>The secret appears only in the answers that create it.</summary>
    private static object Resource(OAuthApplication a) => new
    {
        id = a.Id, clientId = a.ClientId, displayName = a.DisplayName, clientType = a.ClientType, redirectUris = a.RedirectUris,
        scopes = a.Scopes, createdDateTime = a.CreatedUtc, createdBy = a.CreatedBy,
    };

    private static object Resource(OAuthApplication a, string? secret) => new
    {
        id = a.Id, clientId = a.ClientId, clientSecret = secret, displayName = a.DisplayName, clientType = a.ClientType, redirectUris = a.RedirectUris,
        scopes = a.Scopes, createdDateTime = a.CreatedUtc, createdBy = a.CreatedBy,
    };

    /// <summary>Only people register applications: a leaked API client secret must not be able to open new doors to the company.</summary>
    private static Identity.Audit.AuditActor RequirePerson(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(SaasClaims.Subject), out _)
            ? Actors.Of(user)
            : throw new OAuthApplicationForbiddenException();
}

internal sealed class OAuthApplicationForbiddenException() : Exception("API clients cannot manage OAuth applications; sign in as an administrator.");

/// <summary>Refusals of the OAuth application endpoints as RFC 7807 problems naming the field and the reason.</summary>
internal sealed class OAuthApplicationProblems : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (IdentityValidationException refused)
        {
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { [refused.Field] = [refused.Reason] }, title: "The input is not valid.");
        }
        catch (OAuthApplicationForbiddenException forbidden)
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: forbidden.Message);
        }
        catch (OAuthApplicationNotFoundException missing)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: missing.Message);
        }
    }
}
