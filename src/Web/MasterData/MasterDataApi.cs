using Saas.Web.Inventory;

namespace Saas.Web.MasterData;

/// <summary>BC API v2.0 endpoints for items, customers, vendors and locations.</summary>
public static class MasterDataApi
{
    public const string CompanyRoute = "/api/v2.0/companies({companyId:guid})";

    public static WebApplication MapMasterDataApi(this WebApplication app)
    {
        var company = app.MapGroup(CompanyRoute)
            .AddEndpointFilter<CommandProblems>()
            .AddEndpointFilter<CurrentCompanyOnly>()
            .WithTags("Master data");
        company.MapItems();
        company.MapCustomers();
        company.MapVendors();
        company.MapLocations();
        company.MapItemCatalog();
        return app;
    }
}
