using Saas.Tests.Infrastructure;
using Saas.Write.Inventory;
using static Saas.Tests.Posting.PostingHarness;

namespace Saas.Tests.Posting;

/// <summary>
/// 3 bought for 10.00 and sold one by one: a third of 10.00 is not a whole number of cents. The sales carry
/// 3.33, 3.34 and 3.33, so that when the quantity is 0 the value is 0, whatever the costing method.
/// </summary>
public abstract class rounding_leaves_no_value_at_quantity_zero<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    [Theory]
    [InlineData(CostingMethod.FIFO)]
    [InlineData(CostingMethod.LIFO)]
    [InlineData(CostingMethod.Average)]
    public async Task three_thirds_of_ten(CostingMethod method)
    {
        var company = await NewCompanyAsync(app);
        var item = await company.ItemAsync("THIRD-" + method, method);
        await company.PostAsync(Purchase(item, 3, 3.33333m, Day1)); // 9.99999 rounds to 10.00
        var costs = new List<decimal>();
        foreach (var day in new[] { 1, 1, 2 })
        {
            var sale = await company.PostAsync(Sale(item, 1, Day1.AddDays(day)));
            costs.Add((await company.LedgersAsync()).CostOf(sale.ItemLedgerEntries[0].EntryNo));
        }

        var ledgers = await company.LedgersAsync();
        Assert.Equal(10.00m, ledgers.Values.Where(v => v.ItemLedgerEntryType == Saas.Write.Inventory.Ledger.ItemLedgerEntryType.Purchase).Sum(v => v.CostAmountActual));
        Assert.Equal(-10.00m, costs.Sum());
        Assert.All(costs, c => Assert.InRange(c, -3.34m, -3.33m));
        Assert.Equal(0m, ledgers.ValueOf(item));
        Assert.Equal(0m, ledgers.Balance("1300"));
        ledgers.AssertInvariants();
    }
}

public sealed class rounding_leaves_no_value_at_quantity_zero_on_sqlite(SqliteApp app)
    : rounding_leaves_no_value_at_quantity_zero<SqliteApp>(app);

public sealed class rounding_leaves_no_value_at_quantity_zero_on_postgres(PostgresApp app)
    : rounding_leaves_no_value_at_quantity_zero<PostgresApp>(app);
