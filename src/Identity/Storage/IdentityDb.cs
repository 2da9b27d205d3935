using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;
using Saas.Identity.Audit;
using Saas.Identity.Clients;
using Saas.Identity.Tokens;
using Saas.Identity.Users;
using Saas.Tenancy.Storage;

namespace Saas.Identity.Storage;

/// <summary>
/// Users, memberships, invitations, API clients, OpenIddict's applications/authorizations/scopes/tokens, the
/// token signing and encryption keys and ASP.NET data-protection keys, in the catalog database beside the
/// tenants, so that every node shares them. A user context without Identity's role tables: roles belong to
/// memberships, not to users.
/// </summary>
public sealed class IdentityDb(DbContextOptions<IdentityDb> options) : IdentityUserContext<SaasUser, Guid>(options), IDataProtectionKeyContext
{
    public const string HistoryTable = "__identity_migrations";

    public DbSet<TenantMembership> TenantMemberships => Set<TenantMembership>();
    public DbSet<ResellerMembership> ResellerMemberships => Set<ResellerMembership>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<ApiClient> ApiClients => Set<ApiClient>();
    public DbSet<SignInThrottle> SignInThrottles => Set<SignInThrottle>();
    public DbSet<TokenKey> TokenKeys => Set<TokenKey>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>
    /// Pinned rather than read from IdentityOptions, so the migrator (which builds this context without the
    /// application's services) and the application see the same model. Passkeys (Identity's version 3) are mapped
    /// below by hand, with the rest of the schema unchanged (ADR 014).
    /// </summary>
    protected override Version SchemaVersion => IdentitySchemaVersions.Version2;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<SaasUser>(user =>
        {
            user.ToTable("Users");
            user.Property(u => u.DisplayName).HasMaxLength(100);
        });
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("UserClaims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("UserLogins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("UserTokens");
        builder.Entity<IdentityUserPasskey<Guid>>(passkey =>
        {
            passkey.ToTable("UserPasskeys");
            passkey.HasKey(p => p.CredentialId);
            passkey.Property(p => p.CredentialId).HasMaxLength(1024); // WebAuthn: at most 1023 bytes
            passkey.HasIndex(p => p.UserId);
            passkey.HasOne<SaasUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
            passkey.Property(p => p.Data).HasConversion(PasskeyDataColumn.Converter, PasskeyDataColumn.Comparer);
        });

        builder.Entity<TenantMembership>(membership =>
        {
            membership.ToTable("TenantMemberships");
            membership.HasKey(m => m.Id);
            membership.HasIndex(m => new { m.TenantId, m.UserId }).IsUnique();
            membership.HasIndex(m => m.UserId);
            membership.Property(m => m.Role).HasMaxLength(30);
            membership.HasOne<SaasUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ResellerMembership>(membership =>
        {
            membership.ToTable("ResellerMemberships");
            membership.HasKey(m => m.Id);
            membership.HasIndex(m => new { m.ResellerId, m.UserId }).IsUnique();
            membership.HasIndex(m => m.UserId);
            membership.HasOne<SaasUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Invitation>(invitation =>
        {
            invitation.ToTable("Invitations");
            invitation.HasKey(i => i.Id);
            invitation.HasIndex(i => i.TokenHash).IsUnique();
            invitation.HasIndex(i => i.UserId);
            invitation.Property(i => i.TokenHash).HasMaxLength(64);
            invitation.Property(i => i.Role).HasMaxLength(30).HasDefaultValue(""); // invitations from before roles travelled with them
            invitation.HasIndex(i => i.TenantId);
            invitation.HasOne<SaasUser>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ApiClient>(client =>
        {
            client.ToTable("ApiClients");
            client.HasKey(c => c.Id);
            client.HasIndex(c => c.ClientId).IsUnique();
            client.HasIndex(c => c.TenantId);
            client.Property(c => c.ClientId).HasMaxLength(64);
            client.Property(c => c.SecretHash).HasMaxLength(64);
            client.Property(c => c.DisplayName).HasMaxLength(100);
            client.Property(c => c.Role).HasMaxLength(30);
        });

        builder.Entity<SignInThrottle>(throttle =>
        {
            throttle.ToTable("SignInThrottles");
            throttle.HasKey(t => t.KeyHash);
            throttle.Property(t => t.KeyHash).HasMaxLength(64);
            throttle.HasIndex(t => t.WindowStartedUtc);
        });

        builder.Entity<TokenKey>(key =>
        {
            key.ToTable("TokenKeys");
            key.HasKey(k => k.Id);
            key.HasIndex(k => k.KeyId).IsUnique();
            key.Property(k => k.KeyId).HasMaxLength(64);
            key.Property(k => k.Use).HasMaxLength(3);
        });

        builder.Entity<DataProtectionKey>().ToTable("DataProtectionKeys");

        // OpenIddict's entities with string keys (its default); table names are snake-cased below like ours.
        builder.UseOpenIddict();
        builder.Entity<OpenIddictEntityFrameworkCoreApplication>().ToTable("OidcApplications");
        builder.Entity<OpenIddictEntityFrameworkCoreAuthorization>().ToTable("OidcAuthorizations");
        builder.Entity<OpenIddictEntityFrameworkCoreScope>().ToTable("OidcScopes");
        builder.Entity<OpenIddictEntityFrameworkCoreToken>().ToTable("OidcTokens");

        builder.Entity<AuditEntry>(entry =>
        {
            // No foreign keys: an entry outlives the person and the company it names.
            entry.ToTable("AuditEntries");
            entry.HasKey(e => e.Id);
            entry.HasIndex(e => new { e.TenantId, e.OccurredUtc });
            entry.Property(e => e.Actor).HasMaxLength(256);
            entry.Property(e => e.Action).HasMaxLength(50);
            entry.Property(e => e.Subject).HasMaxLength(256);
            entry.Property(e => e.Before).HasMaxLength(2000);
            entry.Property(e => e.After).HasMaxLength(2000);
        });

        builder.ApplySnakeCaseNames();
    }
}
