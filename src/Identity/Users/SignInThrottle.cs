using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Saas.Identity.Storage;

namespace Saas.Identity.Users;

/// <summary>
/// Failed sign-ins counted per source, in the catalog database so that every node sees the same counts. A row is
/// one source: an account tried from one address, an account tried from one known device, an account tried from
/// anywhere unknown, or one address trying any account. The key is stored as a SHA-256 hash: the table holds no
/// e-mail addresses, not even the ones that belong to nobody.
/// </summary>
public sealed class SignInThrottle
{
    public required string KeyHash { get; set; }
    public int Failures { get; set; }
    public DateTime WindowStartedUtc { get; set; }
    public DateTime? BlockedUntilUtc { get; set; }

    public static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key))).ToLowerInvariant();
}

/// <summary>How many failures each source may have in its window before it is refused for a while.</summary>
public sealed class SignInLimits
{
    public const string Section = "Identity:SignInLimits";

    /// <summary>One account from one address (or one known device): a person mistyping gets this many tries.</summary>
    public int PerSource { get; set; } = 5;

    /// <summary>One account from all unknown devices together: slows guessing spread over many addresses.</summary>
    public int PerAccount { get; set; } = 20;

    /// <summary>One address against any accounts: slows spraying one password over many accounts.</summary>
    public int PerAddress { get; set; } = 50;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan Block { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>The counters behind <see cref="PasswordSignIn"/>.</summary>
public sealed class SignInThrottles(IdentityDb db, SignInLimits limits, TimeProvider clock)
{
    /// <summary>Until when the first of <paramref name="keys"/> that is blocked stays blocked; null when none is.</summary>
    public async Task<DateTime?> BlockedUntilAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hashes = keys.Select(SignInThrottle.Hash).ToList();
        return await db.SignInThrottles.AsNoTracking()
            .Where(t => hashes.Contains(t.KeyHash) && t.BlockedUntilUtc != null && t.BlockedUntilUtc > now)
            .MaxAsync(t => t.BlockedUntilUtc, cancellationToken);
    }

    /// <summary>
    /// Counts one failure for <paramref name="key"/>; when that reaches <paramref name="limit"/> within the window,
    /// the source is blocked and counts from zero again once the block ends. One statement per count, so failures
    /// arriving at several nodes at once are all counted.
    /// </summary>
    /// <returns>Whether this failure blocked the source (it reached the limit now).</returns>
    public async Task<bool> CountFailureAsync(string key, int limit, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var windowStart = now - limits.Window;
        var hash = SignInThrottle.Hash(key);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO sign_in_throttles (key_hash, failures, window_started_utc, blocked_until_utc)
            VALUES ({hash}, 1, {now}, NULL)
            ON CONFLICT (key_hash) DO UPDATE SET
                failures = CASE WHEN sign_in_throttles.window_started_utc < {windowStart} THEN 1 ELSE sign_in_throttles.failures + 1 END,
                window_started_utc = CASE WHEN sign_in_throttles.window_started_utc < {windowStart} THEN {now} ELSE sign_in_throttles.window_started_utc END
            """,
            cancellationToken);

        var until = now + limits.Block;
        return await db.SignInThrottles
            .Where(t => t.KeyHash == hash && t.Failures >= limit)
            .ExecuteUpdateAsync(
                set => set.SetProperty(t => t.BlockedUntilUtc, until).SetProperty(t => t.Failures, 0).SetProperty(t => t.WindowStartedUtc, now),
                cancellationToken) > 0;
    }

    /// <summary>A successful sign-in from a source clears that source's count (not the account's or the address's).</summary>
    public Task ClearAsync(string key, CancellationToken cancellationToken)
    {
        var hash = SignInThrottle.Hash(key);
        return db.SignInThrottles.Where(t => t.KeyHash == hash).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Rows whose window and block are long over; they would only start from zero again.</summary>
    public Task<int> ForgetOldAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var old = now - limits.Window - limits.Block;
        return db.SignInThrottles
            .Where(t => t.WindowStartedUtc < old && (t.BlockedUntilUtc == null || t.BlockedUntilUtc < now))
            .ExecuteDeleteAsync(cancellationToken);
    }
}
