using OpenIddict.Abstractions;

namespace Saas.Web.Auth;

/// <summary>
/// Each API area answers bearer tokens only if they hold the area's scope (<see cref="Saas.Identity.ApiScopes"/>):
/// an application allowed to read sales cannot touch inventory, whatever the person's role. The web UI's cookie
/// session is the person themself and is not scoped. Refusals are 403 problems naming the scope, with the
/// RFC 6750 <c>insufficient_scope</c> challenge.
/// </summary>
public static class ScopeRequirement
{
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var bearer = http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
            if (bearer && http.User.Identity?.IsAuthenticated == true && !http.User.HasScope(scope))
            {
                http.Response.Headers.WWWAuthenticate = $"Bearer error=\"insufficient_scope\", scope=\"{scope}\"";
                return Results.Problem(
                    statusCode: StatusCodes.Status403Forbidden,
                    title: "Insufficient scope",
                    detail: $"The access token does not hold the '{scope}' scope that this endpoint requires.",
                    extensions: new Dictionary<string, object?> { ["scope"] = scope });
            }

            return await next(context);
        });
}
