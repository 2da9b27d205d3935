using Microsoft.Extensions.DependencyInjection;
using Saas.Tests.Infrastructure;
using Saas.Write.Finance.Posting;
using Saas.Write.Finance.Setup.Editing;
using Saas.Write.Inventory;
using static Saas.Tests.Posting.PostingHarness;

namespace Saas.Tests.Posting;

/// <summary>
/// With automatic cost adjustment off, a sale still leaves at the cost its applications give at posting time,
/// but a later price change reaches it only when "Adjust Cost - Item Entries" runs; running it again adjusts nothing.
/// </summary>
public abstract class cost_adjustment_can_run_on_demand<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    [Fact]
    public async Task adjust_cost_item_entries_catches_up()
    {
        var company = await NewCompanyAsync(app, s => s.AutomaticCostAdjustment = false);
        var item = await company.ItemAsync("MANUAL", CostingMethod.FIFO);
        var receipt = await company.PostAsync(Purchase(item, 5, 10, Day1, invoice: false));
        var sale = await company.PostAsync(Sale(item, 5, Day1.AddDays(1)));
        await company.PostAsync(new ItemPosting
        {
            Invoices = [new ItemInvoiceLine { ItemLedgerEntryNo = receipt.ItemLedgerEntries[0].EntryNo, Quantity = 5, UnitCost = 12, PostingDate = Day1.AddDays(2) }],
        });
        var ledgers = await company.LedgersAsync();
        Assert.Equal(-50m, ledgers.CostOf(sale.ItemLedgerEntries[0].EntryNo));
        Assert.Equal(10m, ledgers.ValueOf(item)); // not adjusted yet: quantity 0 still carries the price difference

        var adjust = () => app.InTenantAsync(company.TenantId, sp => sp.GetRequiredService<ItemPostingEngine>().AdjustCostAsync([item]));
        var adjusted = await adjust();
        Assert.Equal(-10m, Assert.Single(adjusted.ValueEntries).CostAmountActual);
        Assert.Equal("INVTADJMT", Assert.Single((await company.LedgersAsync()).Registers, r => r.No == adjusted.RegisterNo).SourceCode);
        Assert.Empty((await adjust()).ValueEntries);

        ledgers = await company.LedgersAsync();
        Assert.Equal(0m, ledgers.ValueOf(item));
        Assert.Equal(60m, ledgers.Cogs);
        await company.ChangeSetupAsync(s => s.AutomaticCostAdjustment = true);
        (await company.LedgersAsync()).AssertInvariants();
    }

    [Fact]
    public async Task turning_automatic_adjustment_on_adjusts_what_waited()
    {
        var company = await NewCompanyAsync(app, s => s.AutomaticCostAdjustment = false);
        var item = await company.ItemAsync("WAITED", CostingMethod.FIFO);
        var receipt = await company.PostAsync(Purchase(item, 4, 10, Day1, invoice: false));
        await company.PostAsync(Sale(item, 4, Day1.AddDays(1)));
        await company.PostAsync(new ItemPosting
        {
            Invoices = [new ItemInvoiceLine { ItemLedgerEntryNo = receipt.ItemLedgerEntries[0].EntryNo, Quantity = 4, UnitCost = 11, PostingDate = Day1.AddDays(2) }],
        });
        Assert.Equal(4m, (await company.LedgersAsync()).ValueOf(item));

        await app.InTenantAsync(company.TenantId, sp => sp.GetRequiredService<GeneralLedgerSetups>()
            .UpdateAsync(null, new GeneralLedgerSetupChange { AutomaticCostAdjustment = true }));

        var ledgers = await company.LedgersAsync();
        Assert.Equal(0m, ledgers.ValueOf(item));
        Assert.Equal(44m, ledgers.Cogs);
        ledgers.AssertInvariants();
    }
}

public sealed class cost_adjustment_can_run_on_demand_on_sqlite(SqliteApp app) : cost_adjustment_can_run_on_demand<SqliteApp>(app);

public sealed class cost_adjustment_can_run_on_demand_on_postgres(PostgresApp app) : cost_adjustment_can_run_on_demand<PostgresApp>(app);
