using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Saas.Identity.Audit;
using Saas.Identity.Storage;
using Saas.Identity.Users;
using Saas.Web.Mail;

namespace Saas.Web.People;

/// <summary>
/// Identity's user store with one addition: when a failed sign-in locks an account, the person is told by e-mail and
/// the lockout is written to the audit log and the log. Hooked here, where Identity counts failures, so every sign-in
/// path (cookie, token, invitation acceptance) reports it without changing any of them.
/// </summary>
public sealed class LockoutNotice : UserManager<SaasUser>, ISignInBlockedNotice
{
    private readonly IServiceProvider services;

    public LockoutNotice(
        IUserStore<SaasUser> store,
        IOptions<IdentityOptions> options,
        IPasswordHasher<SaasUser> hasher,
        IEnumerable<IUserValidator<SaasUser>> userValidators,
        IEnumerable<IPasswordValidator<SaasUser>> passwordValidators,
        ILookupNormalizer normalizer,
        IdentityErrorDescriber errors,
        IServiceProvider services,
        ILogger<UserManager<SaasUser>> logger)
        : base(store, options, hasher, userValidators, passwordValidators, normalizer, errors, services, logger) => this.services = services;

    public override async Task<IdentityResult> AccessFailedAsync(SaasUser user)
    {
        var wasLocked = await IsLockedOutAsync(user);
        var result = await base.AccessFailedAsync(user);
        if (result.Succeeded && !wasLocked && await IsLockedOutAsync(user))
        {
            await TellAsync(user, await GetLockoutEndDateAsync(user) ?? DateTimeOffset.UtcNow, CancellationToken);
        }

        return result;
    }

    /// <summary>Repeated wrong passwords blocked sign-in to the account from somewhere (ADR 012's throttle).</summary>
    public Task SignInBlockedAsync(SaasUser user, DateTimeOffset until, CancellationToken cancellationToken) =>
        TellAsync(user, until, cancellationToken);

    private async Task TellAsync(SaasUser user, DateTimeOffset until, CancellationToken cancellationToken)
    {
        Logger.LogWarning("User {UserId} is locked out until {Until} after repeated failed sign-ins", user.Id, until);
        var audit = services.GetRequiredService<AuditTrail>();
        await audit.AddForEveryCompanyAsync(user.Id, AuditActor.System, AuditActions.LockedOutAfterFailures, user.Email ?? "", $"until {until:yyyy-MM-dd HH:mm} UTC", cancellationToken);
        await services.GetRequiredService<IdentityDb>().SaveChangesAsync(cancellationToken);
        if (user.Email is { Length: > 0 } email)
        {
            await services.GetRequiredService<AccountMail>().SendLockedOutAsync(email, until, cancellationToken);
        }
    }
}
