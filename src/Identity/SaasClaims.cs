namespace Saas.Identity;

/// <summary>
/// Claim types, identical in access tokens and in the web cookie (OpenIddict validation keeps the names
/// of the token, so nothing is renamed to the long SOAP-era URIs).
/// </summary>
public static class SaasClaims
{
    /// <summary>User id (Guid) or, for an API client, "client:{client_id}".</summary>
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Email = "email";

    /// <summary>The active tenant's id (Guid). Absent for reseller/operator sessions outside a tenant.</summary>
    public const string TenantId = "tenant_id";

    /// <summary>The active tenant's identifier (slug).</summary>
    public const string Tenant = "tenant";

    /// <summary>The caller's role in the active tenant (one of <see cref="SaasRoles.TenantRoles"/>).</summary>
    public const string Role = "role";

    /// <summary>One claim per reseller the user administers.</summary>
    public const string ResellerId = "reseller_id";

    /// <summary>"true" for the hosting operator.</summary>
    public const string Operator = "operator";

    /// <summary>Set on tokens issued through client_credentials.</summary>
    public const string ClientId = "client_id";
}
