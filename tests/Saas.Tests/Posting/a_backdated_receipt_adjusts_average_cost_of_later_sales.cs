using Saas.Tests.Infrastructure;
using Saas.Write.Inventory;
using Saas.Write.Inventory.Ledger;
using static Saas.Tests.Posting.PostingHarness;

namespace Saas.Tests.Posting;

/// <summary>
/// Average cost, by day: 10 @ 10 on day 1, a sale of 5 on day 5 (cost 50). A receipt of 10 @ 40 dated day 3,
/// posted afterwards, changes the average on day 5 to (100 + 400) / 20 = 25: the sale is adjusted to 125 by an
/// adjustment value entry dated at the sale, and COGS in the G/L follows.
/// </summary>
public abstract class a_backdated_receipt_adjusts_average_cost_of_later_sales<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    [Fact]
    public async Task the_sale_is_revalued_at_the_new_average()
    {
        var company = await NewCompanyAsync(app);
        var item = await company.ItemAsync("AVG-BACK", CostingMethod.Average);
        await company.PostAsync(Purchase(item, 10, 10, Day1));
        var sale = await company.PostAsync(Sale(item, 5, Day1.AddDays(4)));
        Assert.Equal(-50m, (await company.LedgersAsync()).CostOf(sale.ItemLedgerEntries[0].EntryNo));

        var backdated = await company.PostAsync(Purchase(item, 10, 40, Day1.AddDays(2)));

        var ledgers = await company.LedgersAsync();
        var saleNo = sale.ItemLedgerEntries[0].EntryNo;
        Assert.Equal(-125m, ledgers.CostOf(saleNo));
        var adjustment = Assert.Single(backdated.ValueEntries, v => v.ItemLedgerEntryNo == saleNo);
        Assert.True(adjustment.Adjustment);
        Assert.Equal(ValueEntryType.DirectCost, adjustment.EntryType);
        Assert.Equal(-75m, adjustment.CostAmountActual);
        Assert.Equal(Day1.AddDays(4), adjustment.PostingDate);
        Assert.Equal(125m, ledgers.Cogs);
        Assert.Equal(375m, ledgers.Balance("1300"));
        ledgers.AssertInvariants();
    }
}

public sealed class a_backdated_receipt_adjusts_average_cost_of_later_sales_on_sqlite(SqliteApp app)
    : a_backdated_receipt_adjusts_average_cost_of_later_sales<SqliteApp>(app);

public sealed class a_backdated_receipt_adjusts_average_cost_of_later_sales_on_postgres(PostgresApp app)
    : a_backdated_receipt_adjusts_average_cost_of_later_sales<PostgresApp>(app);
