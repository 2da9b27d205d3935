namespace Saas.Web.Hosting;

/// <summary>
/// Bodies for answers that have none (an unknown address's 404 and the like): a person's browser gets the
/// application's own not-found page, with the menu and a way back; everything else gets an RFC 7807 problem as before.
/// </summary>
public static class StatusCodePages
{
    /// <summary>The page re-executed for a browser (Components/Pages/NotFound.razor).</summary>
    public const string NotFoundPage = "/not-found";

    public static WebApplication UseSaasStatusCodePages(this WebApplication app)
    {
        // Outer: re-executes the page, with routing run again for it. It only ever sees a browser's bodiless 404,
        // because the inner handler below answers every other case first.
        app.UseStatusCodePagesWithReExecute(NotFoundPage, createScopeForStatusCodePages: true);
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            if (http.Response.StatusCode == StatusCodes.Status404NotFound && IsPageRequest(http))
            {
                return;
            }

            var problem = new ProblemDetailsContext { HttpContext = http, ProblemDetails = { Status = http.Response.StatusCode } };
            if (!await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(problem))
            {
                // No writer takes the request's Accept (a browser asking an API path for HTML): a problem all the same.
                await http.Response.WriteAsJsonAsync(problem.ProblemDetails, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
            }
        });
        return app;
    }

    /// <summary>
    /// A browser navigating (it asks for HTML with a GET); never the API, whose clients expect problems even when
    /// they happen to send a browser's Accept header (the API reference page calls it from a browser).
    /// </summary>
    internal static bool IsPageRequest(HttpContext http) =>
        HttpMethods.IsGet(http.Request.Method)
        && http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase)
        && !http.Request.Path.StartsWithSegments("/api")
        && !http.Request.Path.StartsWithSegments("/connect")
        && !http.Request.Path.StartsWithSegments("/.well-known");
}
