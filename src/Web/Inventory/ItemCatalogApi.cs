namespace Saas.Web.Inventory;

/// <summary>The item catalog's BC API v2.0 routes, mapped into the master-data company group.</summary>
internal static class ItemCatalogApi
{
    public static void MapItemCatalog(this RouteGroupBuilder company)
    {
        company.MapItemCategories();
        company.MapItemAttributes();
        company.MapCatalogItems();
        company.MapItemReferences();
    }
}
