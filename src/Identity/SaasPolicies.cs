using Microsoft.AspNetCore.Authorization;

namespace Saas.Identity;

/// <summary>
/// Authorization policy names and their rules. Every policy that names a tenant role also requires the
/// <c>tenant_id</c> claim, so a role claim without an active tenant never grants tenant access.
/// </summary>
public static class SaasPolicies
{
    public const string TenantMember = "TenantMember";
    public const string ItemsWrite = "Items.Write";
    public const string CustomersWrite = "Customers.Write";
    public const string VendorsWrite = "Vendors.Write";
    public const string LocationsWrite = "Locations.Write";
    public const string TenantAdmin = "TenantAdmin";

    /// <summary>Chart of accounts, posting groups and posting setup, G/L setup, inventory periods.</summary>
    public const string FinanceSetup = "Finance.Setup";

    /// <summary>Revaluation journals and on-demand cost adjustment: changing inventory value is finance's work in BC.</summary>
    public const string InventoryValue = "Inventory.Value";
    public const string Reseller = "Reseller";
    public const string Operator = "Operator";

    /// <summary>Resellers' and the operator's tenant lifecycle (pages and API): reseller administrators or the operator.</summary>
    public const string ManagesTenants = "ManagesTenants";

    /// <summary>The tenant roles each tenant policy admits.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> TenantPolicyRoles = new Dictionary<string, string[]>
    {
        [TenantMember] = [.. SaasRoles.TenantRoles],
        [ItemsWrite] = [SaasRoles.Administrator, SaasRoles.Purchasing, SaasRoles.Warehouse],
        [CustomersWrite] = [SaasRoles.Administrator, SaasRoles.Sales, SaasRoles.Accountant],
        [VendorsWrite] = [SaasRoles.Administrator, SaasRoles.Purchasing, SaasRoles.Accountant],
        [LocationsWrite] = [SaasRoles.Administrator, SaasRoles.Warehouse],
        [TenantAdmin] = [SaasRoles.Administrator],
        [FinanceSetup] = [SaasRoles.Administrator, SaasRoles.Accountant],
        [InventoryValue] = [SaasRoles.Administrator, SaasRoles.Accountant],
    };

    public static void AddSaasPolicies(this AuthorizationOptions options)
    {
        foreach (var (name, roles) in TenantPolicyRoles)
        {
            options.AddPolicy(name, policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim(SaasClaims.TenantId)
                .RequireClaim(SaasClaims.Role, roles));
        }

        options.AddPolicy(Reseller, policy => policy.RequireAuthenticatedUser().RequireClaim(SaasClaims.ResellerId));
        options.AddPolicy(Operator, policy => policy.RequireAuthenticatedUser().RequireClaim(SaasClaims.Operator, "true"));
        options.AddPolicy(ManagesTenants, policy => policy.RequireAuthenticatedUser().RequireAssertion(c =>
            c.User.HasClaim(SaasClaims.Operator, "true") || c.User.HasClaim(x => x.Type == SaasClaims.ResellerId)));
    }
}
