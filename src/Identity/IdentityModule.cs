using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Saas.Identity.Clients;
using Saas.Identity.Storage;
using Saas.Identity.Tokens;
using Saas.Identity.TwoFactor;
using Saas.Identity.Users;
using Saas.Tenancy.Catalog;
using Saas.Tenancy.Storage;

namespace Saas.Identity;

public static class IdentityModule
{
    /// <summary>
    /// Users, memberships, token keys and their schema (migrated with the catalog). Authentication
    /// schemes and endpoints are wired by the Web host.
    /// </summary>
    public static IServiceCollection AddSaasIdentityCore(this IServiceCollection services, DatabaseOptions database, IConfiguration configuration)
    {
        var settings = new IdentitySettings();
        configuration.GetSection(IdentitySettings.Section).Bind(settings);
        services.AddSingleton(settings);
        services.TryAddSingleton(TimeProvider.System);

        services.AddDbContext<IdentityDb>(o => o.UseDatabase(database.Provider, database.Catalog, IdentityDb.HistoryTable));
        services.AddSingleton(new SchemaRegistration(
            "identity", SchemaHome.Catalog, 10,
            cs => new IdentityDb(DatabaseProviders.OptionsFor<IdentityDb>(database.Provider, cs, IdentityDb.HistoryTable))));

        services.AddIdentityCore<SaasUser>(options =>
            {
                options.User.RequireUniqueEmail = true;

                // The user name is the e-mail address, which the e-mail validator already checks.
                options.User.AllowedUserNameCharacters = "";

                // Length over composition rules (NIST SP 800-63B): composition rules push people to predictable patterns.
                options.Password.RequiredLength = 10;
                options.Password.RequiredUniqueChars = 4;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;

                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);

                options.ClaimsIdentity.UserIdClaimType = SaasClaims.Subject;
                options.ClaimsIdentity.UserNameClaimType = SaasClaims.Name;
                options.ClaimsIdentity.EmailClaimType = SaasClaims.Email;
                options.ClaimsIdentity.RoleClaimType = SaasClaims.Role;
            })
            .AddEntityFrameworkStores<IdentityDb>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        // Recovery codes hashed at rest (ADR 014); everything else is Identity's own store.
        services.Replace(ServiceDescriptor.Scoped<IUserStore<SaasUser>, SaasUserStore>());
        services.AddScoped<AuthenticatorCodes>();
        services.AddScoped<TwoFactorEnrollment>();
        services.AddScoped<SecondFactor>();
        var limits = new SignInLimits();
        configuration.GetSection(SignInLimits.Section).Bind(limits);
        services.AddSingleton(limits);
        services.AddScoped<SignInThrottles>();
        services.AddScoped<PasswordSignIn>();

        services.AddSingleton<TokenKeyRing>();
        services.AddHostedService<KeyRingRefresh>();
        services.AddScoped<Sessions>();
        services.AddScoped<InvitationPreviews>();
        services.AddScoped<SessionRevocation>();
        services.AddScoped<ITenantStatusObserver>(sp => sp.GetRequiredService<SessionRevocation>());
        services.AddScoped<ApiClients>();
        services.AddScoped<OAuthApplications>();
        services.AddScoped<ConnectedApplications>();
        services.AddScoped<IdentityAdministration>();
        services.AddScoped<Audit.AuditTrail>();
        services.AddScoped<People.CompanyPeople>();
        return services;
    }
}
