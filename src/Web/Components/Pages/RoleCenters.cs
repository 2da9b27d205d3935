using Saas.Identity;

namespace Saas.Web.Components.Pages;

/// <summary>A count on the home page that opens the list it counts (BC's cue).</summary>
public enum Cue { Items, Customers, Vendors, Locations, Companies }

/// <summary>A shortcut to a list or a task; offered only when <see cref="Policy"/> lets the person open it.</summary>
public sealed record RoleAction(string Text, string Href, string Policy);

/// <summary>
/// One role's home page (BC's Role Center): the cues it watches and the tasks it starts, in the words of the job.
/// The reporting issue adds KPI sections here per role; the page renders whatever a role center lists.
/// </summary>
public sealed record RoleCenter(string Title, string Greeting, IReadOnlyList<Cue> Cues, IReadOnlyList<RoleAction> Actions);

public static class RoleCenters
{
    private static readonly RoleAction Items = new("Items", "/items", SaasPolicies.TenantMember);
    private static readonly RoleAction Customers = new("Customers", "/customers", SaasPolicies.TenantMember);
    private static readonly RoleAction Vendors = new("Vendors", "/vendors", SaasPolicies.TenantMember);
    private static readonly RoleAction ItemJournal = new("Item Journal", "/itemJournal", SaasPolicies.ItemsWrite);
    private static readonly RoleAction TransferOrders = new("Transfer Orders", "/transferOrders", SaasPolicies.TenantMember);
    private static readonly RoleAction ItemLedger = new("Item Ledger Entries", "/itemLedgerEntries", SaasPolicies.TenantMember);
    private static readonly RoleAction TrialBalance = new("Trial Balance", "/trialBalance", SaasPolicies.TenantMember);
    private static readonly RoleAction Tenants = new("Companies", "/reseller/tenants", SaasPolicies.ManagesTenants);

    private static readonly Dictionary<string, RoleCenter> ByRole = new(StringComparer.OrdinalIgnoreCase)
    {
        [SaasRoles.Administrator] = new("Administrator", "Your company's people, security and setup, and every area's work.",
            [Cue.Items, Cue.Customers, Cue.Vendors, Cue.Locations],
            [
                new("People", "/people", SaasPolicies.TenantAdmin), new("Audit Log", "/auditLog", SaasPolicies.TenantAdmin),
                new("Sign-in security", "/company/sign-in", SaasPolicies.TenantAdmin),
                new("OAuth Applications", "/oauthApplications", SaasPolicies.TenantAdmin),
                new("General Ledger Setup", "/generalLedgerSetup", SaasPolicies.FinanceSetup), ItemJournal, TransferOrders, TrialBalance,
            ]),
        [SaasRoles.Accountant] = new("Accountant", "The books: chart of accounts, ledgers, trial balance and the posting setup.",
            [Cue.Customers, Cue.Vendors],
            [
                new("Chart of Accounts", "/accounts", SaasPolicies.TenantMember), new("G/L Entries", "/generalLedgerEntries", SaasPolicies.TenantMember),
                TrialBalance, new("Value Entries", "/valueEntries", SaasPolicies.TenantMember),
                new("Revaluation Journal", "/revaluationJournal", SaasPolicies.InventoryValue),
                new("Posting Setup", "/postingSetup", SaasPolicies.FinanceSetup),
                new("General Ledger Setup", "/generalLedgerSetup", SaasPolicies.FinanceSetup),
            ]),
        [SaasRoles.Sales] = new("Sales", "Your customers and the items you sell.",
            [Cue.Customers, Cue.Items],
            [Customers, new("New customer", "/customers/new", SaasPolicies.CustomersWrite), Items, ItemLedger]),
        [SaasRoles.Purchasing] = new("Purchasing", "Your vendors and the items you buy.",
            [Cue.Vendors, Cue.Items],
            [Vendors, new("New vendor", "/vendors/new", SaasPolicies.VendorsWrite), Items, new("New item", "/items/new", SaasPolicies.ItemsWrite), ItemJournal, TransferOrders]),
        [SaasRoles.Warehouse] = new("Warehouse", "Stock on hand, counts and moves between locations.",
            [Cue.Items, Cue.Locations],
            [
                ItemJournal, new("Item Reclass. Journal", "/reclassJournal", SaasPolicies.ItemsWrite),
                new("Phys. Inventory Journal", "/physInventoryJournal", SaasPolicies.ItemsWrite), TransferOrders,
                new("New transfer order", "/transferOrders/new", SaasPolicies.ItemsWrite),
                new("Posted Transfers", "/postedTransfers", SaasPolicies.TenantMember), ItemLedger,
            ]),
        [SaasRoles.ReadOnly] = new("Read-only", "Everything of the company to look at; your role changes nothing.",
            [Cue.Items, Cue.Customers, Cue.Vendors, Cue.Locations],
            [Items, Customers, Vendors, ItemLedger, TrialBalance]),
    };

    /// <summary>A reseller administrator outside any company: the companies they onboarded.</summary>
    public static readonly RoleCenter Partner = new("Partner", "The companies you onboarded and manage for your customers.",
        [Cue.Companies], [Tenants, new("Onboard a company", "/reseller/tenants/new", SaasPolicies.ManagesTenants)]);

    /// <summary>The operator of the hosted service: every company, whoever onboarded it.</summary>
    public static readonly RoleCenter Operator = new("Operator", "Every company on this service: suspend and reactivate them.",
        [Cue.Companies], [Tenants]);

    public static RoleCenter? ForTenantRole(string? role) => role is null ? null : ByRole.GetValueOrDefault(role);
}
