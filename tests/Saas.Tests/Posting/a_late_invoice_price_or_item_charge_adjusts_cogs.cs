using Saas.Tests.Infrastructure;
using Saas.Write.Finance.Posting;
using Saas.Write.Inventory;
using static Saas.Tests.Posting.PostingHarness;

namespace Saas.Tests.Posting;

/// <summary>
/// FIFO: 10 received at an expected 10, all 10 sold and invoiced (COGS 100). The vendor then invoices 11 a piece
/// and a freight charge of 5 arrives: cost adjustment carries both to the sale (COGS 115) and inventory ends at 0.
/// </summary>
public abstract class a_late_invoice_price_or_item_charge_adjusts_cogs<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    [Fact]
    public async Task cogs_follows_the_invoice_and_the_charge()
    {
        var company = await NewCompanyAsync(app);
        var item = await company.ItemAsync("LATE", CostingMethod.FIFO);
        var receipt = await company.PostAsync(Purchase(item, 10, 10, Day1, invoice: false));
        var sale = await company.PostAsync(Sale(item, 10, Day1.AddDays(1)));
        var ledgers = await company.LedgersAsync();
        Assert.Equal(100m, ledgers.Cogs);

        var receiptNo = receipt.ItemLedgerEntries[0].EntryNo;
        await company.PostAsync(new ItemPosting
        {
            Invoices = [new ItemInvoiceLine { ItemLedgerEntryNo = receiptNo, Quantity = 10, UnitCost = 11, PostingDate = Day1.AddDays(5) }],
        });
        Assert.Equal(110m, (await company.LedgersAsync()).Cogs);

        await company.PostAsync(new ItemPosting
        {
            Charges = [new ItemChargeLine { ItemLedgerEntryNo = receiptNo, Amount = 5, PostingDate = Day1.AddDays(6) }],
        });
        ledgers = await company.LedgersAsync();
        Assert.Equal(115m, ledgers.Cogs);
        Assert.Equal(-115m, ledgers.CostOf(sale.ItemLedgerEntries[0].EntryNo));
        Assert.Equal(0m, ledgers.Balance("1300"));
        Assert.Equal(0m, ledgers.ValueOf(item));
        ledgers.AssertInvariants();
    }
}

public sealed class a_late_invoice_price_or_item_charge_adjusts_cogs_on_sqlite(SqliteApp app)
    : a_late_invoice_price_or_item_charge_adjusts_cogs<SqliteApp>(app);

public sealed class a_late_invoice_price_or_item_charge_adjusts_cogs_on_postgres(PostgresApp app)
    : a_late_invoice_price_or_item_charge_adjusts_cogs<PostgresApp>(app);
