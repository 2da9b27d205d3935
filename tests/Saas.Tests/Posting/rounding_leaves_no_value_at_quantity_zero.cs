using Saas.Tests.Infrastructure;
using Saas.Write.Inventory;
using static Saas.Tests.Posting.PostingHarness;

namespace Saas.Tests.Posting;

/// <summary>
/// 3 bought for 10.00 and sold one by one: a third of 10.00 is not a whole number of cents. As in BC ("Design
/// Details: Rounding"), Average carries the residual forward within the period (3.33, 3.34, 3.33); FIFO and LIFO
/// cost each sale 3.33 and book the 0.01 left on the fully applied receipt as a Rounding entry. Either way, when
/// the quantity is 0 the value is 0.
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
        Assert.Equal(10.00m, ledgers.Values.Where(v => v.ItemLedgerEntryType == Saas.Write.Inventory.Ledger.ItemLedgerEntryType.Purchase
            && v.EntryType != Saas.Write.Inventory.Ledger.ValueEntryType.Rounding).Sum(v => v.CostAmountActual));
        Assert.Equal(method == CostingMethod.Average ? [-3.33m, -3.34m, -3.33m] : [-3.33m, -3.33m, -3.33m], costs);
        var rounding = ledgers.Values.Where(v => v.EntryType == Saas.Write.Inventory.Ledger.ValueEntryType.Rounding).Sum(v => v.CostAmountActual);
        Assert.Equal(method == CostingMethod.Average ? 0m : -0.01m, rounding);
        Assert.Equal(-10.00m, costs.Sum() + rounding);
        Assert.Equal(0m, ledgers.ValueOf(item));
        Assert.Equal(0m, ledgers.Balance("1300"));
        ledgers.AssertInvariants();
    }
}

public sealed class rounding_leaves_no_value_at_quantity_zero_on_sqlite(SqliteApp app)
    : rounding_leaves_no_value_at_quantity_zero<SqliteApp>(app);

public sealed class rounding_leaves_no_value_at_quantity_zero_on_postgres(PostgresApp app)
    : rounding_leaves_no_value_at_quantity_zero<PostgresApp>(app);
