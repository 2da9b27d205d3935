using Microsoft.EntityFrameworkCore;
using Saas.Tests.Infrastructure;
using Saas.Write.Common;
using Saas.Write.Finance.Posting;
using Saas.Write.Inventory;
using static Saas.Tests.Posting.PostingHarness;

namespace Saas.Tests.Posting;

/// <summary>
/// Every refusal names what is wrong (the field, the missing setup, the date range), and a refused posting leaves
/// nothing behind: no entries, no register, no document number used.
/// </summary>
public abstract class bad_postings_are_refused_with_clear_errors_and_write_nothing<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    [Fact]
    public async Task missing_general_posting_setup_is_named()
    {
        var company = await NewCompanyAsync(app);
        var item = await company.ItemAsync("NOSETUP", CostingMethod.FIFO);
        var error = await RefusedAsync(company, Purchase(item, 1, 5, Day1) with { GenBusPostingGroup = "NOWHERE" });
        Assert.Contains("General Posting Setup NOWHERE × RETAIL does not exist", error);
    }

    [Fact]
    public async Task missing_inventory_posting_setup_is_named()
    {
        var company = await NewCompanyAsync(app);
        var item = await company.ItemAsync("NOINV", CostingMethod.FIFO);
        await company.InTenantAsync(async db =>
        {
            var row = await db.Items.SingleAsync(i => i.Number == item);
            row.InventoryPostingGroup = "RAW";
            await db.SaveChangesAsync();
        });
        var error = await RefusedAsync(company, Purchase(item, 1, 5, Day1));
        Assert.Contains("Inventory Posting Setup MAIN × RAW does not exist", error);
    }

    [Fact]
    public async Task blocked_items_dates_outside_the_allowed_range_and_other_item_types_are_refused()
    {
        var company = await NewCompanyAsync(app, s =>
        {
            s.AllowPostingFrom = Day1;
            s.AllowPostingTo = Day1.AddDays(30);
        });
        var item = await company.ItemAsync("GUARD", CostingMethod.FIFO);
        var service = await company.ItemAsync("CONSULT", CostingMethod.FIFO, type: ItemType.Service);
        Assert.Contains("not within your range of allowed posting dates", await RefusedAsync(company, Purchase(item, 1, 5, Day1.AddDays(-1))));
        Assert.Contains("only Inventory items", await RefusedAsync(company, Purchase(service, 1, 5, Day1)));
        Assert.Contains("Item NOPE does not exist", await RefusedAsync(company, Purchase("NOPE", 1, 5, Day1)));
        Assert.Contains("Location ELSEWHERE does not exist", await RefusedAsync(company, Purchase(item, 1, 5, Day1, location: "ELSEWHERE")));
        await company.InTenantAsync(async db =>
        {
            (await db.Items.SingleAsync(i => i.Number == item)).Blocked = true;
            await db.SaveChangesAsync();
        });
        Assert.Contains("Item GUARD is blocked", await RefusedAsync(company, Purchase(item, 1, 5, Day1)));
    }

    [Fact]
    public async Task every_wrong_line_is_named_at_once_not_one_per_attempt()
    {
        var company = await NewCompanyAsync(app, s =>
        {
            s.AllowPostingFrom = Day1;
            s.AllowPostingTo = Day1.AddDays(30);
        });
        var item = await company.ItemAsync("ALLATONCE", CostingMethod.FIFO);
        var before = await company.LedgersAsync();
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => company.PostAsync(
            Purchase(item, 1, 5, Day1),
            Purchase("NOPE", 1, 5, Day1),
            Purchase(item, 1, 5, Day1.AddDays(-1)),
            Purchase(item, 1, 5, Day1, location: "ELSEWHERE")));
        Assert.Equal(["lines[1].itemNo", "lines[2].postingDate", "lines[3].locationCode"], refused.Errors.Keys.Order().ToArray());
        Assert.Contains("Item NOPE does not exist", refused.Errors["lines[1].itemNo"].Single());
        Assert.Contains("Location ELSEWHERE does not exist", refused.Errors["lines[3].locationCode"].Single());
        Assert.Equal(before.Items.Count, (await company.LedgersAsync()).Items.Count);
    }

    [Fact]
    public async Task negative_inventory_is_refused_unless_allowed_and_the_whole_posting_rolls_back()
    {
        var company = await NewCompanyAsync(app);
        var item = await company.ItemAsync("NEG", CostingMethod.FIFO);
        // The receipt on the first line would be fine; the sale on the second is not, so neither is posted.
        var error = await RefusedAsync(company, Purchase(item, 2, 5, Day1), Sale(item, 3, Day1));
        Assert.Contains("insufficient quantity of Item NEG on inventory at location MAIN: 2 available, 3 needed", error);

        await company.ChangeSetupAsync(s => s.AllowNegativeInventory = true);
        await company.PostAsync(Sale(item, 3, Day1));
        await company.PostAsync(Purchase(item, 5, 4, Day1.AddDays(1)));
        var ledgers = await company.LedgersAsync();
        Assert.Equal(2, ledgers.QuantityOf(item));
        Assert.Equal(8m, ledgers.ValueOf(item)); // the sale took 3 of the 5 that arrived later, at their cost
        Assert.Equal(12m, ledgers.Cogs);
        ledgers.AssertInvariants();
    }

    [Fact]
    public async Task input_errors_are_reported_per_field_before_anything_runs()
    {
        var company = await NewCompanyAsync(app);
        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() => company.PostAsync(new ItemPosting
        {
            Lines =
            [
                new ItemPostingLine { EntryType = Saas.Write.Inventory.Ledger.ItemLedgerEntryType.PositiveAdjmt, ItemNo = "", Quantity = -1, PostingDate = Day1 },
                Transfer("X", 1, Day1, "MAIN", "MAIN"),
            ],
        }));
        Assert.Contains("lines[0].itemNo", invalid.Errors.Keys);
        Assert.Contains("lines[0].quantity", invalid.Errors.Keys);
        Assert.Contains("lines[1].newLocationCode", invalid.Errors.Keys);
    }

    private static async Task<string> RefusedAsync(PostingHarness company, params ItemPostingLine[] lines)
    {
        var before = await company.LedgersAsync();
        var lastDocument = await company.InTenantAsync(db => db.NoSeries.AsNoTracking().Where(s => s.Code == "IJNL").Select(s => s.LastNoUsed).SingleAsync());
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => company.PostAsync(lines));
        var after = await company.LedgersAsync();
        Assert.Equal(before.Items.Count, after.Items.Count);
        Assert.Equal(before.Values.Count, after.Values.Count);
        Assert.Equal(before.GL.Count, after.GL.Count);
        Assert.Equal(before.Registers.Count, after.Registers.Count);
        Assert.Equal(lastDocument, await company.InTenantAsync(db => db.NoSeries.AsNoTracking().Where(s => s.Code == "IJNL").Select(s => s.LastNoUsed).SingleAsync()));
        return error.Message;
    }
}

public sealed class bad_postings_are_refused_with_clear_errors_and_write_nothing_on_sqlite(SqliteApp app)
    : bad_postings_are_refused_with_clear_errors_and_write_nothing<SqliteApp>(app);

public sealed class bad_postings_are_refused_with_clear_errors_and_write_nothing_on_postgres(PostgresApp app)
    : bad_postings_are_refused_with_clear_errors_and_write_nothing<PostgresApp>(app);
