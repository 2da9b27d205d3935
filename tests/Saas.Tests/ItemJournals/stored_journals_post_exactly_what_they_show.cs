using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saas.Identity;
using Saas.Tests.Infrastructure;
using Saas.Write.Common;
using Saas.Write.Finance.Posting;
using Saas.Write.Inventory;
using Saas.Write.Inventory.Ledger;
using Saas.Write.Inventory.Journals;
using static Saas.Tests.ItemJournals.JournalClient;
using static Saas.Tests.Posting.PostingHarness;

namespace Saas.Tests.ItemJournals;

/// <summary>
/// What a stored batch posts is what its lines say: an edit that arrives while the batch is being posted waits for
/// the post (and then finds the posted line gone) instead of being deleted unseen; a revalued inventory value is
/// posted as that value, not as a rounded unit cost times the quantity; numbers beyond the range, in-transit
/// locations and unbounded lists are refused or capped; reading the journals writes nothing.
/// </summary>
public abstract class stored_journals_post_exactly_what_they_show<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    private const string Line = """{ "itemNumber": "LOCK", "locationCode": "MAIN", "postingDate": "2027-01-04", "quantity": 1, "unitCost": 2 }""";

    [Fact]
    public async Task a_line_edit_during_a_post_waits_for_it_instead_of_being_lost()
    {
        var company = await NewCompanyAsync(app);
        await company.ItemAsync("LOCK", CostingMethod.FIFO);
        using var journal = For(app, company.TenantId, SaasPolicies.ItemsWrite);
        var batch = await journal.DefaultBatchAsync("Item");
        var line = await journal.AddLineOkAsync(batch, Line);
        var other = await journal.AddLineOkAsync(batch, Line);

        // What a post does, held open: the batch row first, then the lines it read are deleted at the end.
        var (patch, deleteOther, waited) = await company.InTenantAsync(async db =>
        {
            await using var post = await db.Database.BeginTransactionAsync();
            await db.ItemJournalBatches.Where(b => b.Id == batch).ExecuteUpdateAsync(s => s.SetProperty(b => b.Version, b => b.Version + 1));
            var patch = journal.PatchLineAsync(batch, line, """{ "quantity": 7 }""");
            var deleteOther = journal.Http.DeleteAsync(journal.Url($"itemJournals({batch})/itemJournalLines({(Guid)other["id"]!})"));
            await Task.Delay(TimeSpan.FromMilliseconds(700));
            var waited = !patch.IsCompleted && !deleteOther.IsCompleted;
            await db.ItemJournalBatchLines.Where(l => l.BatchId == batch).ExecuteDeleteAsync();
            await post.CommitAsync();
            return (patch, deleteOther, waited);
        });

        Assert.True(waited, "line changes queue behind the batch row a post holds");
        Assert.Equal(HttpStatusCode.NotFound, (await patch).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await deleteOther).StatusCode);
        Assert.Empty(await journal.LinesAsync(batch));

        // A line edit does not change the batch's own ETag (only its fields and posting do).
        var card = await OkAsync(await journal.Http.GetAsync(journal.Url($"itemJournals({batch})")));
        await journal.AddLineOkAsync(batch, Line);
        Assert.Equal((string?)card["@odata.etag"], (string?)(await OkAsync(await journal.Http.GetAsync(journal.Url($"itemJournals({batch})"))))["@odata.etag"]);
    }

    [Fact]
    public async Task deleting_a_batch_waits_for_a_post_of_it()
    {
        var company = await NewCompanyAsync(app);
        await company.ItemAsync("LOCK", CostingMethod.FIFO);
        using var journal = For(app, company.TenantId, SaasPolicies.ItemsWrite);
        var batch = await CreatedAsync(await journal.Http.PostAsync(journal.Url("itemJournals"), Api.Json("""{ "code": "DEL", "template": "Item" }""")));
        var id = (Guid)batch["id"]!;
        await journal.AddLineOkAsync(id, Line);

        var (delete, waited) = await company.InTenantAsync(async db =>
        {
            await using var post = await db.Database.BeginTransactionAsync();
            await db.ItemJournalBatches.Where(b => b.Id == id).ExecuteUpdateAsync(s => s.SetProperty(b => b.Version, b => b.Version + 1));
            await db.ItemJournalBatchLines.Where(l => l.BatchId == id).ExecuteDeleteAsync();
            var delete = journal.Http.DeleteAsync(journal.Url($"itemJournals({id})"));
            await Task.Delay(TimeSpan.FromMilliseconds(700));
            var waited = !delete.IsCompleted;
            await post.CommitAsync();
            return (delete, waited);
        });

        Assert.True(waited, "the batch row is taken before its lines, as a post takes them");
        Assert.Equal(HttpStatusCode.NoContent, (await delete).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await journal.Http.GetAsync(journal.Url($"itemJournals({id})"))).StatusCode);
    }

    [Theory]
    [InlineData(CostingMethod.FIFO)]
    [InlineData(CostingMethod.Average)]
    public async Task a_revalued_inventory_value_is_posted_exactly(CostingMethod method)
    {
        var company = await NewCompanyAsync(app);
        var item = await company.ItemAsync("REV-30K", method);
        await company.PostAsync(Purchase(item, 30_000, 0.3m, Day1));
        using var journal = For(app, company.TenantId, SaasPolicies.InventoryValue);
        var batch = await journal.DefaultBatchAsync("Revaluation");
        await OkAsync(await journal.ActionAsync(batch, "calculateInventoryValue", """{ "postingDate": "2027-01-10" }"""));
        var line = (await journal.LinesAsync(batch)).Single()!;
        Assert.Equal(9_000m, (decimal)line["inventoryValueCalculated"]!);
        Assert.Equal(method == CostingMethod.Average, line["appliesToEntry"] is null);

        var revalued = await OkAsync(await journal.PatchLineAsync(batch, line, """{ "inventoryValueRevalued": 10000 }"""));
        Assert.Equal(0.33333m, (decimal)revalued["unitCostRevalued"]!); // 0.33333 × 30,000 would be 9,999.90
        var posted = await CreatedAsync(await journal.ActionAsync(batch, "post"));

        Assert.Equal(1_000m, posted["valueEntries"]!.AsArray().Where(v => (string?)v!["entryType"] == "Revaluation").Sum(v => (decimal)v!["costAmountActual"]!));
        var ledgers = await company.LedgersAsync();
        Assert.Equal(10_000m, ledgers.ValueOf(item));
        Assert.Equal(10_000m, ledgers.Balance("1300"));
        ledgers.AssertInvariants();
    }

    [Fact]
    public async Task the_engine_revalues_to_a_value_given_as_exactly_one_of_unit_cost_and_value()
    {
        var company = await NewCompanyAsync(app);
        var item = await company.ItemAsync("ENG-30K", CostingMethod.FIFO);
        var receipt = await company.PostAsync(Purchase(item, 30_000, 0.3m, Day1));
        var entry = receipt.ItemLedgerEntries[0].EntryNo;
        foreach (var (unitCost, value) in new (decimal?, decimal?)[] { (null, null), (1m, 10_000m) })
        {
            var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => company.PostAsync(new ItemPosting
            {
                SourceCode = "REVALJNL",
                Revaluations = [new RevaluationLine { AppliesToEntry = entry, NewUnitCost = unitCost, NewInventoryValue = value, PostingDate = Day1 }],
            }));
            Assert.True(refused.Errors.ContainsKey("revaluations[0].newUnitCost"));
        }

        var tooBig = await Assert.ThrowsAsync<ValidationFailedException>(() => company.PostAsync(new ItemPosting
        {
            SourceCode = "REVALJNL",
            Revaluations = [new RevaluationLine { AppliesToEntry = entry, NewInventoryValue = 1e27m, PostingDate = Day1 }],
        }));
        Assert.True(tooBig.Errors.ContainsKey("revaluations[0].newInventoryValue"));

        var posted = await company.PostAsync(new ItemPosting
        {
            SourceCode = "REVALJNL",
            Revaluations = [new RevaluationLine { AppliesToEntry = entry, NewInventoryValue = 10_000m, PostingDate = Day1 }],
        });
        Assert.Equal(1_000m, posted.ValueEntries.Single(v => v.EntryType == ValueEntryType.Revaluation).CostAmountActual);
        (await company.LedgersAsync()).AssertInvariants();
    }

    [Fact]
    public async Task numbers_beyond_the_range_are_refused_by_field()
    {
        var company = await NewCompanyAsync(app);
        var item = await company.ItemAsync("HUGE", CostingMethod.FIFO);
        await company.PostAsync(Purchase(item, 2, 10, Day1));
        using var journal = For(app, company.TenantId, SaasPolicies.ItemsWrite, SaasPolicies.InventoryValue);
        var batch = await journal.DefaultBatchAsync("Item");
        const string huge = "1e27";
        foreach (var field in new[] { "quantity", "unitCost" })
        {
            var errors = await ErrorsAsync(await journal.AddLineAsync(batch,
                $$"""{ "itemNumber": "HUGE", "locationCode": "MAIN", "postingDate": "2027-01-04", "quantity": 1, "unitCost": 1, "{{field}}": {{huge}} }"""));
            Assert.True(errors.ContainsKey(field), errors.ToJsonString());
        }

        var count = await journal.DefaultBatchAsync("Phys. Inventory");
        var counted = await ErrorsAsync(await journal.AddLineAsync(count,
            $$"""{ "itemNumber": "HUGE", "locationCode": "MAIN", "postingDate": "2027-01-04", "quantityPhysInventory": {{huge}} }"""));
        Assert.True(counted.ContainsKey("quantityPhysInventory"), counted.ToJsonString());

        var revaluation = await journal.DefaultBatchAsync("Revaluation");
        await OkAsync(await journal.ActionAsync(revaluation, "calculateInventoryValue", """{ "postingDate": "2027-01-10" }"""));
        var line = (await journal.LinesAsync(revaluation)).Single()!;
        foreach (var field in new[] { "inventoryValueRevalued", "unitCostRevalued" })
        {
            var errors = await ErrorsAsync(await journal.PatchLineAsync(revaluation, line, $$"""{ "{{field}}": {{huge}} }"""));
            Assert.True(errors.ContainsKey(field), errors.ToJsonString());
        }

        Assert.Equal(20m, (decimal)(await journal.LinesAsync(revaluation)).Single()!["inventoryValueRevalued"]!);
    }

    [Fact]
    public async Task in_transit_locations_are_neither_counted_nor_accepted_on_lines()
    {
        var company = await NewCompanyAsync(app);
        var item = await company.ItemAsync("TRANSIT-1", CostingMethod.FIFO);
        var truck = await company.LocationAsync("TRUCK");
        await company.PostAsync(Purchase(item, 5, 1, Day1), Purchase(item, 3, 1, Day1, location: truck));
        await company.InTenantAsync(db => db.Locations.Where(l => l.Code == truck).ExecuteUpdateAsync(s => s.SetProperty(l => l.UseAsInTransit, true)));
        using var journal = For(app, company.TenantId, SaasPolicies.ItemsWrite);

        var count = await journal.DefaultBatchAsync("Phys. Inventory");
        var calculated = await OkAsync(await journal.ActionAsync(count, "calculateInventory", """{ "postingDate": "2027-01-10" }"""));
        Assert.Equal(1, (int)calculated["linesAdded"]!);
        Assert.Equal("MAIN", (string?)(await journal.LinesAsync(count)).Single()!["locationCode"]);

        var itemBatch = await journal.DefaultBatchAsync("Item");
        var from = await ErrorsAsync(await journal.AddLineAsync(itemBatch,
            """{ "itemNumber": "TRANSIT-1", "locationCode": "TRUCK", "postingDate": "2027-01-10", "quantity": 1 }"""));
        Assert.True(from.ContainsKey("locationCode"), from.ToJsonString());
        var reclass = await journal.DefaultBatchAsync("Reclassification");
        var to = await ErrorsAsync(await journal.AddLineAsync(reclass,
            """{ "itemNumber": "TRANSIT-1", "locationCode": "MAIN", "newLocationCode": "TRUCK", "postingDate": "2027-01-10", "quantity": 1 }"""));
        Assert.True(to.ContainsKey("newLocationCode"), to.ToJsonString());
    }

    [Fact]
    public async Task lists_are_paged_and_reading_writes_nothing()
    {
        var company = await NewCompanyAsync(app);
        using var journal = For(app, company.TenantId, SaasPolicies.ItemsWrite);
        var batch = await journal.DefaultBatchAsync("Item");
        await company.InTenantAsync(async db =>
        {
            for (var i = 1; i <= 60; i++)
            {
                db.ItemJournalBatchLines.Add(new ItemJournalBatchLine
                {
                    TenantId = db.CurrentTenantId, Id = Guid.NewGuid(), BatchId = batch, LineNumber = i * ItemJournalBatchLine.LineNumberStep,
                    ItemNumber = "X", LocationCode = "MAIN", PostingDate = Day1, Quantity = 1, Version = 1,
                });
                db.ItemJournalBatches.Add(new ItemJournalBatch
                {
                    TenantId = db.CurrentTenantId, Id = Guid.NewGuid(), Template = ItemJournalTemplate.Item, Code = $"B{i:00}", Version = 1,
                });
            }

            await db.SaveChangesAsync();
        });

        var lines = await OkAsync(await journal.Http.GetAsync(journal.Url($"itemJournals({batch})/itemJournalLines")));
        Assert.Equal(50, lines["value"]!.AsArray().Count);
        Assert.Equal(60, (int)lines["@odata.count"]!);
        var all = await OkAsync(await journal.Http.GetAsync(journal.Url($"itemJournals({batch})/itemJournalLines?$top=5000&$skip=10")));
        Assert.Equal(50, all["value"]!.AsArray().Count);
        var batches = await OkAsync(await journal.Http.GetAsync(journal.Url("itemJournals")));
        Assert.Equal(50, batches["value"]!.AsArray().Count);
        Assert.Equal(64, (int)batches["@odata.count"]!);

        // A template without batches (a company from before stored journals) is not seeded by a reader's GET.
        await company.InTenantAsync(db => db.ItemJournalBatches.Where(b => b.Template == ItemJournalTemplate.Revaluation).ExecuteDeleteAsync());
        using var reader = For(app, company.TenantId);
        await OkAsync(await reader.Http.GetAsync(reader.Url("itemJournals")));
        Assert.Equal(0, await company.InTenantAsync(db => db.ItemJournalBatches.CountAsync(b => b.Template == ItemJournalTemplate.Revaluation)));

        // Startup seeds such companies (the data step of the migration), once.
        await company.WithServicesAsync(async services =>
        {
            await services.GetRequiredService<ItemJournalBatches>().SeedDefaultsAsync();
            return 0;
        });
        Assert.Equal(1, await company.InTenantAsync(db => db.ItemJournalBatches.CountAsync(b => b.Template == ItemJournalTemplate.Revaluation)));
    }
}

public sealed class stored_journals_post_exactly_what_they_show_on_sqlite(SqliteApp app)
    : stored_journals_post_exactly_what_they_show<SqliteApp>(app);

public sealed class stored_journals_post_exactly_what_they_show_on_postgres(PostgresApp app)
    : stored_journals_post_exactly_what_they_show<PostgresApp>(app);
