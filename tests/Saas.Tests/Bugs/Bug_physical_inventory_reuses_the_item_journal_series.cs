using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saas.Tests.Infrastructure;
using Saas.Write.Finance.Posting;
using Saas.Write.Finance.Setup;
using Saas.Write.Inventory;
using static Saas.Tests.Posting.PostingHarness;

namespace Saas.Tests.Bugs;

/// <summary>
/// Issue 10: a physical inventory posting took its document number from the item journal's IJNL series, so counts
/// and adjustments shared one numbering. As in BC, the Phys. Inventory journal has its own series (PHYS-INV), seeded
/// with every new company and, at startup, for companies made before it existed.
/// </summary>
public abstract class Bug_physical_inventory_reuses_the_item_journal_series<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    [Fact]
    public async Task a_count_is_numbered_from_phys_inv_and_an_adjustment_still_from_ijnl()
    {
        var company = await NewCompanyAsync(app);
        var item = await company.ItemAsync("PI-1", CostingMethod.FIFO);

        var adjustment = await company.PostAsync(PositiveAdjmt(item, 5, 10, Day1));
        var count = await company.PostAsync(new ItemPosting { SourceCode = "PHYSINVJNL", Lines = [NegativeAdjmt(item, 1, Day1)] });
        var nextAdjustment = await company.PostAsync(PositiveAdjmt(item, 1, 10, Day1));

        Assert.Equal("IJ000001", adjustment.ItemLedgerEntries.Single().DocumentNo);
        Assert.Equal("PI000001", count.ItemLedgerEntries.Single().DocumentNo);
        Assert.Equal("IJ000002", nextAdjustment.ItemLedgerEntries.Single().DocumentNo);
    }

    [Fact]
    public async Task a_company_made_before_the_series_gets_it_from_the_startup_seed()
    {
        var company = await NewCompanyAsync(app);
        await company.InTenantAsync(db => db.NoSeries.Where(s => s.Code == DefaultFinanceSetup.PhysInventorySeries).ExecuteDeleteAsync());

        await company.WithServicesAsync(async sp =>
        {
            await sp.GetRequiredService<DefaultFinanceSetup>().SeedJournalSeriesAsync();
            return 0;
        });

        var series = await company.InTenantAsync(db => db.NoSeries.AsNoTracking().Where(s => s.Code.StartsWith("IJNL") || s.Code.StartsWith("PHYS")).ToListAsync());
        Assert.Equal(["IJNL", "PHYS-INV"], series.Select(s => s.Code).Order());
        Assert.Equal("PI000001", series.Single(s => s.Code == "PHYS-INV").StartingNo);
    }
}

public sealed class Bug_physical_inventory_reuses_the_item_journal_series_on_sqlite(SqliteApp app)
    : Bug_physical_inventory_reuses_the_item_journal_series<SqliteApp>(app);

public sealed class Bug_physical_inventory_reuses_the_item_journal_series_on_postgres(PostgresApp app)
    : Bug_physical_inventory_reuses_the_item_journal_series<PostgresApp>(app);
