using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saas.Tests.Infrastructure;
using Saas.Write;
using Saas.Write.Finance.Posting;
using Saas.Write.Finance.Setup;
using Saas.Write.Inventory;
using Saas.Write.Inventory.Ledger;
using Saas.Write.Setup;
using Accounts = Saas.Write.Finance.Setup.DefaultFinanceSetup.Accounts;

namespace Saas.Tests.Posting;

/// <summary>A fresh, onboarded company and the few calls the posting specs need: items, postings, ledgers, invariants.</summary>
public sealed class PostingHarness(PipelineApp app, Guid tenantId)
{
    public static readonly DateOnly Day1 = new(2027, 1, 4);

    public Guid TenantId { get; } = tenantId;

    public static async Task<PostingHarness> NewCompanyAsync(PipelineApp app, Action<GeneralLedgerSetup>? setup = null)
    {
        var tenant = await app.NewTenantAsync();
        var harness = new PostingHarness(app, tenant.Id);
        if (setup is not null)
        {
            await harness.ChangeSetupAsync(setup);
        }

        return harness;
    }

    public Task ChangeSetupAsync(Action<GeneralLedgerSetup> change) => InTenantAsync(async db =>
    {
        var setup = await db.GeneralLedgerSetups.SingleAsync();
        change(setup);
        setup.Version++;
        await db.SaveChangesAsync();
    });

    public Task<T> InTenantAsync<T>(Func<WriteDbContext, Task<T>> work) =>
        app.InTenantAsync(TenantId, sp => work(sp.GetRequiredService<WriteDbContext>()));

    /// <summary>Any service of the company's scope (document handlers that post through the engine).</summary>
    public Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work) => app.InTenantAsync(TenantId, work);

    public Task InTenantAsync(Func<WriteDbContext, Task> work) =>
        app.InTenantAsync(TenantId, sp => work(sp.GetRequiredService<WriteDbContext>()));

    public async Task<string> ItemAsync(string number, CostingMethod method, decimal unitCost = 0, ItemType type = ItemType.Inventory)
    {
        await app.InTenantAsync(TenantId, sp => sp.GetRequiredService<CreateItemHandler>().HandleAsync(new CreateItem
        {
            Number = number,
            DisplayName = "Item " + number,
            CostingMethod = method,
            UnitCost = unitCost,
            Type = type,
        }));
        return number.ToUpperInvariant(); // item numbers are codes: BC stores them upper case

    }

    /// <summary>A second location with the default inventory posting setup.</summary>
    public async Task<string> LocationAsync(string code)
    {
        await app.InTenantAsync(TenantId, async sp =>
        {
            await sp.GetRequiredService<Saas.Write.Setup.CreateLocationHandler>().HandleAsync(new Saas.Write.Setup.CreateLocation { Code = code, DisplayName = code });
            var db = sp.GetRequiredService<WriteDbContext>();
            await sp.GetRequiredService<DefaultFinanceSetup>().AddInventoryPostingSetupAsync([code]);
            await db.SaveChangesAsync();
        });
        return code;
    }

    public Task<PostingResult> PostAsync(ItemPosting posting) =>
        app.InTenantAsync(TenantId, sp => sp.GetRequiredService<ItemPostingEngine>().PostAsync(posting));

    public Task<PostingResult> PostAsync(params ItemPostingLine[] lines) => PostAsync(new ItemPosting { Lines = lines });

    public Task<PostingResult> PreviewAsync(ItemPosting posting) =>
        app.InTenantAsync(TenantId, sp => sp.GetRequiredService<ItemPostingEngine>().PreviewAsync(posting));

    public static ItemPostingLine Purchase(string item, decimal quantity, decimal unitCost, DateOnly date, bool invoice = true, string location = "MAIN") =>
        new() { EntryType = ItemLedgerEntryType.Purchase, ItemNo = item, Quantity = quantity, UnitCost = unitCost, PostingDate = date, Invoice = invoice, LocationCode = location };

    public static ItemPostingLine Sale(string item, decimal quantity, DateOnly date, bool invoice = true, decimal unitPrice = 0, string location = "MAIN") =>
        new() { EntryType = ItemLedgerEntryType.Sale, ItemNo = item, Quantity = quantity, UnitAmount = unitPrice, PostingDate = date, Invoice = invoice, LocationCode = location };

    public static ItemPostingLine PositiveAdjmt(string item, decimal quantity, decimal unitCost, DateOnly date, string location = "MAIN") =>
        new() { EntryType = ItemLedgerEntryType.PositiveAdjmt, ItemNo = item, Quantity = quantity, UnitCost = unitCost, PostingDate = date, LocationCode = location };

    public static ItemPostingLine NegativeAdjmt(string item, decimal quantity, DateOnly date, string location = "MAIN") =>
        new() { EntryType = ItemLedgerEntryType.NegativeAdjmt, ItemNo = item, Quantity = quantity, PostingDate = date, LocationCode = location };

    public static ItemPostingLine Transfer(string item, decimal quantity, DateOnly date, string from, string to) =>
        new() { EntryType = ItemLedgerEntryType.Transfer, ItemNo = item, Quantity = quantity, PostingDate = date, LocationCode = from, NewLocationCode = to };

    public Task<Ledgers> LedgersAsync() => InTenantAsync(async db => new Ledgers(
        await db.ItemLedgerEntries.AsNoTracking().OrderBy(e => e.EntryNo).ToListAsync(),
        await db.ValueEntries.AsNoTracking().OrderBy(e => e.EntryNo).ToListAsync(),
        await db.ItemApplicationEntries.AsNoTracking().OrderBy(e => e.EntryNo).ToListAsync(),
        await db.OpenItemEntries.AsNoTracking().ToListAsync(),
        await db.GLEntries.AsNoTracking().OrderBy(e => e.EntryNo).ToListAsync(),
        await db.GLRegisters.AsNoTracking().OrderBy(e => e.No).ToListAsync(),
        await db.GeneralLedgerSetups.AsNoTracking().SingleAsync()));
}

/// <summary>Everything a company's ledgers hold, with the sums the specs and invariants ask about.</summary>
public sealed record Ledgers(
    List<ItemLedgerEntry> Items,
    List<ValueEntry> Values,
    List<ItemApplicationEntry> Applications,
    List<OpenItemEntry> Open,
    List<GLEntry> GL,
    List<GLRegister> Registers,
    GeneralLedgerSetup Setup)
{
    public decimal Balance(string account) => GL.Where(g => g.GLAccountNo == account).Sum(g => g.Amount);

    /// <summary>Cost (expected + actual) of one item ledger entry.</summary>
    public decimal CostOf(long entryNo) => Values.Where(v => v.ItemLedgerEntryNo == entryNo).Sum(v => v.CostAmountActual + v.CostAmountExpected);

    public decimal ActualCostOf(long entryNo) => Values.Where(v => v.ItemLedgerEntryNo == entryNo).Sum(v => v.CostAmountActual);

    public decimal QuantityOf(string item) => Items.Where(e => e.ItemNo == item).Sum(e => e.Quantity);

    public decimal ValueOf(string item) => Values.Where(v => v.ItemNo == item).Sum(v => v.CostAmountActual + v.CostAmountExpected);

    public decimal Cogs => Balance(Accounts.Cogs);

    /// <summary>
    /// The invariants every posting must leave behind; returns what is broken (empty when all hold).
    /// </summary>
    public List<string> BrokenInvariants()
    {
        var broken = new List<string>();
        foreach (var transaction in GL.GroupBy(g => g.TransactionNo).Where(t => t.Sum(g => g.Amount) != 0))
        {
            broken.Add($"G/L transaction {transaction.Key} does not balance: {transaction.Sum(g => g.Amount)}");
        }

        // Goods in transit are valued on their own inventory account (the in-transit location's posting setup).
        var inTransit = Values.Where(v => v.LocationCode == TenantOnboarding.InTransitLocationCode).Sum(v => v.CostAmountActual);
        var actual = Values.Sum(v => v.CostAmountActual) - inTransit;
        if (Balance(Accounts.Inventory) != actual)
        {
            broken.Add($"Inventory account {Balance(Accounts.Inventory)} ≠ Σ actual cost of value entries {actual}");
        }

        if (Balance(Accounts.InventoryInTransit) != inTransit)
        {
            broken.Add($"Inventory in Transit account {Balance(Accounts.InventoryInTransit)} ≠ Σ actual cost in transit {inTransit}");
        }

        var expected = Setup.ExpectedCostPostingToGL ? Values.Sum(v => v.CostAmountExpected) : 0;
        if (Balance(Accounts.InventoryInterim) != expected)
        {
            broken.Add($"Inventory (Interim) account {Balance(Accounts.InventoryInterim)} ≠ Σ expected cost {expected}");
        }

        var applied = new Dictionary<long, decimal>();
        foreach (var a in Applications)
        {
            applied[a.InboundEntryNo] = applied.GetValueOrDefault(a.InboundEntryNo) + a.Quantity;
            applied[a.OutboundEntryNo] = applied.GetValueOrDefault(a.OutboundEntryNo) - a.Quantity;
        }

        var open = Open.ToDictionary(o => o.EntryNo, o => o.RemainingQuantity);
        foreach (var entry in Items)
        {
            var remaining = entry.Quantity - applied.GetValueOrDefault(entry.EntryNo);
            if (remaining != open.GetValueOrDefault(entry.EntryNo))
            {
                broken.Add($"Entry {entry.EntryNo}: remaining {open.GetValueOrDefault(entry.EntryNo)} ≠ quantity − applied {remaining}");
            }
        }

        foreach (var group in Items.GroupBy(e => (e.ItemNo, e.LocationCode)))
        {
            var onHand = group.Sum(e => e.Quantity);
            var remaining = Open.Where(o => group.Any(e => e.EntryNo == o.EntryNo)).Sum(o => o.RemainingQuantity);
            if (onHand != remaining)
            {
                broken.Add($"{group.Key}: quantity on hand {onHand} ≠ Σ remaining quantity {remaining}");
            }
        }

        if (Setup.AutomaticCostAdjustment)
        {
            foreach (var item in Items.Select(e => e.ItemNo).Distinct().Where(i => QuantityOf(i) == 0 && ValueOf(i) != 0))
            {
                broken.Add($"Item {item} has quantity 0 but value {ValueOf(item)}");
            }
        }

        Gapless("item ledger", Items.Select(e => e.EntryNo));
        Gapless("value", Values.Select(e => e.EntryNo));
        Gapless("application", Applications.Select(e => e.EntryNo));
        Gapless("G/L", GL.Select(e => e.EntryNo));
        Gapless("register", Registers.Select(e => e.No));
        foreach (var register in Registers)
        {
            if (GL.Count(g => g.RegisterNo == register.No) != register.ToGLEntryNo - register.FromGLEntryNo + 1
                || Values.Count(v => v.RegisterNo == register.No) != register.ToValueEntryNo - register.FromValueEntryNo + 1)
            {
                broken.Add($"Register {register.No} does not cover exactly its entries");
            }
        }

        return broken;

        void Gapless(string ledger, IEnumerable<long> numbers)
        {
            var list = numbers.Order().ToList();
            if (!list.SequenceEqual(Enumerable.Range(1, list.Count).Select(i => (long)i)))
            {
                broken.Add($"{ledger} entry numbers are not 1..{list.Count}: {string.Join(",", list.Take(20))}");
            }
        }
    }

    public void AssertInvariants() => Assert.True(BrokenInvariants() is [], string.Join("\n", BrokenInvariants()));
}
