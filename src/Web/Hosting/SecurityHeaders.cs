namespace Saas.Web.Hosting;

/// <summary>
/// Browser protections on every response: a content security policy without inline scripts or styles (the UI runs
/// only the site's own script files: Blazor's, for the interactive islands, and the passkey ceremony), no framing (clickjacking of signed-in pages),
/// no MIME sniffing, and referrers only within the site (invitation links carry their token in the query string).
/// HSTS is added outside development by <see cref="UseSecurityHeaders"/>; Kestrel's <c>Server</c> header is off.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The policy of every page and API answer except the API reference.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplicationBuilder AddSecurityHeaders(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        return builder;
    }

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            // Only on HTTPS requests and never for localhost (HstsOptions.ExcludedHosts): a developer's plain-http
            // port must not be pinned to HTTPS in their browser.
            app.UseHsts();
        }

        app.Use((http, next) =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments(ApiReference.Path)
                ? ApiReference.ContentSecurityPolicy
                : ContentSecurityPolicy;
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return next(http);
        });
        return app;
    }
}
