using System.Text.Json.Nodes;
using Saas.Identity;
using Saas.Tests.Infrastructure;
using Saas.Write.Inventory;
using Saas.Write.Inventory.Ledger;
using static Saas.Tests.ItemJournals.JournalClient;
using static Saas.Tests.Posting.PostingHarness;

namespace Saas.Tests.ItemJournals;

/// <summary>
/// BC's batch jobs that fill a journal: "Calculate Inventory" gives one physical inventory line per item and
/// location with its expected quantity, the count posts only the difference; "Calculate Inventory Value" gives
/// one revaluation line per open inbound entry (FIFO, LIFO, Standard) or per item (Average) with its value, and
/// posting the revalued value makes it the inventory value, reaches later sales (COGS) and balances the G/L
/// (Inventory against Inventory Adjustment).
/// </summary>
public abstract class calculated_journals_count_and_revalue_inventory<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    [Fact]
    public async Task a_physical_inventory_posts_the_difference_between_count_and_books()
    {
        var company = await NewCompanyAsync(app);
        var item = await company.ItemAsync("COUNT", CostingMethod.FIFO);
        var other = await company.ItemAsync("OTHER", CostingMethod.FIFO);
        var east = await company.LocationAsync("EAST");
        await company.PostAsync(Purchase(item, 10, 5, Day1), Purchase(item, 3, 5, Day1, location: east), Purchase(other, 2, 1, Day1));
        using var journal = For(app, company.TenantId, SaasPolicies.ItemsWrite);
        var batch = await journal.DefaultBatchAsync("Phys. Inventory");

        var onlyCount = await OkAsync(await journal.ActionAsync(batch, "calculateInventory", """{ "postingDate": "2027-01-10", "itemNumber": "count" }"""));
        Assert.Equal(2, (int)onlyCount["linesAdded"]!);
        var lines = await journal.LinesAsync(batch);
        Assert.Equal([("COUNT", "EAST", 3m), ("COUNT", "MAIN", 10m)], lines.Select(l => ((string)l!["itemNumber"]!, (string)l["locationCode"]!, (decimal)l["quantityCalculated"]!)).ToArray());
        Assert.All(lines, l => Assert.Equal((decimal)l!["quantityCalculated"]!, (decimal)l["quantityPhysInventory"]!));

        // Running it again adds only what is missing; the counts already entered stay.
        var main = lines.Single(l => (string?)l!["locationCode"] == "MAIN")!;
        await OkAsync(await journal.PatchLineAsync(batch, main, """{ "quantityPhysInventory": 8 }"""));
        var rest = await OkAsync(await journal.ActionAsync(batch, "calculateInventory", """{ "postingDate": "2027-01-10" }"""));
        Assert.Equal(1, (int)rest["linesAdded"]!);
        Assert.Equal(8m, (decimal)(await journal.LinesAsync(batch)).Single(l => (string?)l!["locationCode"] == "MAIN" && (string?)l["itemNumber"] == "COUNT")!["quantityPhysInventory"]!);
        var negative = await ErrorsAsync(await journal.PatchLineAsync(batch, (await journal.LinesAsync(batch))[0]!, """{ "quantityPhysInventory": -1 }"""));
        Assert.True(negative.ContainsKey("quantityPhysInventory"));

        var response = await journal.ActionAsync(batch, "post");
        Assert.True(response.Headers.Contains("X-Read-Position"), "a posted batch returns its read position for X-Wait-For-Position");
        var posted = await CreatedAsync(response);
        var entry = Assert.Single(posted["itemLedgerEntries"]!.AsArray())!;
        Assert.Equal("Negative Adjmt.", (string?)entry["entryType"]);
        Assert.Empty(await journal.LinesAsync(batch));
        var ledgers = await company.LedgersAsync();
        Assert.Equal(11m, ledgers.QuantityOf(item));
        Assert.Equal(2m, ledgers.QuantityOf(other));
        Assert.Equal(10m, ledgers.Balance("5300")); // two units lost at 5
        ledgers.AssertInvariants();

        var wrongBatch = await ErrorsAsync(await journal.ActionAsync(await journal.DefaultBatchAsync("Item"), "calculateInventory", """{ "postingDate": "2027-01-10" }"""));
        Assert.True(wrongBatch.ContainsKey("template"));
        var noDate = await ErrorsAsync(await journal.ActionAsync(batch, "calculateInventory"));
        Assert.True(noDate.ContainsKey("postingDate"));
    }

    [Fact]
    public async Task a_fifo_revaluation_per_entry_becomes_the_inventory_value_and_the_cost_of_later_sales()
    {
        var company = await NewCompanyAsync(app);
        var item = await company.ItemAsync("REV-FIFO", CostingMethod.FIFO);
        await company.PostAsync(Purchase(item, 10, 10, Day1));
        await company.PostAsync(Purchase(item, 5, 20, Day1.AddDays(1)));
        var before = await company.PostAsync(Sale(item, 12, Day1.AddDays(2))); // 10 × 10 + 2 × 20
        using var journal = For(app, company.TenantId, SaasPolicies.InventoryValue);
        var batch = await journal.DefaultBatchAsync("Revaluation");

        var calculated = await OkAsync(await journal.ActionAsync(batch, "calculateInventoryValue", """{ "postingDate": "2027-01-10" }"""));
        Assert.Equal(1, (int)calculated["linesAdded"]!); // the first receipt is used up: only the second is open
        var line = (await journal.LinesAsync(batch)).Single()!;
        Assert.Equal(3m, (decimal)line["quantity"]!);
        Assert.Equal(60m, (decimal)line["inventoryValueCalculated"]!);
        Assert.Equal(20m, (decimal)line["unitCostCalculated"]!);
        Assert.Equal(60m, (decimal)line["inventoryValueRevalued"]!);
        Assert.NotNull((long?)line["appliesToEntry"]);

        // Entering the value derives the unit cost, and the other way round.
        var byValue = await OkAsync(await journal.PatchLineAsync(batch, line, """{ "inventoryValueRevalued": 45 }"""));
        Assert.Equal(15m, (decimal)byValue["unitCostRevalued"]!);
        var byUnitCost = await OkAsync(await journal.PatchLineAsync(batch, byValue, """{ "unitCostRevalued": 16 }"""));
        Assert.Equal(48m, (decimal)byUnitCost["inventoryValueRevalued"]!);
        var both = await ErrorsAsync(await journal.PatchLineAsync(batch, byUnitCost, """{ "unitCostRevalued": 1, "inventoryValueRevalued": 3 }"""));
        Assert.True(both.ContainsKey("inventoryValueRevalued"));
        var negative = await ErrorsAsync(await journal.PatchLineAsync(batch, byUnitCost, """{ "inventoryValueRevalued": -3 }"""));
        Assert.True(negative.ContainsKey("inventoryValueRevalued"));

        var preview = await OkAsync(await journal.ActionAsync(batch, "preview"));
        Assert.Equal(-12m, Assert.Single(preview["valueEntries"]!.AsArray(), v => (string?)v!["entryType"] == "Revaluation")!["costAmountActual"]!.GetValue<decimal>());
        Assert.Single(await journal.LinesAsync(batch));

        await CreatedAsync(await journal.ActionAsync(batch, "post"));
        Assert.Empty(await journal.LinesAsync(batch));
        var ledgers = await company.LedgersAsync();
        Assert.Equal(48m, ledgers.ValueOf(item));
        Assert.Equal(48m, ledgers.Balance("1300"));
        Assert.Equal(12m, ledgers.Balance("5300")); // the loss in value, on Inventory Adjustment
        Assert.Equal(-140m, ledgers.CostOf(before.ItemLedgerEntries[0].EntryNo)); // what was sold before keeps its cost

        var after = await company.PostAsync(Sale(item, 3, Day1.AddDays(11)));
        ledgers = await company.LedgersAsync();
        Assert.Equal(-48m, ledgers.CostOf(after.ItemLedgerEntries[0].EntryNo));
        Assert.Equal(188m, ledgers.Cogs);
        Assert.Equal(0m, ledgers.QuantityOf(item));
        Assert.Equal(0m, ledgers.ValueOf(item));
        ledgers.AssertInvariants();
    }

    [Fact]
    public async Task an_average_item_is_revalued_as_a_whole_and_sold_at_the_revalued_cost()
    {
        var company = await NewCompanyAsync(app);
        var item = await company.ItemAsync("REV-AVG", CostingMethod.Average);
        var east = await company.LocationAsync("EAST");
        await company.PostAsync(Purchase(item, 4, 10, Day1), Purchase(item, 4, 20, Day1, location: east));
        using var journal = For(app, company.TenantId, SaasPolicies.InventoryValue);
        var batch = await journal.DefaultBatchAsync("Revaluation");

        await OkAsync(await journal.ActionAsync(batch, "calculateInventoryValue", """{ "postingDate": "2027-01-05" }"""));
        var line = (await journal.LinesAsync(batch)).Single()!;
        Assert.Equal(8m, (decimal)line["quantity"]!);
        Assert.Equal(120m, (decimal)line["inventoryValueCalculated"]!);
        Assert.Null((long?)line["appliesToEntry"]);

        await OkAsync(await journal.PatchLineAsync(batch, line, """{ "unitCostRevalued": 18 }"""));
        var posted = await CreatedAsync(await journal.ActionAsync(batch, "post"));
        Assert.Equal(24m, posted["valueEntries"]!.AsArray().Where(v => (string?)v!["entryType"] == "Revaluation").Sum(v => (decimal)v!["costAmountActual"]!));
        var ledgers = await company.LedgersAsync();
        Assert.Equal(144m, ledgers.ValueOf(item));
        Assert.Equal(144m, ledgers.Balance("1300"));
        Assert.Equal(-24m, ledgers.Balance("5300"));

        var sale = await company.PostAsync(Sale(item, 4, Day1.AddDays(2)), Sale(item, 4, Day1.AddDays(2), location: east));
        ledgers = await company.LedgersAsync();
        Assert.Equal(-144m, sale.ItemLedgerEntries.Sum(e => ledgers.CostOf(e.EntryNo)));
        Assert.Equal(0m, ledgers.ValueOf(item));
        ledgers.AssertInvariants();
    }

    [Fact]
    public async Task revaluing_nothing_or_before_the_last_entry_is_refused()
    {
        var company = await NewCompanyAsync(app);
        var item = await company.ItemAsync("REV-NONE", CostingMethod.FIFO);
        await company.PostAsync(Purchase(item, 2, 10, Day1.AddDays(5)));
        using var journal = For(app, company.TenantId, SaasPolicies.InventoryValue);
        var batch = await journal.DefaultBatchAsync("Revaluation");

        var early = await ErrorsAsync(await journal.ActionAsync(batch, "calculateInventoryValue", """{ "postingDate": "2027-01-05" }"""));
        Assert.True(early.ContainsKey("postingDate"));
        var unknown = await ErrorsAsync(await journal.ActionAsync(batch, "calculateInventoryValue", """{ "postingDate": "2027-01-31", "itemNumber": "NOPE" }"""));
        Assert.True(unknown.ContainsKey("itemNumber"));
        var manual = await ErrorsAsync(await journal.AddLineAsync(batch, """{ "itemNumber": "REV-NONE", "postingDate": "2027-01-31" }"""));
        Assert.True(manual.ContainsKey("itemNumber"));

        // Calculated but left unchanged: nothing to post, the line stays.
        await OkAsync(await journal.ActionAsync(batch, "calculateInventoryValue", """{ "postingDate": "2027-01-31" }"""));
        var unchanged = await ErrorsAsync(await journal.ActionAsync(batch, "post"));
        Assert.True(unchanged.ContainsKey("itemJournalLines"));
        Assert.Single(await journal.LinesAsync(batch));
        Assert.Single((await company.LedgersAsync()).Registers);
    }
}

public sealed class calculated_journals_count_and_revalue_inventory_on_sqlite(SqliteApp app)
    : calculated_journals_count_and_revalue_inventory<SqliteApp>(app);

public sealed class calculated_journals_count_and_revalue_inventory_on_postgres(PostgresApp app)
    : calculated_journals_count_and_revalue_inventory<PostgresApp>(app);
