using Microsoft.EntityFrameworkCore;
using Saas.Write.Finance.Posting;
using Saas.Write.Setup;

namespace Saas.Write.Finance.Setup;

/// <summary>
/// The chart of accounts and posting setup a new company starts with: a small trading business selling goods
/// from stock, domestic and EU customers, standard/reduced/zero VAT. Accountants change it afterwards;
/// seeding again only adds what is missing, never overwrites.
/// </summary>
public sealed class DefaultFinanceSetup(WriteDbContext db)
{
    public const string Retail = "RETAIL";
    public const string Services = "SERVICES";
    public const string Resale = "RESALE";
    public const string Domestic = "DOMESTIC";
    public const string StandardVat = "STANDARD";
    public const string ItemJournalSeries = "IJNL";

    /// <summary>BC gives the Phys. Inventory journal its own series, so counts are numbered apart from adjustments.</summary>
    public const string PhysInventorySeries = "PHYS-INV";

    /// <summary>The document number series of a journal posting, by BC's source code.</summary>
    public static string JournalSeriesFor(string sourceCode) => sourceCode == "PHYSINVJNL" ? PhysInventorySeries : ItemJournalSeries;

    private static readonly (string Code, string Description, string StartingNo)[] JournalSeries =
    [
        (ItemJournalSeries, "Item journal", "IJ000001"),
        (PhysInventorySeries, "Physical inventory journal", "PI000001"),
    ];

    public static class Accounts
    {
        public const string Cash = "1100";
        public const string Receivables = "1200";
        public const string Inventory = "1300";
        public const string InventoryInterim = "1310";
        public const string InventoryInTransit = "1320";
        public const string PurchaseVat = "1400";
        public const string Payables = "2100";
        public const string InventoryAccrualInterim = "2110";
        public const string SalesVat = "2200";
        public const string ReverseChargeVat = "2210";
        public const string Equity = "3000";
        public const string Sales = "4000";
        public const string SalesCreditMemos = "4010";
        public const string Cogs = "5000";
        public const string CogsInterim = "5010";
        public const string Purchases = "5100";
        public const string PurchaseCreditMemos = "5110";
        public const string DirectCostApplied = "5200";
        public const string OverheadApplied = "5210";
        public const string InventoryAdjustment = "5300";
        public const string PurchaseVariance = "5400";
        public const string OperatingExpenses = "6000";
    }

    private static readonly (string No, string Name, AccountCategory Category, bool Direct)[] Chart =
    [
        (Accounts.Cash, "Cash", AccountCategory.Assets, true),
        (Accounts.Receivables, "Accounts Receivable", AccountCategory.Assets, false),
        (Accounts.Inventory, "Inventory", AccountCategory.Assets, false),
        (Accounts.InventoryInterim, "Inventory (Interim)", AccountCategory.Assets, false),
        (Accounts.InventoryInTransit, "Inventory in Transit", AccountCategory.Assets, false),
        (Accounts.PurchaseVat, "Purchase VAT", AccountCategory.Assets, false),
        (Accounts.Payables, "Accounts Payable", AccountCategory.Liabilities, false),
        (Accounts.InventoryAccrualInterim, "Inventory Accrual (Interim)", AccountCategory.Liabilities, false),
        (Accounts.SalesVat, "Sales VAT", AccountCategory.Liabilities, false),
        (Accounts.ReverseChargeVat, "Reverse Charge VAT", AccountCategory.Liabilities, false),
        (Accounts.Equity, "Owner's Equity", AccountCategory.Equity, true),
        (Accounts.Sales, "Sales", AccountCategory.Income, true),
        (Accounts.SalesCreditMemos, "Sales Credit Memos", AccountCategory.Income, true),
        (Accounts.Cogs, "Cost of Goods Sold", AccountCategory.CostOfGoodsSold, false),
        (Accounts.CogsInterim, "Cost of Goods Sold (Interim)", AccountCategory.CostOfGoodsSold, false),
        (Accounts.Purchases, "Purchases", AccountCategory.CostOfGoodsSold, true),
        (Accounts.PurchaseCreditMemos, "Purchase Credit Memos", AccountCategory.CostOfGoodsSold, true),
        (Accounts.DirectCostApplied, "Direct Cost Applied", AccountCategory.CostOfGoodsSold, false),
        (Accounts.OverheadApplied, "Overhead Applied", AccountCategory.CostOfGoodsSold, false),
        (Accounts.InventoryAdjustment, "Inventory Adjustment", AccountCategory.CostOfGoodsSold, false),
        (Accounts.PurchaseVariance, "Purchase Variance", AccountCategory.CostOfGoodsSold, false),
        (Accounts.OperatingExpenses, "Operating Expenses", AccountCategory.Expense, true),
    ];

    private static readonly (PostingGroupKind Kind, string Code, string Description, string Account)[] Groups =
    [
        (PostingGroupKind.GeneralBusiness, Domestic, "Domestic customers and vendors", ""),
        (PostingGroupKind.GeneralBusiness, "EU", "Customers and vendors in the EU", ""),
        (PostingGroupKind.GeneralBusiness, "EXPORT", "Other foreign customers and vendors", ""),
        (PostingGroupKind.GeneralProduct, Retail, "Goods for resale", ""),
        (PostingGroupKind.GeneralProduct, Services, "Services", ""),
        (PostingGroupKind.Inventory, Resale, "Goods for resale", ""),
        (PostingGroupKind.VatBusiness, Domestic, "Domestic", ""),
        (PostingGroupKind.VatBusiness, "EU", "EU (reverse charge)", ""),
        (PostingGroupKind.VatBusiness, "EXPORT", "Export (no VAT)", ""),
        (PostingGroupKind.VatProduct, StandardVat, "Standard rate", ""),
        (PostingGroupKind.VatProduct, "REDUCED", "Reduced rate", ""),
        (PostingGroupKind.VatProduct, "ZERO", "Zero rate", ""),
        (PostingGroupKind.Customer, Domestic, "Domestic customers", Accounts.Receivables),
        (PostingGroupKind.Vendor, Domestic, "Domestic vendors", Accounts.Payables),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var tenant = db.CurrentTenantId;
        var accounts = await db.GLAccounts.Select(a => a.Number).ToListAsync(cancellationToken);
        foreach (var account in Chart.Where(a => !accounts.Contains(a.No)))
        {
            db.GLAccounts.Add(ChartAccount(tenant, account));
        }

        var groups = await db.PostingGroups.Select(g => new { g.Kind, g.Code }).ToListAsync(cancellationToken);
        foreach (var (kind, code, description, account) in Groups.Where(g => !groups.Contains(new { g.Kind, g.Code })))
        {
            db.PostingGroups.Add(new PostingGroup { TenantId = tenant, Kind = kind, Code = code, Description = description, Account = account });
        }

        var general = await db.GeneralPostingSetups.Select(s => new { s.GenBusPostingGroup, s.GenProdPostingGroup }).ToListAsync(cancellationToken);
        foreach (var bus in new[] { "", Domestic, "EU", "EXPORT" })
        {
            foreach (var prod in new[] { Retail, Services })
            {
                if (!general.Contains(new { GenBusPostingGroup = bus, GenProdPostingGroup = prod }))
                {
                    db.GeneralPostingSetups.Add(StandardGeneralSetup(tenant, bus, prod));
                }
            }
        }

        var vat = await db.VatPostingSetups.Select(s => new { s.VatBusPostingGroup, s.VatProdPostingGroup }).ToListAsync(cancellationToken);
        foreach (var (bus, prod, percent, type) in new[]
                 {
                     (Domestic, StandardVat, 25m, VatCalculationType.Normal),
                     (Domestic, "REDUCED", 12m, VatCalculationType.Normal),
                     (Domestic, "ZERO", 0m, VatCalculationType.Normal),
                     ("EU", StandardVat, 25m, VatCalculationType.ReverseCharge),
                     ("EU", "REDUCED", 12m, VatCalculationType.ReverseCharge),
                     ("EU", "ZERO", 0m, VatCalculationType.Normal),
                     ("EXPORT", StandardVat, 0m, VatCalculationType.Normal),
                     ("EXPORT", "REDUCED", 0m, VatCalculationType.Normal),
                     ("EXPORT", "ZERO", 0m, VatCalculationType.Normal),
                 })
        {
            if (!vat.Contains(new { VatBusPostingGroup = bus, VatProdPostingGroup = prod }))
            {
                db.VatPostingSetups.Add(new VatPostingSetup
                {
                    TenantId = tenant,
                    VatBusPostingGroup = bus,
                    VatProdPostingGroup = prod,
                    VatPercent = percent,
                    CalculationType = type,
                    SalesVatAccount = Accounts.SalesVat,
                    PurchaseVatAccount = Accounts.PurchaseVat,
                    ReverseChargeVatAccount = type == VatCalculationType.ReverseCharge ? Accounts.ReverseChargeVat : "",
                });
            }
        }

        // Blank location first: BC allows posting without a location, and it needs its own row.
        var locations = await db.Locations.Select(l => l.Code).ToListAsync(cancellationToken);
        await AddInventoryPostingSetupAsync([.. locations.Prepend("")], cancellationToken);

        if (!await db.GeneralLedgerSetups.AnyAsync(cancellationToken))
        {
            db.GeneralLedgerSetups.Add(new GeneralLedgerSetup { TenantId = tenant, Version = 1 });
        }

        if (!await db.PostingCounters.AnyAsync(cancellationToken))
        {
            db.PostingCounters.Add(new PostingCounters { TenantId = tenant });
        }

        await AddJournalSeriesAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The journals' number series a company lacks. Onboarding adds them with the rest of the setup; the startup
    /// migration (DatabaseStartup) calls this for companies made before a series existed.
    /// </summary>
    public async Task SeedJournalSeriesAsync(CancellationToken cancellationToken = default)
    {
        await AddJournalSeriesAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task AddJournalSeriesAsync(CancellationToken cancellationToken)
    {
        var codes = JournalSeries.Select(s => s.Code).ToList();
        var existing = await db.NoSeries.Where(s => codes.Contains(s.Code)).Select(s => s.Code).ToListAsync(cancellationToken);
        foreach (var (code, description, startingNo) in JournalSeries.Where(s => !existing.Contains(s.Code)))
        {
            db.NoSeries.Add(new NoSeries { TenantId = db.CurrentTenantId, Code = code, Description = description, StartingNo = startingNo, IncrementBy = 1 });
        }
    }

    /// <summary>
    /// Inventory posting setup rows (inventory and interim accounts of the default chart) for locations that have
    /// none yet; a new location calls this so that goods can be posted there at once. Goods at an in-transit
    /// location are valued on their own inventory account, as BC's demo setup does, so the balance sheet shows
    /// what is on the road.
    /// </summary>
    public async Task AddInventoryPostingSetupAsync(
        IReadOnlyCollection<string> locationCodes, CancellationToken cancellationToken = default, IReadOnlyCollection<string>? inTransit = null)
    {
        var existing = await db.InventoryPostingSetups.Where(s => s.InventoryPostingGroup == Resale)
            .Select(s => s.LocationCode).ToListAsync(cancellationToken);
        var transit = await db.Locations.Where(l => l.UseAsInTransit).Select(l => l.Code).ToListAsync(cancellationToken);
        transit.AddRange(inTransit ?? []);
        var added = locationCodes.Where(l => !existing.Contains(l)).Distinct().ToList();
        if (added.Any(transit.Contains))
        {
            await EnsureAccountAsync(Accounts.InventoryInTransit, cancellationToken);
        }

        foreach (var location in added)
        {
            db.InventoryPostingSetups.Add(new InventoryPostingSetup
            {
                TenantId = db.CurrentTenantId,
                LocationCode = location,
                InventoryPostingGroup = Resale,
                InventoryAccount = transit.Contains(location) ? Accounts.InventoryInTransit : Accounts.Inventory,
                InventoryInterimAccount = Accounts.InventoryInterim,
            });
        }
    }

    /// <summary>
    /// Companies onboarded before the in-transit account joined the default chart lack it: the first in-transit
    /// location they create adds it, so that its setup never names an account that does not exist.
    /// </summary>
    private async Task EnsureAccountAsync(string number, CancellationToken cancellationToken)
    {
        if (db.GLAccounts.Local.Any(a => a.Number == number) || await db.GLAccounts.AnyAsync(a => a.Number == number, cancellationToken))
        {
            return;
        }

        db.GLAccounts.Add(ChartAccount(db.CurrentTenantId, Chart.Single(a => a.No == number)));
    }

    private static GLAccount ChartAccount(Guid tenant, (string No, string Name, AccountCategory Category, bool Direct) account) => new()
    {
        TenantId = tenant,
        Number = account.No,
        Name = account.Name,
        Category = account.Category,
        IncomeBalance = account.Category is AccountCategory.Assets or AccountCategory.Liabilities or AccountCategory.Equity
            ? IncomeBalance.BalanceSheet
            : IncomeBalance.IncomeStatement,
        DirectPosting = account.Direct,
    };

    private static GeneralPostingSetup StandardGeneralSetup(Guid tenant, string bus, string prod) => new()
    {
        TenantId = tenant,
        GenBusPostingGroup = bus,
        GenProdPostingGroup = prod,
        SalesAccount = Accounts.Sales,
        SalesCreditMemoAccount = Accounts.SalesCreditMemos,
        PurchaseAccount = Accounts.Purchases,
        PurchaseCreditMemoAccount = Accounts.PurchaseCreditMemos,
        CogsAccount = Accounts.Cogs,
        CogsInterimAccount = Accounts.CogsInterim,
        InventoryAdjustmentAccount = Accounts.InventoryAdjustment,
        InventoryAccrualInterimAccount = Accounts.InventoryAccrualInterim,
        DirectCostAppliedAccount = Accounts.DirectCostApplied,
        OverheadAppliedAccount = Accounts.OverheadApplied,
        PurchaseVarianceAccount = Accounts.PurchaseVariance,
    };
}
