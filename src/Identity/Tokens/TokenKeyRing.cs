using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using Saas.Identity.Storage;

namespace Saas.Identity.Tokens;

/// <summary>The keys a node uses at one moment: the first of each list signs/encrypts, all of them validate/decrypt.</summary>
public sealed record TokenKeySet(IReadOnlyList<RsaSecurityKey> Signing, IReadOnlyList<RsaSecurityKey> Encryption)
{
    public string Fingerprint => string.Join(",", Signing.Select(k => k.KeyId)) + "|" + string.Join(",", Encryption.Select(k => k.KeyId));
}

/// <summary>
/// Signing and encryption keys of the token service, shared by every node through the catalog database and
/// rotated on a schedule.
/// <para>
/// A key is written to the database well before it starts signing (<see cref="IdentitySettings.KeyPropagation"/>,
/// more than twice the refresh interval), so every node already accepts its tokens when the first one appears;
/// it stops signing after <see cref="IdentitySettings.KeyRotationPeriod"/> and stays published until the
/// longest-lived token it can have produced has expired (access tokens for signing keys; refresh tokens and
/// codes for encryption keys). Then it is deleted. When two nodes create the next key at the same moment both
/// keys are published and every node picks the same one to sign with (the earliest active, then the lowest id).
/// </para>
/// </summary>
public sealed class TokenKeyRing(IServiceScopeFactory scopes, IDataProtectionProvider protection, IdentitySettings settings, TimeProvider clock, ILogger<TokenKeyRing> logger)
{
    private readonly IDataProtector protector = protection.CreateProtector("Saas.Identity.TokenKeys.v1");
    private readonly SemaphoreSlim refreshing = new(1, 1);
    private volatile TokenKeySet? current;

    /// <summary>Raised after a refresh changed the set of keys, so the token service rebuilds its options.</summary>
    public event Action? Changed;

    /// <summary>The keys as last loaded; the first use loads them (the schema exists by then: migrations run at start).</summary>
    public TokenKeySet Current => current ?? Task.Run(() => RefreshAsync(CancellationToken.None)).GetAwaiter().GetResult();

    /// <summary>Loads the keys, creating the next ones when the active ones near their end and deleting retired ones.</summary>
    public async Task<TokenKeySet> RefreshAsync(CancellationToken cancellationToken)
    {
        await refreshing.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
            var now = clock.GetUtcNow().UtcDateTime;
            await db.TokenKeys.Where(k => k.RetiresUtc <= now).ExecuteDeleteAsync(cancellationToken);
            var keys = await db.TokenKeys.AsNoTracking().ToListAsync(cancellationToken);
            var created = false;
            foreach (var use in new[] { TokenKey.Signing, TokenKey.Encryption })
            {
                created |= await EnsureNextKeyAsync(db, keys, use, now, cancellationToken);
            }

            if (created)
            {
                keys = await db.TokenKeys.AsNoTracking().ToListAsync(cancellationToken);
            }

            var set = new TokenKeySet(Order(keys, TokenKey.Signing, now), Order(keys, TokenKey.Encryption, now));
            var previous = current;
            current = set;
            if (previous is not null && previous.Fingerprint != set.Fingerprint)
            {
                logger.LogInformation("Token keys changed: signing {SigningKeys}, encryption {EncryptionKeys}",
                    string.Join(",", set.Signing.Select(k => k.KeyId)), string.Join(",", set.Encryption.Select(k => k.KeyId)));
                Changed?.Invoke();
            }

            return set;
        }
        finally
        {
            refreshing.Release();
        }
    }

    /// <summary>
    /// Ends the active keys now and starts new ones at once: for an operator who suspects a key leaked, and for
    /// tests. Tokens already issued stay valid (the old keys stay published until they retire); other nodes pick
    /// the new keys up at their next refresh, so in a cluster prefer the scheduled rotation, which never signs
    /// with a key another node has not loaded yet.
    /// </summary>
    public async Task<TokenKeySet> RotateNowAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
            var now = clock.GetUtcNow().UtcDateTime;
            var active = await db.TokenKeys.Where(k => k.ActiveFromUtc <= now && k.ActiveUntilUtc > now).ToListAsync(cancellationToken);
            foreach (var key in active)
            {
                db.Entry(key).Property(k => k.ActiveUntilUtc).CurrentValue = now;
            }

            await db.SaveChangesAsync(cancellationToken);
            db.TokenKeys.Add(NewKey(TokenKey.Signing, now, now));
            db.TokenKeys.Add(NewKey(TokenKey.Encryption, now, now));
            await db.SaveChangesAsync(cancellationToken);
        }

        return await RefreshAsync(cancellationToken);
    }

    private async Task<bool> EnsureNextKeyAsync(IdentityDb db, List<TokenKey> keys, string use, DateTime now, CancellationToken cancellationToken)
    {
        var ofUse = keys.Where(k => k.Use == use).ToList();
        if (!ofUse.Any(k => k.ActiveFromUtc <= now && k.ActiveUntilUtc > now))
        {
            // Nothing can sign right now (first start, or every node was down past the schedule): a key that
            // signs at once, since no token signed by an unseen key can exist yet.
            db.TokenKeys.Add(NewKey(use, now, now));
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Created a {Use} token key active from now", use);
            return true;
        }

        // The next key must exist a propagation period before the current one ends.
        var horizon = now + settings.KeyPropagation;
        var lastEnd = ofUse.Max(k => k.ActiveUntilUtc);
        if (lastEnd > horizon + settings.KeyPropagation)
        {
            return false;
        }

        db.TokenKeys.Add(NewKey(use, now, lastEnd < horizon ? horizon : lastEnd));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Created the next {Use} token key, active from {ActiveFrom:o}", use, lastEnd);
        return true;
    }

    private TokenKey NewKey(string use, DateTime now, DateTime activeFrom)
    {
        using var rsa = RSA.Create(2048);
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(false)));
        var activeUntil = activeFrom + settings.KeyRotationPeriod;

        // A signing key outlives its last access token; an encryption key its last refresh token and code.
        var longest = use == TokenKey.Signing
            ? settings.AccessTokenLifetime
            : settings.RefreshTokenLifetime > settings.AccessTokenLifetime ? settings.RefreshTokenLifetime : settings.AccessTokenLifetime;
        return new TokenKey
        {
            Use = use,
            KeyId = Base64UrlEncoder.Encode(jwk.ComputeJwkThumbprint()),
            ProtectedPem = protector.Protect(rsa.ExportPkcs8PrivateKeyPem()),
            CreatedUtc = now,
            ActiveFromUtc = activeFrom,
            ActiveUntilUtc = activeUntil,
            RetiresUtc = activeUntil + longest + settings.KeyPropagation,
        };
    }

    /// <summary>The active key first (earliest start, then id, so all nodes agree), then every other published key.</summary>
    private List<RsaSecurityKey> Order(List<TokenKey> keys, string use, DateTime now)
    {
        var ofUse = keys.Where(k => k.Use == use).ToList();
        var active = ofUse
            .Where(k => k.ActiveFromUtc <= now && k.ActiveUntilUtc > now)
            .OrderBy(k => k.ActiveFromUtc).ThenBy(k => k.Id)
            .FirstOrDefault();
        var ordered = ofUse.Where(k => k != active).OrderByDescending(k => k.ActiveFromUtc).ThenBy(k => k.Id).ToList();
        if (active is not null)
        {
            ordered.Insert(0, active);
        }

        return ordered.Select(Load).ToList();
    }

    private RsaSecurityKey Load(TokenKey key)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(protector.Unprotect(key.ProtectedPem));
        return new RsaSecurityKey(rsa) { KeyId = key.KeyId };
    }
}
