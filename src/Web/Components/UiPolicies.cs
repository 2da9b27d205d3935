namespace Saas.Web.Components;

/// <summary>Policy names the pages and the menu ask for (the rules themselves belong to Identity).</summary>
public static class UiPolicies
{
    public const string TenantMember = "TenantMember";
    public const string ItemsWrite = "Items.Write";
    public const string CustomersWrite = "Customers.Write";
    public const string VendorsWrite = "Vendors.Write";
    public const string LocationsWrite = "Locations.Write";
    public const string TenantAdmin = "TenantAdmin";
    public const string Reseller = "Reseller";
    public const string Operator = "Operator";
}
