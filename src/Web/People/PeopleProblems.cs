using Saas.Identity;
using Saas.Identity.People;

namespace Saas.Web.People;

/// <summary>Refusals of the people and audit endpoints as RFC 7807 problems naming the field and the reason.</summary>
internal sealed class PeopleProblems : IEndpointFilter
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
        catch (PeopleForbiddenException forbidden)
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: forbidden.Message);
        }
        catch (PeopleConflictException missing)
        {
            // Another company's person looks exactly like nobody.
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: missing.Reason);
        }
    }
}
