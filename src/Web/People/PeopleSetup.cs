using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Saas.Identity.Users;
using Saas.Web.Hosting;
using Saas.Web.MasterData;

namespace Saas.Web.People;

/// <summary>People and roles, invitations, the audit log and password reset: services and routes.</summary>
public static class PeopleSetup
{
    public static WebApplicationBuilder AddPeople(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<Invitations>();
        builder.Services.AddScoped<PasswordResetRequest>();

        // Replaces Identity's UserManager (registered with TryAdd by AddIdentityCore) so lockouts are reported.
        builder.Services.Replace(ServiceDescriptor.Scoped<UserManager<SaasUser>, LockoutNotice>());
        builder.Services.AddScoped<ISignInBlockedNotice>(sp => (LockoutNotice)sp.GetRequiredService<UserManager<SaasUser>>());
        builder.Services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = PasswordResetRequest.Lifetime);
        builder.AddPasswordResetRateLimit();
        return builder;
    }

    public static WebApplication MapPeopleApi(this WebApplication app)
    {
        var company = app.MapGroup(MasterDataApi.CompanyRoute)
            .AddEndpointFilter<CommandProblems>()
            .AddEndpointFilter<PeopleProblems>()
            .AddEndpointFilter<CurrentCompanyOnly>()
            .WithTags("People");
        company.MapPeople();
        company.MapAuditLog();
        app.MapResellerAdministrators();
        app.MapPasswordReset();
        return app;
    }
}
