namespace Saas.Web.MasterData;

/// <summary>BC API v2.0 endpoints for items, customers, vendors and locations.</summary>
public static class MasterDataApi
{
    public static WebApplication MapMasterDataApi(this WebApplication app) => app;
}
