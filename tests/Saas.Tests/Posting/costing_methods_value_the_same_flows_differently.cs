using Saas.Tests.Infrastructure;
using Saas.Write.Inventory;
using static Saas.Tests.Posting.PostingHarness;

namespace Saas.Tests.Posting;

/// <summary>
/// BC's costing methods on the same inflows and outflows: 10 @ 10, then 10 @ 20, then a sale of 15.
/// FIFO takes the oldest first, LIFO the newest, Average the period's average, Standard the standard cost
/// (with the purchase price differences booked as variances).
/// </summary>
public abstract class costing_methods_value_the_same_flows_differently<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    [Theory]
    [InlineData(CostingMethod.FIFO, 200, 100)]
    [InlineData(CostingMethod.LIFO, 250, 50)]
    [InlineData(CostingMethod.Average, 225, 75)]
    [InlineData(CostingMethod.Standard, 180, 60)]
    public async Task cost_of_goods_sold_and_remaining_value_follow_the_method(CostingMethod method, decimal cogs, decimal remainingValue)
    {
        var company = await NewCompanyAsync(app);
        var item = await company.ItemAsync("M-" + method, method, unitCost: 12);
        await company.PostAsync(Purchase(item, 10, 10, Day1));
        await company.PostAsync(Purchase(item, 10, 20, Day1.AddDays(1)));
        var sale = await company.PostAsync(Sale(item, 15, Day1.AddDays(2), unitPrice: 30));

        var ledgers = await company.LedgersAsync();
        Assert.Equal(-cogs, ledgers.CostOf(sale.ItemLedgerEntries[0].EntryNo));
        Assert.Equal(cogs, ledgers.Cogs);
        Assert.Equal(remainingValue, ledgers.ValueOf(item));
        Assert.Equal(remainingValue, ledgers.Balance("1300"));
        Assert.Equal(450m, sale.ValueEntries.Single(v => v.ItemLedgerEntryNo == sale.ItemLedgerEntries[0].EntryNo).SalesAmountActual);
        if (method == CostingMethod.Standard)
        {
            // 10 @ 10 against a standard of 12 is a favourable variance of 20; 10 @ 20 an unfavourable one of 80.
            Assert.Equal(60m, ledgers.Balance("5400"));
        }

        ledgers.AssertInvariants();
    }
}

public sealed class costing_methods_value_the_same_flows_differently_on_sqlite(SqliteApp app)
    : costing_methods_value_the_same_flows_differently<SqliteApp>(app);

public sealed class costing_methods_value_the_same_flows_differently_on_postgres(PostgresApp app)
    : costing_methods_value_the_same_flows_differently<PostgresApp>(app);
