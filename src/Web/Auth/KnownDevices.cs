using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Saas.Identity.Users;

namespace Saas.Web.Auth;

/// <summary>
/// The device cookie: after a successful sign-in the browser gets a long-lived, protected cookie naming the account
/// and a random device id. On the next sign-in to that same account, <see cref="PasswordSignIn"/> counts this
/// device's failures on their own, so a stranger who makes the account's other sources wait does not keep its
/// owner out. The value is protected (data protection, shared by every node), so it cannot be made up; one cookie
/// per browser, for the last account that signed in on it.
/// </summary>
public sealed class KnownDevices(IDataProtectionProvider protection, UserManager<SaasUser> users, IHostEnvironment environment)
{
    public const string CookieName = "saas.device";
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(180);

    private readonly IDataProtector protector = protection.CreateProtector("Saas.SignIn.KnownDevice.v1");

    /// <summary>The device id of the cookie when it was issued for <paramref name="email"/>; otherwise null.</summary>
    public string? For(HttpRequest request, string? email)
    {
        if (request.Cookies[CookieName] is not { Length: > 0 } value || users.NormalizeEmail(email?.Trim()) is not { Length: > 0 } account)
        {
            return null;
        }

        try
        {
            var parts = protector.Unprotect(value).Split('\n');
            return parts.Length == 2 && parts[0] == account ? parts[1] : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Remembers this browser as a known device of <paramref name="user"/>, keeping its id if it had one.</summary>
    public void Remember(HttpResponse response, SaasUser user, string? deviceId)
    {
        var id = deviceId ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        response.Cookies.Append(CookieName, protector.Protect(user.NormalizedEmail + "\n" + id), new CookieOptions
        {
            HttpOnly = true,
            Secure = !environment.IsDevelopment() && !environment.IsEnvironment("Testing") || response.HttpContext.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = "/account",
            MaxAge = Lifetime,
            IsEssential = true,
        });
    }
}
