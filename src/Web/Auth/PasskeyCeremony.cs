using System.Buffers.Text;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Saas.Identity.Audit;
using Saas.Identity.Users;

namespace Saas.Web.Auth;

/// <summary>
/// The two WebAuthn ceremonies on ASP.NET Core Identity's passkey handler (ADR 014): registering a passkey for the
/// signed-in person, and checking one at sign-in. Between the options the browser receives and the credential it
/// sends back, the handler's state (the challenge) travels in a cookie protected by the data-protection keys, valid
/// five minutes, naming the ceremony and the person, and deleted when used — every node can finish what another began.
/// </summary>
public sealed class PasskeyCeremony(
    IPasskeyHandler<SaasUser> handler, UserManager<SaasUser> users, AuditTrail audit, IDataProtectionProvider protection,
    IOptionsMonitor<CookieAuthenticationOptions> cookies, ILogger<PasskeyCeremony> logger)
{
    public const int MaxNameLength = 60;
    private const string StateCookie = "saas.passkey";
    private static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(5);

    private readonly ITimeLimitedDataProtector protector = protection.CreateProtector("Saas.Passkeys.CeremonyState").ToTimeLimitedDataProtector();

    /// <summary>Creation options for the browser's <c>navigator.credentials.create</c>.</summary>
    public async Task<string> BeginRegistrationAsync(HttpContext http, SaasUser user)
    {
        var entity = new PasskeyUserEntity { Id = user.Id.ToString(), Name = user.Email ?? user.UserName!, DisplayName = user.DisplayName ?? user.Email! };
        var options = await handler.MakeCreationOptionsAsync(entity, http);
        WriteState(http, Ceremony.Registration, user.Id, options.AttestationState);
        return options.CreationOptionsJson;
    }

    /// <summary>Checks the new credential and keeps it under the name the person gave; null when it is refused, with why.</summary>
    public async Task<PasskeyOutcome> FinishRegistrationAsync(HttpContext http, SaasUser user, string? credentialJson, string? name)
    {
        var state = TakeState(http, Ceremony.Registration, user.Id);
        if (state is null)
        {
            return PasskeyOutcome.Refused(PasskeyRefusals.Expired);
        }

        if (string.IsNullOrWhiteSpace(credentialJson))
        {
            return PasskeyOutcome.Refused(PasskeyRefusals.Missing);
        }

        var result = await handler.PerformAttestationAsync(new PasskeyAttestationContext { HttpContext = http, CredentialJson = credentialJson, AttestationState = state });
        if (!result.Succeeded || result.UserEntity.Id != user.Id.ToString())
        {
            logger.LogWarning("User {UserId} was refused a passkey: {Reason}", user.Id, result.Failure?.Message);
            return PasskeyOutcome.Refused(PasskeyRefusals.NotVerified);
        }

        var passkey = result.Passkey;
        passkey.Name = string.IsNullOrWhiteSpace(name) ? "Passkey" : name.Trim();
        await audit.AddForEveryCompanyAsync(user.Id, new AuditActor(user.Id, user.Email ?? user.Id.ToString()), AuditActions.PasskeyAdded, user.Email ?? "", passkey.Name, http.RequestAborted);
        var saved = await users.AddOrUpdatePasskeyAsync(user, passkey);
        if (!saved.Succeeded)
        {
            logger.LogWarning("User {UserId}'s passkey was not saved: {Errors}", user.Id, string.Join(" ", saved.Errors.Select(e => e.Description)));
        }

        return saved.Succeeded ? PasskeyOutcome.Accepted(user) : PasskeyOutcome.Refused(PasskeyRefusals.NotVerified);
    }

    /// <summary>
    /// Request options for <c>navigator.credentials.get</c>: for anyone (the browser offers the passkeys it holds for this
    /// site), or for one person halfway through signing in (only their passkeys are allowed).
    /// </summary>
    public async Task<string> BeginSignInAsync(HttpContext http, SaasUser? user)
    {
        var options = await handler.MakeRequestOptionsAsync(user, http);
        WriteState(http, Ceremony.SignIn, user?.Id, options.AssertionState);
        return options.RequestOptionsJson;
    }

    /// <summary>The person whose passkey signed this assertion, after its signature, origin, challenge and counter checked out.</summary>
    public async Task<PasskeyOutcome> FinishSignInAsync(HttpContext http, Guid? expectedUser, string? credentialJson)
    {
        var state = TakeState(http, Ceremony.SignIn, expectedUser);
        if (state is null)
        {
            return PasskeyOutcome.Refused(PasskeyRefusals.Expired);
        }

        if (string.IsNullOrWhiteSpace(credentialJson))
        {
            return PasskeyOutcome.Refused(PasskeyRefusals.Missing);
        }

        var result = await handler.PerformAssertionAsync(new PasskeyAssertionContext { HttpContext = http, CredentialJson = credentialJson, AssertionState = state });
        if (!result.Succeeded || (expectedUser is { } id && result.User.Id != id))
        {
            logger.LogWarning("A passkey sign-in was refused: {Reason}", result.Failure?.Message ?? "another person's passkey");
            return PasskeyOutcome.Refused(PasskeyRefusals.NotVerified);
        }

        // The new signature counter and backup state.
        await users.AddOrUpdatePasskeyAsync(result.User, result.Passkey);
        return PasskeyOutcome.Accepted(result.User);
    }

    public async Task<bool> RemoveAsync(SaasUser user, byte[] credentialId, CancellationToken cancellationToken)
    {
        if (await users.GetPasskeyAsync(user, credentialId) is not { } passkey)
        {
            return false;
        }

        await audit.AddForEveryCompanyAsync(user.Id, new AuditActor(user.Id, user.Email ?? user.Id.ToString()), AuditActions.PasskeyRemoved, user.Email ?? "", passkey.Name, cancellationToken);
        return (await users.RemovePasskeyAsync(user, credentialId)).Succeeded;
    }

    private enum Ceremony { Registration, SignIn }

    private void WriteState(HttpContext http, Ceremony ceremony, Guid? user, string? state)
    {
        var payload = $"{ceremony}|{user}|{state}";
        http.Response.Cookies.Append(StateCookie, protector.Protect(payload, StateLifetime), new CookieOptions
        {
            HttpOnly = true,
            Secure = Secure(http),
            SameSite = SameSiteMode.Strict,
            Path = "/account",
            MaxAge = StateLifetime,
            IsEssential = true,
        });
    }

    /// <summary>Secure exactly when the sign-in cookie is (always outside development, ADR 012).</summary>
    private bool Secure(HttpContext http) =>
        cookies.Get(AuthSetup.CookieScheme).Cookie.SecurePolicy == CookieSecurePolicy.Always || http.Request.IsHttps;

    /// <summary>The state of this ceremony for this person, once: the cookie is deleted whatever it held.</summary>
    private string? TakeState(HttpContext http, Ceremony ceremony, Guid? user)
    {
        var cookie = http.Request.Cookies[StateCookie];
        http.Response.Cookies.Delete(StateCookie, new CookieOptions { Path = "/account", Secure = Secure(http), SameSite = SameSiteMode.Strict });
        if (cookie is null)
        {
            return null;
        }

        string payload;
        try
        {
            payload = protector.Unprotect(cookie);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }

        var parts = payload.Split('|', 3);
        return parts.Length == 3 && parts[0] == ceremony.ToString() && parts[1] == (user?.ToString() ?? "") ? parts[2] : null;
    }

    /// <summary>A credential id as the pages and forms carry it (base64url, as WebAuthn spells it).</summary>
    public static string IdOf(byte[] credentialId) => Base64Url.EncodeToString(credentialId);

    public static byte[]? CredentialIdFrom(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 1400)
        {
            return null;
        }

        try
        {
            return Base64Url.DecodeFromChars(id);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

/// <summary>Why a passkey was refused, as a short code the pages turn into a sentence (never text from the query string).</summary>
public static class PasskeyRefusals
{
    public const string Expired = "expired";
    public const string Missing = "missing";
    public const string NotVerified = "not_verified";
    public const string Name = "name";
    public const string NotFound = "not_found";

    public static string Describe(string? code) => code switch
    {
        Expired => "The passkey request expired. Try again.",
        Missing => "No passkey came back from the browser. Try again.",
        Name => $"A passkey's name has at most {PasskeyCeremony.MaxNameLength} characters and no control characters.",
        NotFound => "That passkey is not one of yours, or it was already removed.",
        _ => "The passkey could not be verified. Try again, or use another device.",
    };
}

public sealed record PasskeyOutcome(SaasUser? User, string? Refusal)
{
    public static PasskeyOutcome Accepted(SaasUser user) => new(user, null);

    public static PasskeyOutcome Refused(string reason) => new(null, reason);
}
