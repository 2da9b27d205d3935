using Saas.Web.MasterData;

namespace Saas.Web.People;

/// <summary>People and roles, invitations, the audit log and password reset: services and routes.</summary>
public static class PeopleSetup
{
    public static WebApplicationBuilder AddPeople(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<Invitations>();
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
        return app;
    }
}
