using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Saas.Identity.Storage.Migrations;

/// <summary>
/// Hand-written snapshot of <see cref="IdentityDb"/>'s model after the last migration, so EF's
/// pending-model-changes check has something to compare with. Keep it in step with every new migration;
/// the schema tests fail when it drifts.
/// </summary>
[DbContext(typeof(IdentityDb))]
public sealed class IdentityDbModelSnapshot : ModelSnapshot
{
    private const string User = "Saas.Identity.Users.SaasUser";

    protected override void BuildModel(ModelBuilder modelBuilder)
    {
        modelBuilder.HasAnnotation("ProductVersion", "10.0.15");

        modelBuilder.Entity("Microsoft.AspNetCore.Identity.IdentityUserClaim<System.Guid>", b =>
        {
            b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnName("id")
                .HasAnnotation("Sqlite:Autoincrement", true)
                .HasAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
            b.Property<string>("ClaimType").HasColumnName("claim_type");
            b.Property<string>("ClaimValue").HasColumnName("claim_value");
            b.Property<Guid>("UserId").HasColumnName("user_id");
            b.HasKey("Id").HasName("pk_user_claims");
            b.HasIndex("UserId").HasDatabaseName("ix_user_claims_user_id");
            b.ToTable("user_claims");
        });

        modelBuilder.Entity("Microsoft.AspNetCore.Identity.IdentityUserLogin<System.Guid>", b =>
        {
            b.Property<string>("LoginProvider").HasColumnName("login_provider");
            b.Property<string>("ProviderKey").HasColumnName("provider_key");
            b.Property<string>("ProviderDisplayName").HasColumnName("provider_display_name");
            b.Property<Guid>("UserId").HasColumnName("user_id");
            b.HasKey("LoginProvider", "ProviderKey").HasName("pk_user_logins");
            b.HasIndex("UserId").HasDatabaseName("ix_user_logins_user_id");
            b.ToTable("user_logins");
        });

        modelBuilder.Entity("Microsoft.AspNetCore.Identity.IdentityUserPasskey<System.Guid>", b =>
        {
            b.Property<byte[]>("CredentialId").HasMaxLength(1024).HasColumnName("credential_id");
            b.Property<string>("Data").IsRequired().HasColumnName("data");
            b.Property<Guid>("UserId").HasColumnName("user_id");
            b.HasKey("CredentialId").HasName("pk_user_passkeys");
            b.HasIndex("UserId").HasDatabaseName("ix_user_passkeys_user_id");
            b.ToTable("user_passkeys");
        });

        modelBuilder.Entity("Microsoft.AspNetCore.Identity.IdentityUserToken<System.Guid>", b =>
        {
            b.Property<Guid>("UserId").HasColumnName("user_id");
            b.Property<string>("LoginProvider").HasColumnName("login_provider");
            b.Property<string>("Name").HasColumnName("name");
            b.Property<string>("Value").HasColumnName("value");
            b.HasKey("UserId", "LoginProvider", "Name").HasName("pk_user_tokens");
            b.ToTable("user_tokens");
        });

        modelBuilder.Entity("Saas.Identity.Clients.ApiClient", b =>
        {
            b.Property<Guid>("Id").ValueGeneratedOnAdd().HasColumnName("id");
            b.Property<string>("ClientId").IsRequired().HasMaxLength(64).HasColumnName("client_id");
            b.Property<Guid?>("CreatedByUserId").HasColumnName("created_by_user_id");
            b.Property<DateTime>("CreatedUtc").HasColumnName("created_utc");
            b.Property<string>("DisplayName").IsRequired().HasMaxLength(100).HasColumnName("display_name");
            b.Property<DateTime?>("RevokedUtc").HasColumnName("revoked_utc");
            b.Property<string>("Role").IsRequired().HasMaxLength(30).HasColumnName("role");
            b.Property<string>("SecretHash").IsRequired().HasMaxLength(64).HasColumnName("secret_hash");
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.HasKey("Id").HasName("pk_api_clients");
            b.HasIndex("ClientId").IsUnique().HasDatabaseName("ix_api_clients_client_id");
            b.HasIndex("TenantId").HasDatabaseName("ix_api_clients_tenant_id");
            b.ToTable("api_clients");
        });

        modelBuilder.Entity("Saas.Identity.Audit.AuditEntry", b =>
        {
            b.Property<Guid>("Id").ValueGeneratedOnAdd().HasColumnName("id");
            b.Property<string>("Action").IsRequired().HasMaxLength(50).HasColumnName("action");
            b.Property<string>("Actor").IsRequired().HasMaxLength(256).HasColumnName("actor");
            b.Property<Guid?>("ActorUserId").HasColumnName("actor_user_id");
            b.Property<string>("After").HasMaxLength(2000).HasColumnName("after");
            b.Property<string>("Before").HasMaxLength(2000).HasColumnName("before");
            b.Property<DateTime>("OccurredUtc").HasColumnName("occurred_utc");
            b.Property<string>("Subject").IsRequired().HasMaxLength(256).HasColumnName("subject");
            b.Property<Guid?>("SubjectUserId").HasColumnName("subject_user_id");
            b.Property<Guid?>("TenantId").HasColumnName("tenant_id");
            b.HasKey("Id").HasName("pk_audit_entries");
            b.HasIndex("TenantId", "OccurredUtc").HasDatabaseName("ix_audit_entries_tenant_id_occurred_utc");
            b.ToTable("audit_entries");
        });

        modelBuilder.Entity("Saas.Identity.Users.Invitation", b =>
        {
            b.Property<Guid>("Id").ValueGeneratedOnAdd().HasColumnName("id");
            b.Property<DateTime?>("AcceptedUtc").HasColumnName("accepted_utc");
            b.Property<DateTime>("CreatedUtc").HasColumnName("created_utc");
            b.Property<DateTime>("ExpiresUtc").HasColumnName("expires_utc");
            b.Property<Guid?>("InvitedByUserId").HasColumnName("invited_by_user_id");
            b.Property<string>("Role").IsRequired().HasMaxLength(30).HasDefaultValue("").HasColumnName("role");
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<string>("TokenHash").IsRequired().HasMaxLength(64).HasColumnName("token_hash");
            b.Property<Guid>("UserId").HasColumnName("user_id");
            b.HasKey("Id").HasName("pk_invitations");
            b.HasIndex("TenantId").HasDatabaseName("ix_invitations_tenant_id");
            b.HasIndex("TokenHash").IsUnique().HasDatabaseName("ix_invitations_token_hash");
            b.HasIndex("UserId").HasDatabaseName("ix_invitations_user_id");
            b.ToTable("invitations");
        });

        modelBuilder.Entity("Saas.Identity.Users.ResellerMembership", b =>
        {
            b.Property<Guid>("Id").ValueGeneratedOnAdd().HasColumnName("id");
            b.Property<DateTime>("CreatedUtc").HasColumnName("created_utc");
            b.Property<Guid>("ResellerId").HasColumnName("reseller_id");
            b.Property<Guid>("UserId").HasColumnName("user_id");
            b.HasKey("Id").HasName("pk_reseller_memberships");
            b.HasIndex("UserId").HasDatabaseName("ix_reseller_memberships_user_id");
            b.HasIndex("ResellerId", "UserId").IsUnique().HasDatabaseName("ix_reseller_memberships_reseller_id_user_id");
            b.ToTable("reseller_memberships");
        });

        modelBuilder.Entity(User, b =>
        {
            b.Property<Guid>("Id").ValueGeneratedOnAdd().HasColumnName("id");
            b.Property<int>("AccessFailedCount").HasColumnName("access_failed_count");
            b.Property<string>("ConcurrencyStamp").IsConcurrencyToken().HasColumnName("concurrency_stamp");
            b.Property<DateTime>("CreatedUtc").HasColumnName("created_utc");
            b.Property<string>("DisplayName").IsRequired().HasMaxLength(100).HasColumnName("display_name");
            b.Property<string>("Email").HasMaxLength(256).HasColumnName("email");
            b.Property<bool>("EmailConfirmed").HasColumnName("email_confirmed");
            b.Property<bool>("IsOperator").HasColumnName("is_operator");
            b.Property<bool>("LockoutEnabled").HasColumnName("lockout_enabled");
            b.Property<DateTimeOffset?>("LockoutEnd").HasColumnName("lockout_end");
            b.Property<string>("NormalizedEmail").HasMaxLength(256).HasColumnName("normalized_email");
            b.Property<string>("NormalizedUserName").HasMaxLength(256).HasColumnName("normalized_user_name");
            b.Property<string>("PasswordHash").HasColumnName("password_hash");
            b.Property<string>("PhoneNumber").HasColumnName("phone_number");
            b.Property<bool>("PhoneNumberConfirmed").HasColumnName("phone_number_confirmed");
            b.Property<string>("SecurityStamp").HasColumnName("security_stamp");
            b.Property<bool>("TwoFactorEnabled").HasColumnName("two_factor_enabled");
            b.Property<string>("UserName").HasMaxLength(256).HasColumnName("user_name");
            b.HasKey("Id").HasName("pk_users");
            b.HasIndex("NormalizedEmail").HasDatabaseName("email_index");
            b.HasIndex("NormalizedUserName").IsUnique().HasDatabaseName("user_name_index");
            b.ToTable("users");
        });

        modelBuilder.Entity("Saas.Identity.Users.SignInThrottle", b =>
        {
            b.Property<string>("KeyHash").HasMaxLength(64).HasColumnName("key_hash");
            b.Property<DateTime?>("BlockedUntilUtc").HasColumnName("blocked_until_utc");
            b.Property<int>("Failures").HasColumnName("failures");
            b.Property<DateTime>("WindowStartedUtc").HasColumnName("window_started_utc");
            b.HasKey("KeyHash").HasName("pk_sign_in_throttles");
            b.HasIndex("WindowStartedUtc").HasDatabaseName("ix_sign_in_throttles_window_started_utc");
            b.ToTable("sign_in_throttles");
        });

        modelBuilder.Entity("Saas.Identity.Users.TenantMembership", b =>
        {
            b.Property<Guid>("Id").ValueGeneratedOnAdd().HasColumnName("id");
            b.Property<DateTime>("CreatedUtc").HasColumnName("created_utc");
            b.Property<DateTime?>("LastSignInUtc").HasColumnName("last_sign_in_utc");
            b.Property<DateTime?>("LockedUtc").HasColumnName("locked_utc");
            b.Property<string>("Role").IsRequired().HasMaxLength(30).HasColumnName("role");
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<Guid>("UserId").HasColumnName("user_id");
            b.HasKey("Id").HasName("pk_tenant_memberships");
            b.HasIndex("UserId").HasDatabaseName("ix_tenant_memberships_user_id");
            b.HasIndex("TenantId", "UserId").IsUnique().HasDatabaseName("ix_tenant_memberships_tenant_id_user_id");
            b.ToTable("tenant_memberships");
        });

        foreach (var (dependent, constraint) in new[]
        {
            ("Microsoft.AspNetCore.Identity.IdentityUserClaim<System.Guid>", "fk_user_claims_users_user_id"),
            ("Microsoft.AspNetCore.Identity.IdentityUserLogin<System.Guid>", "fk_user_logins_users_user_id"),
            ("Microsoft.AspNetCore.Identity.IdentityUserToken<System.Guid>", "fk_user_tokens_users_user_id"),
            ("Microsoft.AspNetCore.Identity.IdentityUserPasskey<System.Guid>", "fk_user_passkeys_users_user_id"),
            ("Saas.Identity.Users.Invitation", "fk_invitations_users_user_id"),
            ("Saas.Identity.Users.ResellerMembership", "fk_reseller_memberships_users_user_id"),
            ("Saas.Identity.Users.TenantMembership", "fk_tenant_memberships_users_user_id"),
        })
        {
            modelBuilder.Entity(dependent, b => b.HasOne(User, null).WithMany().HasForeignKey("UserId")
                .OnDelete(DeleteBehavior.Cascade).IsRequired().HasConstraintName(constraint));
        }

        modelBuilder.Entity("Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey", b =>
        {
            b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnName("id")
                .HasAnnotation("Sqlite:Autoincrement", true)
                .HasAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
            b.Property<string>("FriendlyName").HasColumnName("friendly_name");
            b.Property<string>("Xml").HasColumnName("xml");
            b.HasKey("Id").HasName("pk_data_protection_keys");
            b.ToTable("data_protection_keys");
        });

        modelBuilder.Entity("OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication", b =>
        {
            b.Property<string>("Id").ValueGeneratedOnAdd().HasColumnName("id");
            b.Property<string>("ApplicationType").HasMaxLength(50).HasColumnName("application_type");
            b.Property<string>("ClientId").HasMaxLength(100).HasColumnName("client_id");
            b.Property<string>("ClientSecret").HasColumnName("client_secret");
            b.Property<string>("ClientType").HasMaxLength(50).HasColumnName("client_type");
            b.Property<string>("ConcurrencyToken").IsConcurrencyToken().HasMaxLength(50).HasColumnName("concurrency_token");
            b.Property<string>("ConsentType").HasMaxLength(50).HasColumnName("consent_type");
            b.Property<string>("DisplayName").HasColumnName("display_name");
            b.Property<string>("DisplayNames").HasColumnName("display_names");
            b.Property<string>("JsonWebKeySet").HasColumnName("json_web_key_set");
            b.Property<string>("Permissions").HasColumnName("permissions");
            b.Property<string>("PostLogoutRedirectUris").HasColumnName("post_logout_redirect_uris");
            b.Property<string>("Properties").HasColumnName("properties");
            b.Property<string>("RedirectUris").HasColumnName("redirect_uris");
            b.Property<string>("Requirements").HasColumnName("requirements");
            b.Property<string>("Settings").HasColumnName("settings");
            b.HasKey("Id").HasName("pk_oidc_applications");
            b.HasIndex("ClientId").IsUnique().HasDatabaseName("ix_oidc_applications_client_id");
            b.ToTable("oidc_applications");
        });

        modelBuilder.Entity("OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreAuthorization", b =>
        {
            b.Property<string>("Id").ValueGeneratedOnAdd().HasColumnName("id");
            b.Property<string>("ApplicationId").HasColumnName("application_id");
            b.Property<string>("ConcurrencyToken").IsConcurrencyToken().HasMaxLength(50).HasColumnName("concurrency_token");
            b.Property<DateTime?>("CreationDate").HasColumnName("creation_date");
            b.Property<string>("Properties").HasColumnName("properties");
            b.Property<string>("Scopes").HasColumnName("scopes");
            b.Property<string>("Status").HasMaxLength(50).HasColumnName("status");
            b.Property<string>("Subject").HasMaxLength(400).HasColumnName("subject");
            b.Property<string>("Type").HasMaxLength(50).HasColumnName("type");
            b.HasKey("Id").HasName("pk_oidc_authorizations");
            b.HasIndex("ApplicationId", "Status", "Subject", "Type").HasDatabaseName("ix_oidc_authorizations_application_id_status_subject_type");
            b.ToTable("oidc_authorizations");
        });

        modelBuilder.Entity("OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreScope", b =>
        {
            b.Property<string>("Id").ValueGeneratedOnAdd().HasColumnName("id");
            b.Property<string>("ConcurrencyToken").IsConcurrencyToken().HasMaxLength(50).HasColumnName("concurrency_token");
            b.Property<string>("Description").HasColumnName("description");
            b.Property<string>("Descriptions").HasColumnName("descriptions");
            b.Property<string>("DisplayName").HasColumnName("display_name");
            b.Property<string>("DisplayNames").HasColumnName("display_names");
            b.Property<string>("Name").HasMaxLength(200).HasColumnName("name");
            b.Property<string>("Properties").HasColumnName("properties");
            b.Property<string>("Resources").HasColumnName("resources");
            b.HasKey("Id").HasName("pk_oidc_scopes");
            b.HasIndex("Name").IsUnique().HasDatabaseName("ix_oidc_scopes_name");
            b.ToTable("oidc_scopes");
        });

        modelBuilder.Entity("OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreToken", b =>
        {
            b.Property<string>("Id").ValueGeneratedOnAdd().HasColumnName("id");
            b.Property<string>("ApplicationId").HasColumnName("application_id");
            b.Property<string>("AuthorizationId").HasColumnName("authorization_id");
            b.Property<string>("ConcurrencyToken").IsConcurrencyToken().HasMaxLength(50).HasColumnName("concurrency_token");
            b.Property<DateTime?>("CreationDate").HasColumnName("creation_date");
            b.Property<DateTime?>("ExpirationDate").HasColumnName("expiration_date");
            b.Property<string>("Payload").HasColumnName("payload");
            b.Property<string>("Properties").HasColumnName("properties");
            b.Property<DateTime?>("RedemptionDate").HasColumnName("redemption_date");
            b.Property<string>("ReferenceId").HasMaxLength(100).HasColumnName("reference_id");
            b.Property<string>("Status").HasMaxLength(50).HasColumnName("status");
            b.Property<string>("Subject").HasMaxLength(400).HasColumnName("subject");
            b.Property<string>("Type").HasMaxLength(150).HasColumnName("type");
            b.HasKey("Id").HasName("pk_oidc_tokens");
            b.HasIndex("AuthorizationId").HasDatabaseName("ix_oidc_tokens_authorization_id");
            b.HasIndex("ReferenceId").IsUnique().HasDatabaseName("ix_oidc_tokens_reference_id");
            b.HasIndex("ApplicationId", "Status", "Subject", "Type").HasDatabaseName("ix_oidc_tokens_application_id_status_subject_type");
            b.ToTable("oidc_tokens");
        });

        modelBuilder.Entity("Saas.Identity.Tokens.TokenKey", b =>
        {
            b.Property<Guid>("Id").ValueGeneratedOnAdd().HasColumnName("id");
            b.Property<DateTime>("ActiveFromUtc").HasColumnName("active_from_utc");
            b.Property<DateTime>("ActiveUntilUtc").HasColumnName("active_until_utc");
            b.Property<DateTime>("CreatedUtc").HasColumnName("created_utc");
            b.Property<string>("KeyId").IsRequired().HasMaxLength(64).HasColumnName("key_id");
            b.Property<string>("ProtectedPem").IsRequired().HasColumnName("protected_pem");
            b.Property<DateTime>("RetiresUtc").HasColumnName("retires_utc");
            b.Property<string>("Use").IsRequired().HasMaxLength(3).HasColumnName("use");
            b.HasKey("Id").HasName("pk_token_keys");
            b.HasIndex("KeyId").IsUnique().HasDatabaseName("ix_token_keys_key_id");
            b.ToTable("token_keys");
        });

        modelBuilder.Entity("OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreAuthorization", b =>
        {
            b.HasOne("OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication", "Application").WithMany("Authorizations").HasForeignKey("ApplicationId").HasConstraintName("fk_oidc_authorizations_oidc_applications_application_id");
            b.Navigation("Application");
        });

        modelBuilder.Entity("OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreToken", b =>
        {
            b.HasOne("OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication", "Application").WithMany("Tokens").HasForeignKey("ApplicationId").HasConstraintName("fk_oidc_tokens_oidc_applications_application_id");
            b.HasOne("OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreAuthorization", "Authorization").WithMany("Tokens").HasForeignKey("AuthorizationId").HasConstraintName("fk_oidc_tokens_oidc_authorizations_authorization_id");
            b.Navigation("Application");
            b.Navigation("Authorization");
        });

        modelBuilder.Entity("OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication", b =>
        {
            b.Navigation("Authorizations");
            b.Navigation("Tokens");
        });

        modelBuilder.Entity("OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreAuthorization", b =>
        {
            b.Navigation("Tokens");
        });
    }
}
