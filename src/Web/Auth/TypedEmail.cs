namespace Saas.Web.Auth;

/// <summary>
/// The e-mail address a person typed into the sign-in form, kept for a few minutes so that a refused sign-in shows
/// the form with it filled in and only the password is typed again. It travels in a cookie only the sign-in page
/// reads, not in the redirect's query string: addresses stay out of browser history and access logs, and every
/// refusal still redirects to the same address whether the account exists or not.
/// </summary>
public static class TypedEmail
{
    private const string Cookie = "saas_login_email";
    private const string Path = "/account/login";

    public static void Remember(HttpContext http, string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > 256)
        {
            return;
        }

        http.Response.Cookies.Append(Cookie, email.Trim(), new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            Path = Path,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            MaxAge = TimeSpan.FromMinutes(10),
        });
    }

    public static string? Recall(HttpContext? http) => http?.Request.Cookies[Cookie] is { Length: > 0 and <= 256 } email ? email : null;
}
