using Saas.Tests.Infrastructure;
using Saas.Write.Finance.Posting;
using Saas.Write.Inventory;
using Saas.Write.Inventory.Ledger;
using static Saas.Tests.Posting.PostingHarness;
using Accounts = Saas.Write.Finance.Setup.DefaultFinanceSetup.Accounts;

namespace Saas.Tests.Posting;

/// <summary>
/// BC's "Design Details: Rounding" for costing methods other than Average: 3 received for 10.00 and sold one by
/// one cost -3.33 each; once the receipt is fully applied, the residual (-0.01) is a separate Rounding value entry
/// of the receipt, dated like its last invoiced value entry, posted to Inventory against Inventory Adjmt.
/// While the receipt still has quantity left there is no residual yet.
/// </summary>
public abstract class a_fully_applied_receipt_keeps_its_rounding_residual<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    [Theory]
    [InlineData(CostingMethod.FIFO)]
    [InlineData(CostingMethod.LIFO)]
    [InlineData(CostingMethod.Standard)]
    public async Task bcs_example_three_for_ten_sold_one_by_one(CostingMethod method)
    {
        var company = await NewCompanyAsync(app);
        var item = await company.ItemAsync("BCR-" + method, method, unitCost: 3.33333m); // Standard: 3 × 3.33333 = 10.00
        var receipt = (await company.PostAsync(Purchase(item, 3, 3.33333m, Day1))).ItemLedgerEntries[0];
        var sales = new List<long>();
        foreach (var day in new[] { 1, 2, 3 })
        {
            sales.Add((await company.PostAsync(Sale(item, 1, Day1.AddDays(day)))).ItemLedgerEntries[0].EntryNo);
        }

        var ledgers = await company.LedgersAsync();
        Assert.Equal(10.00m, ledgers.Values.Where(v => v.ItemLedgerEntryNo == receipt.EntryNo && v.EntryType != ValueEntryType.Rounding)
            .Sum(v => v.CostAmountActual));
        Assert.All(sales, s => Assert.Equal(-3.33m, ledgers.CostOf(s)));
        Assert.All(sales, s => Assert.DoesNotContain(ledgers.Values, v => v.ItemLedgerEntryNo == s && v.EntryType == ValueEntryType.Rounding));

        var rounding = Assert.Single(ledgers.Values, v => v.EntryType == ValueEntryType.Rounding);
        Assert.Equal(receipt.EntryNo, rounding.ItemLedgerEntryNo);
        Assert.Equal(-0.01m, rounding.CostAmountActual);
        Assert.Equal(0m, rounding.CostAmountExpected);
        Assert.Equal(0m, rounding.ItemLedgerEntryQuantity);
        Assert.Equal(0m, rounding.InvoicedQuantity);
        Assert.Equal(Day1, rounding.PostingDate); // the receipt's (invoiced) value entry is dated Day1
        Assert.True(rounding.Adjustment);

        var gl = ledgers.GL.Where(g => g.ValueEntryNo == rounding.EntryNo).ToList();
        Assert.Equal(2, gl.Count);
        Assert.Equal(-0.01m, gl.Single(g => g.GLAccountNo == Accounts.Inventory).Amount);
        Assert.Equal(0.01m, gl.Single(g => g.GLAccountNo == Accounts.InventoryAdjustment).Amount);
        Assert.All(gl, g => Assert.Equal(Day1, g.PostingDate));

        Assert.Equal(0m, ledgers.QuantityOf(item));
        Assert.Equal(0m, ledgers.ValueOf(item));
        Assert.Equal(0m, ledgers.Balance(Accounts.Inventory));
        Assert.Equal(9.99m, ledgers.Cogs);
        ledgers.AssertInvariants();
        await AssertAFullAdjustmentFindsNothingAsync(company);
    }

    [Theory]
    [InlineData(CostingMethod.FIFO)]
    [InlineData(CostingMethod.LIFO)]
    public async Task a_receipt_with_quantity_left_has_no_residual_yet(CostingMethod method)
    {
        var company = await NewCompanyAsync(app);
        var item = await company.ItemAsync("BCP-" + method, method);
        var receipt = (await company.PostAsync(Purchase(item, 3, 3.33333m, Day1))).ItemLedgerEntries[0];
        var first = (await company.PostAsync(Sale(item, 1, Day1.AddDays(1)))).ItemLedgerEntries[0];

        var ledgers = await company.LedgersAsync();
        Assert.Equal(-3.33m, ledgers.CostOf(first.EntryNo));
        Assert.DoesNotContain(ledgers.Values, v => v.EntryType == ValueEntryType.Rounding);
        Assert.Equal(2m, ledgers.Open.Single(o => o.EntryNo == receipt.EntryNo).RemainingQuantity);
        Assert.Equal(6.67m, ledgers.ValueOf(item)); // what the receipt's last two units still carry
        ledgers.AssertInvariants();
        await AssertAFullAdjustmentFindsNothingAsync(company);

        // The last two units together are 6.67 exactly (round(10.00 × 2/3)): nothing is left over, no Rounding entry.
        var rest = (await company.PostAsync(Sale(item, 2, Day1.AddDays(2)))).ItemLedgerEntries[0];
        ledgers = await company.LedgersAsync();
        Assert.Equal(-6.67m, ledgers.CostOf(rest.EntryNo));
        Assert.DoesNotContain(ledgers.Values, v => v.EntryType == ValueEntryType.Rounding);
        Assert.Equal(0m, ledgers.ValueOf(item));
        ledgers.AssertInvariants();
    }

    /// <summary>
    /// Received without invoice, sold, invoiced later: the residual is expected cost while the receipt is not
    /// invoiced, and moves to actual cost, dated at the invoice (the receipt's last invoiced value entry), when it is.
    /// </summary>
    [Fact]
    public async Task the_residual_follows_the_receipts_invoice_into_actual_cost_and_its_date()
    {
        var company = await NewCompanyAsync(app, s => s.ExpectedCostPostingToGL = true);
        var item = await company.ItemAsync("BCI", CostingMethod.FIFO);
        var receipt = (await company.PostAsync(Purchase(item, 3, 3.33333m, Day1, invoice: false))).ItemLedgerEntries[0];
        foreach (var day in new[] { 1, 2, 3 })
        {
            await company.PostAsync(Sale(item, 1, Day1.AddDays(day)));
        }

        var ledgers = await company.LedgersAsync();
        var expected = Assert.Single(ledgers.Values, v => v.EntryType == ValueEntryType.Rounding);
        Assert.Equal((receipt.EntryNo, -0.01m, 0m, Day1),
            (expected.ItemLedgerEntryNo, expected.CostAmountExpected, expected.CostAmountActual, expected.PostingDate));
        Assert.Equal(0m, ledgers.ValueOf(item));
        ledgers.AssertInvariants();

        var invoiceDate = Day1.AddDays(10);
        await company.PostAsync(new ItemPosting
        {
            Invoices = [new ItemInvoiceLine { ItemLedgerEntryNo = receipt.EntryNo, Quantity = 3, UnitCost = 3.33333m, PostingDate = invoiceDate }],
        });
        ledgers = await company.LedgersAsync();
        var roundings = ledgers.Values.Where(v => v.EntryType == ValueEntryType.Rounding).ToList();
        Assert.Equal(2, roundings.Count);
        Assert.Equal((0.01m, -0.01m, invoiceDate), (roundings[1].CostAmountExpected, roundings[1].CostAmountActual, roundings[1].PostingDate));
        Assert.Equal(-0.01m, roundings.Sum(v => v.CostAmountActual));
        Assert.Equal(0m, roundings.Sum(v => v.CostAmountExpected));
        Assert.Equal(0m, ledgers.ValueOf(item));
        ledgers.AssertInvariants();
        await AssertAFullAdjustmentFindsNothingAsync(company);
    }

    /// <summary>A return to the vendor fixed-applied to the receipt takes its units' own rounded cost too.</summary>
    [Fact]
    public async Task a_fixed_application_takes_its_own_rounded_share()
    {
        var company = await NewCompanyAsync(app);
        var item = await company.ItemAsync("BCF", CostingMethod.FIFO);
        var receipt = (await company.PostAsync(Purchase(item, 3, 3.33333m, Day1))).ItemLedgerEntries[0];
        var sale = (await company.PostAsync(Sale(item, 1, Day1.AddDays(1)))).ItemLedgerEntries[0];
        var purchaseReturn = (await company.PostAsync(Purchase(item, -1, 0, Day1.AddDays(2)) with { AppliesToEntry = receipt.EntryNo })).ItemLedgerEntries[0];
        var last = (await company.PostAsync(Sale(item, 1, Day1.AddDays(3)))).ItemLedgerEntries[0];

        var ledgers = await company.LedgersAsync();
        Assert.Equal([-3.33m, -3.33m, -3.33m], new[] { sale, purchaseReturn, last }.Select(e => ledgers.CostOf(e.EntryNo)));
        var rounding = Assert.Single(ledgers.Values, v => v.EntryType == ValueEntryType.Rounding);
        Assert.Equal((receipt.EntryNo, -0.01m), (rounding.ItemLedgerEntryNo, rounding.CostAmountActual));
        Assert.Equal(0m, ledgers.ValueOf(item));
        ledgers.AssertInvariants();
        await AssertAFullAdjustmentFindsNothingAsync(company);
    }

    private async Task AssertAFullAdjustmentFindsNothingAsync(PostingHarness company)
    {
        var full = await company.WithServicesAsync(sp =>
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ItemPostingEngine>(sp).AdjustCostAsync());
        Assert.Empty(full.ValueEntries);
    }
}

public sealed class a_fully_applied_receipt_keeps_its_rounding_residual_on_sqlite(SqliteApp app)
    : a_fully_applied_receipt_keeps_its_rounding_residual<SqliteApp>(app);

public sealed class a_fully_applied_receipt_keeps_its_rounding_residual_on_postgres(PostgresApp app)
    : a_fully_applied_receipt_keeps_its_rounding_residual<PostgresApp>(app);
