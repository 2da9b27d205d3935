using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Saas.Identity.Users;

namespace Saas.Identity.TwoFactor;

/// <summary>The key an authenticator app scans, and the otpauth URI its QR code carries.</summary>
public sealed record AuthenticatorKey(string Key, string Uri)
{
    /// <summary>The key in groups of four, as people type it into an app that cannot scan.</summary>
    public string Grouped => string.Join(' ', Key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
}

/// <summary>
/// Setting up, renewing and turning off two-factor sign-in for oneself. Two-factor sign-in is on only after the
/// person has typed a code from the app (so a key that was never scanned cannot lock anyone out), and turning it off
/// takes a current code too.
/// </summary>
public sealed class TwoFactorEnrollment(UserManager<SaasUser> users, AuthenticatorCodes codes, ILogger<TwoFactorEnrollment> logger)
{
    public const int RecoveryCodeCount = 10;
    private const string Issuer = "Trade";

    /// <summary>The person's key, made on first use; an enrolled person's key is not shown again (renew it by turning 2FA off and on).</summary>
    public async Task<AuthenticatorKey?> PendingKeyAsync(SaasUser user)
    {
        if (user.TwoFactorEnabled)
        {
            return null;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await codes.ForgetLastStepAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("Identity made no authenticator key.");
        }

        var label = Uri.EscapeDataString($"{Issuer}:{user.Email}");
        return new AuthenticatorKey(key, $"otpauth://totp/{label}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6&period=30");
    }

    /// <summary>Turns two-factor sign-in on when the code matches the pending key; returns the recovery codes, shown once.</summary>
    public async Task<IReadOnlyList<string>?> ConfirmAsync(SaasUser user, string code)
    {
        if (user.TwoFactorEnabled || !await codes.VerifyAsync(user, code))
        {
            return null;
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var recovery = await NewRecoveryCodesAsync(user);
        logger.LogInformation("User {UserId} turned two-factor sign-in on", user.Id);
        return recovery;
    }

    /// <summary>New recovery codes for an enrolled person, with a current code from the app; the old ones stop working.</summary>
    public async Task<IReadOnlyList<string>?> RenewRecoveryCodesAsync(SaasUser user, string code) =>
        user.TwoFactorEnabled && await codes.VerifyAsync(user, code) ? await NewRecoveryCodesAsync(user) : null;

    private async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(SaasUser user) =>
        (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList()
        ?? throw new InvalidOperationException("Identity made no recovery codes.");

    /// <summary>Turns two-factor sign-in off with a current code (or a recovery code); the key is dropped, so turning it on again shows a new one.</summary>
    public async Task<bool> DisableAsync(SaasUser user, string code)
    {
        if (!user.TwoFactorEnabled
            || !(await codes.VerifyAsync(user, code) || await users.RedeemTwoFactorRecoveryCodeAsync(user, AuthenticatorCodes.Normalize(code)) is { Succeeded: true }))
        {
            return false;
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey");
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await codes.ForgetLastStepAsync(user);
        logger.LogInformation("User {UserId} turned two-factor sign-in off", user.Id);
        return true;
    }
}
