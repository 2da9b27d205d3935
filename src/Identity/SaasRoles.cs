namespace Saas.Identity;

/// <summary>
/// Role names. Tenant roles live on a <see cref="Users.TenantMembership"/> (a person can hold a different
/// role in each company); ResellerAdmin and Operator sit outside tenants.
/// </summary>
public static class SaasRoles
{
    public const string Administrator = "Administrator";
    public const string Accountant = "Accountant";
    public const string Sales = "Sales";
    public const string Purchasing = "Purchasing";
    public const string Warehouse = "Warehouse";
    public const string ReadOnly = "ReadOnly";
    public const string ResellerAdmin = "ResellerAdmin";
    public const string Operator = "Operator";

    /// <summary>Roles a tenant membership or an API client may hold.</summary>
    public static readonly IReadOnlyList<string> TenantRoles = [Administrator, Accountant, Sales, Purchasing, Warehouse, ReadOnly];

    /// <summary>The canonical spelling of a tenant role (case-insensitive input), or null when it is not one.</summary>
    public static string? NormalizeTenantRole(string? role) =>
        role is null ? null : TenantRoles.FirstOrDefault(r => string.Equals(r, role.Trim(), StringComparison.OrdinalIgnoreCase));
}
