using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saas.Tests.Infrastructure;
using Saas.Write.Finance.Posting;
using Saas.Write.Inventory;
using static Saas.Tests.Posting.PostingHarness;

namespace Saas.Tests.Posting;

/// <summary>
/// Issue 8: with automatic cost adjustment off, postings mark the items they leave unadjusted (BC's "Cost is
/// Adjusted" = No) and "Adjust Cost - Item Entries" adjusts those items only, then unmarks them; a run with nothing
/// marked is one indexed read and writes nothing, however large the ledger.
/// </summary>
public abstract class adjust_cost_touches_only_the_items_postings_left_unadjusted<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    [Fact]
    public async Task the_batch_adjusts_the_marked_items_and_a_run_with_nothing_marked_is_one_read()
    {
        var company = await NewCompanyAsync(app, s => s.AutomaticCostAdjustment = false);
        var changed = await company.ItemAsync("DIRTY-1", CostingMethod.FIFO);
        var untouched = await company.ItemAsync("DIRTY-2", CostingMethod.Average);
        var receipt = await company.PostAsync(Purchase(changed, 5, 10, Day1, invoice: false), Purchase(untouched, 5, 10, Day1));
        await company.PostAsync(Sale(changed, 5, Day1.AddDays(1)), Sale(untouched, 2, Day1.AddDays(1)));
        Assert.Equal(
            [(changed, Day1), (untouched, Day1)],
            await MarkedAsync(company));

        // Adjusting what is marked (both items, from the postings above) clears the marks.
        await app.InTenantAsync(company.TenantId, sp => sp.GetRequiredService<ItemPostingEngine>().AdjustCostAsync());
        Assert.Empty(await MarkedAsync(company));

        // A late invoice of one item's receipt marks that item only, from the receipt's date.
        await company.PostAsync(new ItemPosting
        {
            Invoices = [new ItemInvoiceLine { ItemLedgerEntryNo = receipt.ItemLedgerEntries[0].EntryNo, Quantity = 5, UnitCost = 12, PostingDate = Day1.AddDays(3) }],
        });
        Assert.Equal([(changed, Day1)], await MarkedAsync(company));
        var adjusted = await app.InTenantAsync(company.TenantId, sp => sp.GetRequiredService<ItemPostingEngine>().AdjustCostAsync());
        Assert.All(adjusted.ValueEntries, v => Assert.Equal(changed, v.ItemNo));
        Assert.Equal(-10m, adjusted.ValueEntries.Sum(v => v.CostAmountActual));
        Assert.Empty(await MarkedAsync(company));

        // Nothing marked: one statement, nothing written.
        PostingResult? nothing = null;
        var commands = await SqlCommandCounter.CountAsync(async () =>
            nothing = await app.InTenantAsync(company.TenantId, sp => sp.GetRequiredService<ItemPostingEngine>().AdjustCostAsync()));
        Assert.Single(commands);
        Assert.Empty(nothing!.ValueEntries);

        // The reference (every item from scratch) agrees that nothing is left.
        Assert.Empty((await app.InTenantAsync(company.TenantId, sp => sp.GetRequiredService<ItemPostingEngine>().AdjustEveryItemAsync())).ValueEntries);
        (await company.LedgersAsync()).AssertInvariants();
    }

    [Fact]
    public async Task postings_with_automatic_adjustment_leave_nothing_marked()
    {
        var company = await NewCompanyAsync(app);
        var item = await company.ItemAsync("CLEAN-1", CostingMethod.FIFO);
        await company.PostAsync(Purchase(item, 5, 10, Day1));
        await company.PostAsync(Sale(item, 3, Day1));
        Assert.Empty(await MarkedAsync(company));
    }

    private static Task<List<(string Item, DateOnly From)>> MarkedAsync(PostingHarness company) => company.InTenantAsync(async db =>
        (await (from point in db.CostAdjustmentEntryPoints
                join item in db.Items on point.ItemId equals item.Id
                orderby item.Number
                select new { item.Number, point.ValuationDate }).ToListAsync())
            .Select(p => (p.Number, p.ValuationDate)).ToList());
}

public sealed class adjust_cost_touches_only_the_items_postings_left_unadjusted_on_sqlite(SqliteApp app)
    : adjust_cost_touches_only_the_items_postings_left_unadjusted<SqliteApp>(app);

public sealed class adjust_cost_touches_only_the_items_postings_left_unadjusted_on_postgres(PostgresApp app)
    : adjust_cost_touches_only_the_items_postings_left_unadjusted<PostgresApp>(app);
