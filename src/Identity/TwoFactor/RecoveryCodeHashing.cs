using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Saas.Identity.Storage;
using Saas.Identity.Users;

namespace Saas.Identity.TwoFactor;

/// <summary>
/// Identity's user store, except that recovery codes are kept as SHA-256 hashes: Identity stores them as written,
/// and a recovery code passes the second factor on its own. The codes are random (50 bits each), so a fast hash is
/// enough; they are compared upper-case without hyphens or spaces, as people type them.
/// </summary>
public sealed class SaasUserStore(IdentityDb db, IdentityErrorDescriber? describer = null)
    : UserOnlyStore<SaasUser, IdentityDb, Guid>(db, describer)
{
    public override Task ReplaceCodesAsync(SaasUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken = default) =>
        base.ReplaceCodesAsync(user, recoveryCodes.Select(Hash), cancellationToken);

    public override Task<bool> RedeemCodeAsync(SaasUser user, string code, CancellationToken cancellationToken = default) =>
        base.RedeemCodeAsync(user, Hash(code), cancellationToken);

    internal static string Hash(string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(AuthenticatorCodes.Normalize(code).ToUpperInvariant())));
}
