using System.Net;
using Saas.Identity;
using Saas.Tests.Infrastructure;
using Saas.Tests.Posting;
using Saas.Write.Inventory;
using static Saas.Tests.ItemJournals.JournalClient;
using static Saas.Tests.Posting.PostingHarness;

namespace Saas.Tests.ItemJournals;

/// <summary>
/// Item journals as BC keeps them: batches per template (a DEFAULT one per company), lines stored with line
/// numbers and validated per field, editable and deletable; posting a batch posts all its lines in one
/// transaction that also empties the batch; a failed posting writes nothing and keeps the lines; a retry with
/// the same idempotency key, or a second post of the emptied batch, posts nothing.
/// </summary>
public abstract class item_journals_are_stored_documents<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    [Fact]
    public async Task lines_are_stored_edited_deleted_previewed_and_posted_once()
    {
        var company = await NewCompanyAsync(app);
        await company.ItemAsync("JNL-1", CostingMethod.FIFO);
        using var journal = For(app, company.TenantId, SaasPolicies.ItemsWrite);
        var batch = await journal.DefaultBatchAsync("Item");

        var first = await journal.AddLineOkAsync(batch, """
            { "entryType": "Positive Adjmt.", "itemNumber": "jnl-1", "locationCode": "main", "postingDate": "2027-01-04", "quantity": 10, "unitCost": 2.5 }
            """);
        var second = await journal.AddLineOkAsync(batch, """
            { "entryType": "Negative Adjmt.", "itemNumber": "JNL-1", "locationCode": "MAIN", "postingDate": "2027-01-05", "quantity": 4 }
            """);
        var third = await journal.AddLineOkAsync(batch, """
            { "itemNumber": "JNL-1", "locationCode": "MAIN", "postingDate": "2027-01-05", "quantity": 1 }
            """);
        Assert.Equal(10000, (int)first["lineNumber"]!);
        Assert.Equal("JNL-1", (string?)first["itemNumber"]);
        Assert.Equal(20000, (int)second["lineNumber"]!);
        Assert.Equal(30000, (int)third["lineNumber"]!);

        var changed = await OkAsync(await journal.PatchLineAsync(batch, second, """{ "quantity": 3 }"""));
        Assert.Equal(3m, (decimal)changed["quantity"]!);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await journal.PatchLineAsync(batch, second, """{ "quantity": 2 }""")).StatusCode);
        var deleted = await journal.Http.DeleteAsync(journal.Url($"itemJournals({batch})/itemJournalLines({(Guid)third["id"]!})"));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(2, (await journal.LinesAsync(batch)).Count);

        var paged = await OkAsync(await journal.Http.GetAsync(journal.Url($"itemJournals({batch})/itemJournalLines?$top=1&$skip=1")));
        Assert.Equal(2, (int)paged["@odata.count"]!);
        Assert.Equal(20000, (int)paged["value"]!.AsArray().Single()!["lineNumber"]!);

        var preview = await OkAsync(await journal.ActionAsync(batch, "preview"));
        Assert.True((bool)preview["preview"]!);
        Assert.Equal(2, preview["itemLedgerEntries"]!.AsArray().Count);
        Assert.Empty((await company.LedgersAsync()).Items);
        Assert.Equal(2, (await journal.LinesAsync(batch)).Count);

        var posted = await CreatedAsync(await journal.ActionAsync(batch, "post", """{ "idempotencyKey": "jnl-post-1" }"""));
        Assert.Empty(await journal.LinesAsync(batch));
        var ledgers = await company.LedgersAsync();
        Assert.Equal(7m, ledgers.QuantityOf("JNL-1"));
        Assert.Equal(17.5m, ledgers.Balance("1300"));

        // The client did not see the answer and sends it again: the first result, nothing posted.
        var retried = await OkAsync(await journal.ActionAsync(batch, "post", """{ "idempotencyKey": "jnl-post-1" }"""));
        Assert.True((bool)retried["alreadyPosted"]!);
        Assert.Equal((long)posted["registerNumber"]!, (long)retried["registerNumber"]!);
        Assert.Equal(2, retried["itemLedgerEntries"]!.AsArray().Count);

        // Or posts the emptied batch again without a key: nothing to post.
        var again = await ErrorsAsync(await journal.ActionAsync(batch, "post"));
        Assert.True(again.ContainsKey("itemJournalLines"));
        var after = await company.LedgersAsync();
        Assert.Equal(ledgers.Items.Count, after.Items.Count);
        Assert.Single(after.Registers);
        after.AssertInvariants();
    }

    [Fact]
    public async Task concurrent_posts_of_one_batch_post_it_once()
    {
        var company = await NewCompanyAsync(app);
        await company.ItemAsync("RACE", CostingMethod.FIFO);
        var east = await company.LocationAsync("EAST");
        await company.PostAsync(Purchase("RACE", 10, 3, Day1));
        using var journal = For(app, company.TenantId, SaasPolicies.ItemsWrite);
        var batch = await journal.DefaultBatchAsync("Reclassification");
        await journal.AddLineOkAsync(batch, """{ "itemNumber": "RACE", "locationCode": "MAIN", "newLocationCode": "EAST", "postingDate": "2027-01-05", "quantity": 4 }""");

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => journal.ActionAsync(batch, "post")));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.BadRequest, a.StatusCode));

        var ledgers = await company.LedgersAsync();
        Assert.Equal(2, ledgers.Registers.Count); // the purchase and one reclassification
        Assert.Equal(4m, ledgers.Items.Where(e => e.LocationCode == east).Sum(e => e.Quantity));
        Assert.Equal(6m, ledgers.Items.Where(e => e.LocationCode == "MAIN").Sum(e => e.Quantity));
        Assert.Equal(12m, ledgers.Values.Where(v => v.ItemLedgerEntryNo == ledgers.Items.Single(e => e.LocationCode == east).EntryNo).Sum(v => v.CostAmountActual));
        Assert.Empty(await journal.LinesAsync(batch));
        ledgers.AssertInvariants();
    }

    [Fact]
    public async Task a_failing_posting_writes_nothing_and_keeps_every_line()
    {
        var company = await NewCompanyAsync(app);
        await company.ItemAsync("OK-1", CostingMethod.FIFO);
        await company.ItemAsync("LATER-BLOCKED", CostingMethod.FIFO);
        using var journal = For(app, company.TenantId, SaasPolicies.ItemsWrite);
        var batch = await journal.DefaultBatchAsync("Item");
        await journal.AddLineOkAsync(batch, """{ "itemNumber": "OK-1", "locationCode": "MAIN", "postingDate": "2027-01-04", "quantity": 5, "unitCost": 1 }""");
        await journal.AddLineOkAsync(batch, """{ "itemNumber": "LATER-BLOCKED", "locationCode": "MAIN", "postingDate": "2027-01-04", "quantity": 5, "unitCost": 1 }""");

        // The item is blocked after its line was saved: posting checks again, and names the line.
        await company.InTenantAsync(async db =>
        {
            var item = db.Items.Single(i => i.Number == "LATER-BLOCKED");
            item.Blocked = true;
            item.Version++;
            await db.SaveChangesAsync();
        });
        var errors = await ErrorsAsync(await journal.ActionAsync(batch, "post", """{ "idempotencyKey": "fails" }"""));
        Assert.Contains(errors, e => e.Key.StartsWith("itemJournalLines[20000].", StringComparison.Ordinal));

        var ledgers = await company.LedgersAsync();
        Assert.Empty(ledgers.Items);
        Assert.Empty(ledgers.GL);
        Assert.Empty(ledgers.Registers);
        Assert.Equal(2, (await journal.LinesAsync(batch)).Count);

        // Corrected (the blocked line removed), the same journal posts; the failed key was never used.
        var blocked = (await journal.LinesAsync(batch)).Single(l => (int)l!["lineNumber"]! == 20000)!;
        await journal.Http.DeleteAsync(journal.Url($"itemJournals({batch})/itemJournalLines({(Guid)blocked["id"]!})"));
        await CreatedAsync(await journal.ActionAsync(batch, "post", """{ "idempotencyKey": "fails" }"""));
        Assert.Equal(5m, (await company.LedgersAsync()).QuantityOf("OK-1"));
    }

    [Fact]
    public async Task bad_lines_are_refused_per_field_and_nothing_is_saved()
    {
        var company = await NewCompanyAsync(app);
        await company.ItemAsync("GOOD", CostingMethod.FIFO);
        await company.ItemAsync("SERVICE", CostingMethod.FIFO, type: ItemType.Service);
        await company.ItemAsync("BLOCKED", CostingMethod.FIFO);
        await company.InTenantAsync(async db =>
        {
            db.Items.Single(i => i.Number == "BLOCKED").Blocked = true;
            await db.SaveChangesAsync();
        });
        using var journal = For(app, company.TenantId, SaasPolicies.ItemsWrite);
        var batch = await journal.DefaultBatchAsync("Item");

        async Task Refused(string json, string field, string? reason = null)
        {
            var errors = await ErrorsAsync(await journal.AddLineAsync(batch, json));
            Assert.True(errors.ContainsKey(field), $"{json}: expected an error on {field}, got {errors.ToJsonString()}");
            if (reason is not null)
            {
                Assert.Contains(reason, errors[field]!.ToJsonString(), StringComparison.OrdinalIgnoreCase);
            }
        }

        await Refused("""{ "itemNumber": "NOPE", "locationCode": "MAIN", "postingDate": "2027-01-04", "quantity": 1 }""", "itemNumber", "no item");
        await Refused("""{ "itemNumber": "BLOCKED", "locationCode": "MAIN", "postingDate": "2027-01-04", "quantity": 1 }""", "itemNumber", "blocked");
        await Refused("""{ "itemNumber": "SERVICE", "locationCode": "MAIN", "postingDate": "2027-01-04", "quantity": 1 }""", "itemNumber", "Inventory items");
        await Refused("""{ "itemNumber": "GOOD", "postingDate": "2027-01-04", "quantity": 1 }""", "locationCode", "required");
        await Refused("""{ "itemNumber": "GOOD", "locationCode": "NOWHERE", "postingDate": "2027-01-04", "quantity": 1 }""", "locationCode", "no location");
        await Refused("""{ "itemNumber": "GOOD", "locationCode": "MAIN", "quantity": 1 }""", "postingDate");
        await Refused("""{ "itemNumber": "GOOD", "locationCode": "MAIN", "postingDate": "2027-01-04", "quantity": 0 }""", "quantity");
        await Refused("""{ "itemNumber": "GOOD", "locationCode": "MAIN", "postingDate": "2027-01-04", "quantity": 1, "unitCost": -1 }""", "unitCost");
        await Refused("""{ "entryType": "Transfer", "itemNumber": "GOOD", "locationCode": "MAIN", "postingDate": "2027-01-04", "quantity": 1 }""", "entryType");
        await Refused("""{ "entryType": "Gift", "itemNumber": "GOOD", "locationCode": "MAIN", "postingDate": "2027-01-04", "quantity": 1 }""", "entryType");
        Assert.Empty(await journal.LinesAsync(batch));

        // A valid line, then a change that breaks it: refused, and the stored line keeps its values.
        var line = await journal.AddLineOkAsync(batch, """{ "itemNumber": "GOOD", "locationCode": "MAIN", "postingDate": "2027-01-04", "quantity": 2 }""");
        var errors = await ErrorsAsync(await journal.PatchLineAsync(batch, line, """{ "itemNumber": "SERVICE" }"""));
        Assert.True(errors.ContainsKey("itemNumber"));
        Assert.Equal("GOOD", (string?)(await journal.LinesAsync(batch)).Single()!["itemNumber"]);
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await Api.PatchAsync(
            journal.Http, journal.Url($"itemJournals({batch})/itemJournalLines({(Guid)line["id"]!})"), """{ "quantity": 3 }""", null)).StatusCode);

        // A reclassification line needs somewhere else to go.
        var reclass = await journal.DefaultBatchAsync("Reclassification");
        var reclassErrors = await ErrorsAsync(await journal.AddLineAsync(reclass, """{ "itemNumber": "GOOD", "locationCode": "MAIN", "postingDate": "2027-01-04", "quantity": 1 }"""));
        Assert.True(reclassErrors.ContainsKey("newLocationCode"));

        var missing = await journal.Http.GetAsync(journal.Url($"itemJournals({Guid.NewGuid()})/itemJournalLines"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task batches_are_created_renamed_and_deleted_with_their_lines()
    {
        var company = await NewCompanyAsync(app);
        await company.ItemAsync("B-1", CostingMethod.FIFO);
        using var journal = For(app, company.TenantId, SaasPolicies.ItemsWrite);
        var all = await OkAsync(await journal.Http.GetAsync(journal.Url("itemJournals")));
        Assert.Equal(
            ["Item", "Phys. Inventory", "Reclassification", "Revaluation"],
            all["value"]!.AsArray().Where(b => (string?)b!["code"] == "DEFAULT").Select(b => (string)b!["template"]!).Order().ToArray());

        var created = await CreatedAsync(await journal.Http.PostAsync(journal.Url("itemJournals"), Api.Json("""{ "code": "weekly", "displayName": "Weekly counts", "template": "Phys. Inventory" }""")));
        Assert.Equal("WEEKLY", (string?)created["code"]);
        Assert.Equal("Phys. Inventory", (string?)created["template"]);
        var duplicate = await journal.Http.PostAsync(journal.Url("itemJournals"), Api.Json("""{ "code": "WEEKLY", "template": "Phys. Inventory" }"""));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        var sameCodeOtherTemplate = await journal.Http.PostAsync(journal.Url("itemJournals"), Api.Json("""{ "code": "WEEKLY", "template": "Item" }"""));
        Assert.Equal(HttpStatusCode.Created, sameCodeOtherTemplate.StatusCode);
        var badTemplate = await ErrorsAsync(await journal.Http.PostAsync(journal.Url("itemJournals"), Api.Json("""{ "code": "X", "template": "Sales" }""")));
        Assert.True(badTemplate.ContainsKey("template"));
        var noCode = await ErrorsAsync(await journal.Http.PostAsync(journal.Url("itemJournals"), Api.Json("""{ "template": "Item" }""")));
        Assert.True(noCode.ContainsKey("code"));

        var id = (Guid)created["id"]!;
        var renamed = await OkAsync(await Api.PatchAsync(journal.Http, journal.Url($"itemJournals({id})"), """{ "displayName": "Friday counts" }""", (string?)created["@odata.etag"]));
        Assert.Equal("Friday counts", (string?)renamed["displayName"]);
        var templateChange = await ErrorsAsync(await Api.PatchAsync(journal.Http, journal.Url($"itemJournals({id})"), """{ "template": "Item" }""", "*"));
        Assert.True(templateChange.ContainsKey("template"));

        await journal.AddLineOkAsync(id, """{ "itemNumber": "B-1", "locationCode": "MAIN", "postingDate": "2027-01-04", "quantityPhysInventory": 3 }""");
        Assert.Equal(HttpStatusCode.NoContent, (await journal.Http.DeleteAsync(journal.Url($"itemJournals({id})"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await journal.Http.GetAsync(journal.Url($"itemJournals({id})"))).StatusCode);
        Assert.Equal(0, await company.InTenantAsync(db => Task.FromResult(db.ItemJournalBatchLines.Count(l => l.BatchId == id))));

        // A template left without any batch gets a new DEFAULT when the journals are listed, as BC opens a journal.
        var reclass = await journal.DefaultBatchAsync("Reclassification");
        Assert.Equal(HttpStatusCode.NoContent, (await journal.Http.DeleteAsync(journal.Url($"itemJournals({reclass})"))).StatusCode);
        var reopened = await journal.DefaultBatchAsync("Reclassification");
        Assert.NotEqual(reclass, reopened);
    }

    [Fact]
    public async Task who_may_change_and_post_depends_on_the_template()
    {
        var company = await NewCompanyAsync(app);
        await company.ItemAsync("R-1", CostingMethod.FIFO);
        using var reader = For(app, company.TenantId);
        using var warehouse = For(app, company.TenantId, SaasPolicies.ItemsWrite);
        using var accountant = For(app, company.TenantId, SaasPolicies.InventoryValue);
        var item = await reader.DefaultBatchAsync("Item");
        var revaluation = await reader.DefaultBatchAsync("Revaluation");
        const string line = """{ "itemNumber": "R-1", "locationCode": "MAIN", "postingDate": "2027-01-04", "quantity": 1, "unitCost": 1 }""";

        Assert.Equal(HttpStatusCode.Forbidden, (await reader.AddLineAsync(item, line)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.ActionAsync(item, "post")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.Http.PostAsync(reader.Url("itemJournals"), Api.Json("""{ "code": "MINE", "template": "Item" }"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await accountant.AddLineAsync(item, line)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await warehouse.ActionAsync(revaluation, "calculateInventoryValue", """{ "postingDate": "2027-01-31" }""")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await warehouse.ActionAsync(revaluation, "post")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await warehouse.Http.PostAsync(warehouse.Url("itemJournals"), Api.Json("""{ "code": "MINE", "template": "Revaluation" }"""))).StatusCode);

        await warehouse.AddLineOkAsync(item, line);
        Assert.Single(await reader.LinesAsync(item)); // reading is for every member
        await OkAsync(await accountant.ActionAsync(revaluation, "calculateInventoryValue", """{ "postingDate": "2027-01-31" }"""));
    }
}

public sealed class item_journals_are_stored_documents_on_sqlite(SqliteApp app) : item_journals_are_stored_documents<SqliteApp>(app);

public sealed class item_journals_are_stored_documents_on_postgres(PostgresApp app) : item_journals_are_stored_documents<PostgresApp>(app);
