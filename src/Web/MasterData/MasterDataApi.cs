using Saas.Identity;
using Saas.Web.Auth;
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
        // Bearer tokens need the area's scope (ScopeRequirement); the routes stay one flat BC-style list.
        var inventory = company.MapGroup("").RequireScope(ApiScopes.Inventory);
        inventory.MapItems();
        inventory.MapLocations();
        inventory.MapItemCatalog();
        inventory.MapUnitsOfMeasure();
        company.MapGroup("").RequireScope(ApiScopes.Sales).MapCustomers();
        company.MapGroup("").RequireScope(ApiScopes.Purchasing).MapVendors();
        return app;
    }
}
