using Saas.Tests.Infrastructure;
using Saas.Write.Finance.Posting;
using Saas.Write.Inventory;
using static Saas.Tests.Posting.PostingHarness;
using Accounts = Saas.Write.Finance.Setup.DefaultFinanceSetup.Accounts;

namespace Saas.Tests.Posting;

/// <summary>
/// BC's expected cost posting: with "Expected Cost Posting to G/L" on, a receipt that is not invoiced yet goes to
/// Inventory (Interim) against the accrual account, a shipment to COGS (Interim); invoicing moves both to the real
/// accounts, and a purchase invoice at another price adjusts the shipment's cost on the way.
/// </summary>
public abstract class expected_cost_is_posted_to_interim_accounts_until_invoiced<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    [Fact]
    public async Task receipt_and_shipment_move_from_interim_to_final_accounts_when_invoiced()
    {
        var company = await NewCompanyAsync(app, s => s.ExpectedCostPostingToGL = true);
        var item = await company.ItemAsync("EXP", CostingMethod.FIFO);
        var receipt = await company.PostAsync(Purchase(item, 10, 10, Day1, invoice: false));
        var shipment = await company.PostAsync(Sale(item, 4, Day1.AddDays(1), invoice: false));

        var ledgers = await company.LedgersAsync();
        Assert.Equal(60m, ledgers.Balance(Accounts.InventoryInterim));
        Assert.Equal(-100m, ledgers.Balance(Accounts.InventoryAccrualInterim));
        Assert.Equal(40m, ledgers.Balance(Accounts.CogsInterim));
        Assert.Equal(0m, ledgers.Balance(Accounts.Inventory));
        ledgers.AssertInvariants();

        var receiptNo = receipt.ItemLedgerEntries[0].EntryNo;
        var shipmentNo = shipment.ItemLedgerEntries[0].EntryNo;
        await company.PostAsync(new ItemPosting
        {
            Invoices = [new ItemInvoiceLine { ItemLedgerEntryNo = receiptNo, Quantity = 10, UnitCost = 12, PostingDate = Day1.AddDays(2) }],
        });
        ledgers = await company.LedgersAsync();
        Assert.Equal(120m, ledgers.Balance(Accounts.Inventory) + ledgers.Balance(Accounts.Cogs));
        Assert.Equal(0m, ledgers.Balance(Accounts.InventoryAccrualInterim));
        Assert.Equal(-120m, ledgers.Balance(Accounts.DirectCostApplied));
        Assert.Equal(48m, ledgers.Balance(Accounts.CogsInterim)); // the shipment now expects 4 × 12
        ledgers.AssertInvariants();

        await company.PostAsync(new ItemPosting
        {
            Invoices = [new ItemInvoiceLine { ItemLedgerEntryNo = shipmentNo, Quantity = 4, UnitAmount = 25, PostingDate = Day1.AddDays(3) }],
        });
        ledgers = await company.LedgersAsync();
        Assert.Equal(0m, ledgers.Balance(Accounts.InventoryInterim));
        Assert.Equal(0m, ledgers.Balance(Accounts.CogsInterim));
        Assert.Equal(48m, ledgers.Balance(Accounts.Cogs));
        Assert.Equal(72m, ledgers.Balance(Accounts.Inventory));
        Assert.Equal(-48m, ledgers.ActualCostOf(shipmentNo));
        Assert.Equal(100m, ledgers.Values.Where(v => v.ItemLedgerEntryNo == shipmentNo).Sum(v => v.SalesAmountActual));
        ledgers.AssertInvariants();
    }
}

public sealed class expected_cost_is_posted_to_interim_accounts_until_invoiced_on_sqlite(SqliteApp app)
    : expected_cost_is_posted_to_interim_accounts_until_invoiced<SqliteApp>(app);

public sealed class expected_cost_is_posted_to_interim_accounts_until_invoiced_on_postgres(PostgresApp app)
    : expected_cost_is_posted_to_interim_accounts_until_invoiced<PostgresApp>(app);
