namespace Saas.Web.Hosting;

/// <summary>
/// Refuses API writes that ride on the sign-in cookie from another site (cross-site request forgery). A browser
/// attaches the cookie to a form post or a <c>text/plain</c> fetch from any page, so an API write without a bearer
/// token must prove it comes from this site's own pages: its <c>Origin</c> names this host, or — when a browser
/// sent no Origin — <c>Sec-Fetch-Site</c> is not <c>cross-site</c>/<c>same-site</c> (a sibling company subdomain
/// counts as foreign too). Calls with a bearer token carry no ambient credential and are not affected; the web
/// UI's own form posts are protected by antiforgery tokens.
/// </summary>
public sealed class SameSiteWrites(RequestDelegate next, ILogger<SameSiteWrites> logger)
{
    public async Task InvokeAsync(HttpContext http, IProblemDetailsService problems)
    {
        if (IsForeignCookieWrite(http.Request))
        {
            logger.LogWarning(
                "Refused a cross-site {Method} {Path} (Origin {Origin}, Sec-Fetch-Site {FetchSite})",
                http.Request.Method, http.Request.Path.Value, http.Request.Headers.Origin.ToString(), http.Request.Headers["Sec-Fetch-Site"].ToString());
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails =
                {
                    Status = StatusCodes.Status403Forbidden,
                    Title = "Cross-site request refused",
                    Detail = "A change made with the sign-in cookie must come from this site's own pages. API clients send a bearer token.",
                },
            });
            return;
        }

        await next(http);
    }

    private static bool IsForeignCookieWrite(HttpRequest request)
    {
        if (!request.Path.StartsWithSegments("/api") || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
        {
            return false;
        }

        if (request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            // "null" (sandboxed frames, privacy redirects) is foreign as well.
            return !Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                || !string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
        }

        // No Origin: an old browser or a script. Browsers that send Sec-Fetch-Site say where the request came from;
        // scripts and tests send neither and are judged by their credentials alone.
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        return site.Equals("cross-site", StringComparison.OrdinalIgnoreCase) || site.Equals("same-site", StringComparison.OrdinalIgnoreCase);
    }
}
