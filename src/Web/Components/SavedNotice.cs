namespace Saas.Web.Components;

/// <summary>
/// The "Saved" confirmation after a card's Save redirects (post, redirect, get): the post leaves a one-time cookie,
/// the next page shows the banner (Shared/SavedBanner) and clears it. The cookie carries a flag, never text, so
/// nothing outside the application can make the banner say something.
/// </summary>
public sealed class SavedNotice(IHttpContextAccessor http)
{
    private const string Cookie = "saas_saved";

    /// <summary>Call when the save succeeded, before navigating away.</summary>
    public void Confirm() =>
        http.HttpContext?.Response.Cookies.Append(Cookie, "1", new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            Path = "/",
            SameSite = SameSiteMode.Strict,
            Secure = http.HttpContext.Request.IsHttps,
            MaxAge = TimeSpan.FromMinutes(1),
        });

    /// <summary>True once, on the page that follows the save.</summary>
    public bool Take()
    {
        if (http.HttpContext is not { } context || !context.Request.Cookies.ContainsKey(Cookie))
        {
            return false;
        }

        if (!context.Response.HasStarted)
        {
            context.Response.Cookies.Delete(Cookie, new CookieOptions { Path = "/" });
        }

        return true;
    }
}
