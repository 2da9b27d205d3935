using Microsoft.AspNetCore.Identity;
using OtpNet;
using Saas.Identity.Users;

namespace Saas.Identity.TwoFactor;

/// <summary>
/// Time-based one-time codes (RFC 6238: HMAC-SHA1, 30 s, 6 digits, what every authenticator app shows) checked with
/// Otp.NET against the key Identity keeps per person. Unlike Identity's own authenticator provider it remembers the
/// last time step a person used, so a code seen over someone's shoulder cannot be replayed within its window
/// (RFC 6238 §5.2).
/// </summary>
public sealed class AuthenticatorCodes(UserManager<SaasUser> users, TimeProvider clock)
{
    private const string Provider = "[Trade]";
    private const string LastStepName = "AuthenticatorLastStep";

    /// <summary>One step back and one ahead: clocks of phones drift, and a code typed at the end of its 30 s still counts.</summary>
    private static readonly VerificationWindow Window = new(previous: 1, future: 1);

    public async Task<bool> VerifyAsync(SaasUser user, string code)
    {
        var digits = Normalize(code);
        if (digits.Length != 6 || !digits.All(char.IsAsciiDigit) || await users.GetAuthenticatorKeyAsync(user) is not { Length: > 0 } key)
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, digits, out var step, Window))
        {
            return false;
        }

        var last = await users.GetAuthenticationTokenAsync(user, Provider, LastStepName);
        if (long.TryParse(last, out var lastStep) && step <= lastStep)
        {
            return false;
        }

        await users.SetAuthenticationTokenAsync(user, Provider, LastStepName, step.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>A new key starts a new sequence of steps.</summary>
    public Task ForgetLastStepAsync(SaasUser user) => users.RemoveAuthenticationTokenAsync(user, Provider, LastStepName);

    /// <summary>People type codes with spaces or hyphens ("123 456", "ABCDE-12345").</summary>
    public static string Normalize(string? code) =>
        new((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
}
