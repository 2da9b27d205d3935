namespace Saas.Identity;

/// <summary>
/// OAuth scopes, one per area of the API. A bearer token reaches an area's endpoints only if it holds the
/// area's scope; the role still decides what it may do there. Cookie sessions of the web UI are not scoped.
/// </summary>
public static class ApiScopes
{
    public const string Sales = "sales";
    public const string Purchasing = "purchasing";
    public const string Inventory = "inventory";
    public const string Finance = "finance";
    public const string Reporting = "reporting";
    public const string Tenants = "tenants";

    /// <summary>Granted when a first-party password grant or an API client asks for no scope in particular.</summary>
    public static readonly string[] Areas = [Sales, Purchasing, Inventory, Finance, Reporting, Tenants];

    /// <summary>What the consent page says about each scope.</summary>
    public static string Describe(string scope) => scope switch
    {
        Sales => "Sales: customers and sales documents",
        Purchasing => "Purchasing: vendors and purchase documents",
        Inventory => "Inventory: items, locations, journals and transfers",
        Finance => "Finance: chart of accounts, posting setup and ledgers",
        Reporting => "Reporting: reports and exports",
        Tenants => "Companies: API clients and, for resellers, the companies they manage",
        "openid" => "Your identity (user id)",
        "profile" => "Your name",
        "email" => "Your e-mail address",
        "offline_access" => "Stay connected when you are away (refresh tokens)",
        _ => scope,
    };
}
