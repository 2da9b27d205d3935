using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Saas.Identity.Users;

namespace Saas.Identity.TwoFactor;

public enum SecondFactorResult { Accepted, Rejected, LockedOut }

/// <summary>
/// The second step of a sign-in: a code from the authenticator app or one of the recovery codes. Wrong codes count
/// towards the same lockout as wrong passwords, so six digits cannot be guessed at leisure.
/// </summary>
public sealed class SecondFactor(UserManager<SaasUser> users, AuthenticatorCodes codes, ILogger<SecondFactor> logger)
{
    public async Task<SecondFactorResult> CheckAsync(SaasUser user, string? code)
    {
        if (await users.IsLockedOutAsync(user))
        {
            return SecondFactorResult.LockedOut;
        }

        var typed = AuthenticatorCodes.Normalize(code);
        var accepted = typed.Length == 6
            ? await codes.VerifyAsync(user, typed)
            : typed.Length > 0 && (await users.RedeemTwoFactorRecoveryCodeAsync(user, typed)).Succeeded;
        if (accepted)
        {
            await users.ResetAccessFailedCountAsync(user);
            if (typed.Length != 6)
            {
                logger.LogWarning("User {UserId} signed in with a recovery code; {Left} left", user.Id, await users.CountRecoveryCodesAsync(user));
            }

            return SecondFactorResult.Accepted;
        }

        await users.AccessFailedAsync(user);
        if (await users.IsLockedOutAsync(user))
        {
            logger.LogWarning("User {UserId} was locked out after wrong second-factor codes", user.Id);
            return SecondFactorResult.LockedOut;
        }

        return SecondFactorResult.Rejected;
    }

    /// <summary>Whether a sign-in to this session needs the second step: the person turned it on, or the company requires it.</summary>
    public static bool IsRequired(Session session) => session.User.TwoFactorEnabled || session.Tenant?.RequireTwoFactor == true;
}
