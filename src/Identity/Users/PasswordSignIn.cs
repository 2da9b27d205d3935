using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace Saas.Identity.Users;

/// <summary>
/// The one place that checks an e-mail address and password, for the cookie sign-in and the token endpoint alike.
/// <list type="bullet">
/// <item><b>Equal work, equal words.</b> An unknown address runs the password hasher against a dummy hash, exactly
/// as a known one runs it against the real hash, so neither the time taken nor the answer tells whether an account
/// exists. Unknown address, wrong password and an account locked by an administrator all answer
/// <see cref="SignInOutcome.Refused"/>.</item>
/// <item><b>Throttled per source.</b> Failures are counted (<see cref="SignInThrottles"/>) for the account from this
/// address, the account from any unknown device, and this address against any account. Counts are kept by the
/// e-mail address as typed, so an unknown address is throttled exactly like a real one.</item>
/// <item><b>A stranger cannot lock a person out.</b> The account itself is never locked by failures (Identity's
/// own failure count is not used here). A device that signed in to the account before (<c>knownDevice</c>, which
/// the caller proves, e.g. with a protected cookie) has its own count and is not held back by the other sources:
/// an attacker guessing from elsewhere blocks only their own attempts.</item>
/// </list>
/// Usage: <c>var check = await signIn.CheckAsync(email, password, clientAddress, knownDevice: null, ct);</c> then
/// <c>check.Outcome</c>: <see cref="SignInOutcome.Succeeded"/> with <c>check.User</c>; <see cref="SignInOutcome.Refused"/>
/// (say "the e-mail address or password is not correct", nothing more); <see cref="SignInOutcome.Throttled"/> with
/// <c>check.RetryAfter</c> (say "too many attempts, try again later"; for HTTP APIs 429 with Retry-After).
/// </summary>
public sealed class PasswordSignIn(
    UserManager<SaasUser> users, IPasswordHasher<SaasUser> hasher, SignInThrottles throttles, SignInLimits limits,
    TimeProvider clock, IEnumerable<ISignInBlockedNotice> notices, ILogger<PasswordSignIn> logger)
{
    /// <summary>A hash made by the configured hasher (same algorithm and work factor) of a password nobody has.</summary>
    private static string? dummyHash;

    /// <param name="email">As typed; compared after Identity's normalisation.</param>
    /// <param name="clientAddress">The caller's IP address (or another stable name of where the attempt comes from).</param>
    /// <param name="knownDevice">An id the caller proved belongs to a device that signed in to this account before; null if none.</param>
    public async Task<PasswordCheck> CheckAsync(string? email, string? password, string clientAddress, string? knownDevice, CancellationToken cancellationToken)
    {
        var account = users.NormalizeEmail(email?.Trim()) ?? "";
        var source = knownDevice is null ? $"account:{account}|address:{clientAddress}" : $"account:{account}|device:{knownDevice}";
        var anywhere = $"account:{account}|unknown-devices";
        var address = $"address:{clientAddress}";

        // A known device answers to its own count only; everyone else also to the account's and the address's.
        var blockedUntil = await throttles.BlockedUntilAsync(knownDevice is null ? [source, anywhere, address] : [source], cancellationToken);
        if (blockedUntil is { } until)
        {
            var wait = until - clock.GetUtcNow().UtcDateTime;
            return new PasswordCheck(SignInOutcome.Throttled, null, wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1));
        }

        var user = account.Length > 0 ? await users.FindByEmailAsync(account) : null;
        var passwordMatches = user is null
            ? VerifyAgainstDummy(password)
            : await users.CheckPasswordAsync(user, password ?? "");

        if (user is not null && passwordMatches && !await users.IsLockedOutAsync(user))
        {
            await throttles.ClearAsync(source, cancellationToken);
            return new PasswordCheck(SignInOutcome.Succeeded, user, null);
        }

        var blocked = await throttles.CountFailureAsync(source, limits.PerSource, cancellationToken);
        if (knownDevice is null)
        {
            blocked |= await throttles.CountFailureAsync(anywhere, limits.PerAccount, cancellationToken);
            await throttles.CountFailureAsync(address, limits.PerAddress, cancellationToken);
        }

        // The person is told (and the audit log notes it) when failures block sign-in to their account from somewhere.
        if (blocked && user is not null)
        {
            var blockEnds = clock.GetUtcNow() + limits.Block;
            logger.LogWarning("Sign-in to user {UserId} blocked until {Until} after repeated failures", user.Id, blockEnds);
            foreach (var notice in notices)
            {
                await notice.SignInBlockedAsync(user, blockEnds, cancellationToken);
            }
        }

        // Now and then, not on every failure: the table stays small without a background job.
        if (Random.Shared.Next(100) == 0)
        {
            await throttles.ForgetOldAsync(cancellationToken);
        }

        if (user is not null)
        {
            logger.LogInformation("Sign-in refused for user {UserId}{Locked}", user.Id, passwordMatches ? " (account locked)" : "");
        }

        return new PasswordCheck(SignInOutcome.Refused, null, null);
    }

    private bool VerifyAgainstDummy(string? password)
    {
        var dummy = new SaasUser();
        dummyHash ??= hasher.HashPassword(dummy, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        hasher.VerifyHashedPassword(dummy, dummyHash, password ?? "");
        return false;
    }
}

public enum SignInOutcome
{
    Succeeded,
    Refused,
    Throttled,
}

/// <param name="User">The person, when <see cref="Outcome"/> is <see cref="SignInOutcome.Succeeded"/>.</param>
/// <param name="RetryAfter">When <see cref="Outcome"/> is <see cref="SignInOutcome.Throttled"/>: how long until a retry can succeed.</param>
public sealed record PasswordCheck(SignInOutcome Outcome, SaasUser? User, TimeSpan? RetryAfter);

/// <summary>Told when repeated failures block sign-in to a real account (mail to the person, audit entry).</summary>
public interface ISignInBlockedNotice
{
    Task SignInBlockedAsync(SaasUser user, DateTimeOffset until, CancellationToken cancellationToken);
}
