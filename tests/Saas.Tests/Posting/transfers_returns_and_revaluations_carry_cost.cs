using Saas.Tests.Infrastructure;
using Saas.Write.Finance.Posting;
using Saas.Write.Inventory;
using Saas.Write.Inventory.Ledger;
using static Saas.Tests.Posting.PostingHarness;

namespace Saas.Tests.Posting;

/// <summary>
/// Cost travels: a transfer brings the goods' cost to the new location (and later cost changes follow them), a
/// sales return with exact cost reversal comes back at the cost it left with, a purchase return fixed-applied to
/// its receipt leaves at that receipt's cost, and a revaluation reaches what is sold afterwards.
/// </summary>
public abstract class transfers_returns_and_revaluations_carry_cost<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    [Fact]
    public async Task a_transfer_carries_cost_and_a_later_charge_follows_the_goods()
    {
        var company = await NewCompanyAsync(app);
        var item = await company.ItemAsync("TRF", CostingMethod.FIFO);
        var east = await company.LocationAsync("EAST");
        var receipt = await company.PostAsync(Purchase(item, 10, 10, Day1));
        var transfer = await company.PostAsync(Transfer(item, 6, Day1.AddDays(1), "MAIN", east));
        var received = transfer.ItemLedgerEntries.Single(e => e.Positive);
        var sale = await company.PostAsync(Sale(item, 6, Day1.AddDays(2), location: east));

        var ledgers = await company.LedgersAsync();
        Assert.Equal(60m, ledgers.CostOf(received.EntryNo));
        Assert.Equal(-60m, ledgers.CostOf(sale.ItemLedgerEntries[0].EntryNo));

        await company.PostAsync(new ItemPosting
        {
            Charges = [new ItemChargeLine { ItemLedgerEntryNo = receipt.ItemLedgerEntries[0].EntryNo, Amount = 20, PostingDate = Day1.AddDays(3) }],
        });
        ledgers = await company.LedgersAsync();
        Assert.Equal(72m, ledgers.CostOf(received.EntryNo));
        Assert.Equal(-72m, ledgers.CostOf(sale.ItemLedgerEntries[0].EntryNo));
        Assert.Equal(72m, ledgers.Cogs);
        Assert.Equal(48m, ledgers.ValueOf(item));
        ledgers.AssertInvariants();
    }

    [Fact]
    public async Task returns_with_exact_cost_reversal()
    {
        var company = await NewCompanyAsync(app);
        var item = await company.ItemAsync("RET", CostingMethod.FIFO);
        var cheap = await company.PostAsync(Purchase(item, 5, 10, Day1));
        await company.PostAsync(Purchase(item, 5, 30, Day1.AddDays(1)));
        var sale = await company.PostAsync(Sale(item, 7, Day1.AddDays(2))); // 5 × 10 + 2 × 30 = 110
        var saleNo = sale.ItemLedgerEntries[0].EntryNo;

        var salesReturn = await company.PostAsync(Sale(item, -7, Day1.AddDays(3)) with { AppliesFromEntry = saleNo });
        var ledgers = await company.LedgersAsync();
        Assert.Equal(-110m, ledgers.CostOf(saleNo));
        Assert.Equal(110m, ledgers.CostOf(salesReturn.ItemLedgerEntries[0].EntryNo));
        Assert.Equal(0m, ledgers.Cogs);

        // Back to the vendor: the 5 from the first receipt are gone, so return 3 of the second at 30.
        var second = ledgers.Items.Single(e => e.EntryNo == cheap.ItemLedgerEntries[0].EntryNo + 1);
        var purchaseReturn = await company.PostAsync(Purchase(item, -3, 0, Day1.AddDays(4)) with { AppliesToEntry = second.EntryNo });
        ledgers = await company.LedgersAsync();
        Assert.Equal(-90m, ledgers.CostOf(purchaseReturn.ItemLedgerEntries[0].EntryNo));
        Assert.Equal(200m - 90m, ledgers.ValueOf(item));

        var tooMuch = await Assert.ThrowsAsync<Saas.Write.Common.ValidationFailedException>(
            () => company.PostAsync(Sale(item, -1, Day1.AddDays(5)) with { AppliesFromEntry = saleNo }));
        Assert.Contains("came back already", tooMuch.Message);
        ledgers.AssertInvariants();
    }

    [Fact]
    public async Task a_revaluation_of_what_remains_reaches_later_sales_only()
    {
        var company = await NewCompanyAsync(app);
        var item = await company.ItemAsync("REVAL", CostingMethod.FIFO);
        var receipt = await company.PostAsync(Purchase(item, 10, 10, Day1));
        var before = await company.PostAsync(Sale(item, 4, Day1.AddDays(1)));
        var revaluation = await company.PostAsync(new ItemPosting
        {
            SourceCode = "REVALJNL",
            Revaluations = [new RevaluationLine { AppliesToEntry = receipt.ItemLedgerEntries[0].EntryNo, NewUnitCost = 12, PostingDate = Day1.AddDays(2) }],
        });
        Assert.Equal(12m, Assert.Single(revaluation.ValueEntries, v => v.EntryType == ValueEntryType.Revaluation).CostAmountActual);
        var after = await company.PostAsync(Sale(item, 6, Day1.AddDays(3)));

        var ledgers = await company.LedgersAsync();
        Assert.Equal(-40m, ledgers.CostOf(before.ItemLedgerEntries[0].EntryNo));
        Assert.Equal(-72m, ledgers.CostOf(after.ItemLedgerEntries[0].EntryNo));
        Assert.Equal(0m, ledgers.ValueOf(item));
        Assert.Equal(12m, -ledgers.Balance("5300")); // revaluation gain on Inventory Adjustment
        ledgers.AssertInvariants();
    }

    [Fact]
    public async Task an_average_item_is_revalued_as_a_whole()
    {
        var company = await NewCompanyAsync(app);
        var item = await company.ItemAsync("REVAVG", CostingMethod.Average);
        await company.PostAsync(Purchase(item, 4, 10, Day1), Purchase(item, 4, 20, Day1));
        await company.PostAsync(new ItemPosting
        {
            Revaluations = [new RevaluationLine { ItemNo = item, NewUnitCost = 18, PostingDate = Day1.AddDays(1) }],
        });
        var sale = await company.PostAsync(Sale(item, 8, Day1.AddDays(2)));
        var ledgers = await company.LedgersAsync();
        Assert.Equal(-144m, ledgers.CostOf(sale.ItemLedgerEntries[0].EntryNo));
        Assert.Equal(0m, ledgers.ValueOf(item));
        ledgers.AssertInvariants();
    }
}

public sealed class transfers_returns_and_revaluations_carry_cost_on_sqlite(SqliteApp app)
    : transfers_returns_and_revaluations_carry_cost<SqliteApp>(app);

public sealed class transfers_returns_and_revaluations_carry_cost_on_postgres(PostgresApp app)
    : transfers_returns_and_revaluations_carry_cost<PostgresApp>(app);
