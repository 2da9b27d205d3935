using System.Net;
using System.Text.Json.Nodes;
using Saas.Tests.Infrastructure;
using Saas.Write.Inventory;
using static Saas.Tests.Posting.PostingHarness;

namespace Saas.Tests.Posting;

/// <summary>
/// Through HTTP: an item journal previewed (nothing written) and posted with Microsoft.NAV.post, a physical
/// inventory calculated and its count posted, the entries listed with filters, the trial balance by date range,
/// bad input refused per field, and readers without the write role refused.
/// </summary>
public abstract class the_ledger_api_posts_journals_and_lists_entries<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    [Fact]
    public async Task journal_post_entries_and_trial_balance()
    {
        var company = await NewCompanyAsync(app);
        await company.ItemAsync("API-1", CostingMethod.FIFO);
        var tenant = company.TenantId;
        using var writer = app.ClientFor(new Saas.Tenancy.Catalog.TenantInfo { Id = tenant, Identifier = "x", Name = "x" }, "Items.Write");
        const string journal = """
            { "template": "Item", "lines": [
                { "entryType": "Positive Adjmt.", "itemNumber": "API-1", "locationCode": "MAIN", "postingDate": "2027-01-04", "quantity": 10, "unitCost": 2.5 },
                { "entryType": "Negative Adjmt.", "itemNumber": "API-1", "locationCode": "MAIN", "postingDate": "2027-01-05", "quantity": 4 } ] }
            """;

        var preview = await writer.PostAsync(Api.Company(tenant, "itemJournals/Microsoft.NAV.post"), Api.Json(journal.Replace("\"template\"", "\"preview\": true, \"template\"")));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal(4, (await Api.BodyAsync(preview))["generalLedgerEntries"]!.AsArray().Count);
        Assert.Empty((await company.LedgersAsync()).Items);

        var posted = await writer.PostAsync(Api.Company(tenant, "itemJournals/Microsoft.NAV.post"), Api.Json(journal));
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Equal(1, (int)(await Api.BodyAsync(posted))["registerNumber"]!);

        var entries = await Api.GetOkAsync(writer, Api.Company(tenant, "itemLedgerEntries?itemNumber=API-1&fromDate=2027-01-04&toDate=2027-01-04"));
        var receipt = Assert.Single(entries["value"]!.AsArray())!;
        Assert.Equal(10m, (decimal)receipt["quantity"]!);
        Assert.Equal(6m, (decimal)receipt["remainingQuantity"]!);
        Assert.True((bool)receipt["open"]!);
        Assert.Equal(25m, (decimal)receipt["costAmountActual"]!);
        Assert.Equal("2027-01-04", (string?)receipt["postingDate"]);

        var inventoryAccount = await Api.GetOkAsync(writer, Api.Company(tenant, "generalLedgerEntries?accountNumber=1300"));
        Assert.Equal(15m, inventoryAccount["value"]!.AsArray().Sum(e => (decimal)e!["amount"]!));
        var values = await Api.GetOkAsync(writer, Api.Company(tenant, "valueEntries?$top=1"));
        Assert.Equal(2, (int)values["@odata.count"]!);
        Assert.Single(values["value"]!.AsArray());

        // Navigate's links: an item ledger entry's value entries, a value entry's G/L entries, one entry by number.
        var ofReceipt = await Api.GetOkAsync(writer, Api.Company(tenant, $"valueEntries?itemLedgerEntryNumber={(long)receipt["entryNumber"]!}"));
        var receiptValue = Assert.Single(ofReceipt["value"]!.AsArray())!;
        var ofValue = await Api.GetOkAsync(writer, Api.Company(tenant, $"generalLedgerEntries?valueEntryNumber={(long)receiptValue["entryNumber"]!}"));
        Assert.Equal(new[] { 25m, -25m }, ofValue["value"]!.AsArray().Select(g => (decimal)g!["amount"]!).OrderDescending());
        var one = await Api.GetOkAsync(writer, Api.Company(tenant, $"itemLedgerEntries?entryNumber={(long)receipt["entryNumber"]!}"));
        Assert.Equal(1, (int)one["@odata.count"]!);

        var balance = await Api.GetOkAsync(writer, Api.Company(tenant, "trialBalance?dateFilter=2027-01-05..2027-01-31"));
        var rows = balance["value"]!.AsArray();
        Assert.Equal(15m, (decimal)rows.Single(r => (string?)r!["number"] == "1300")!["balance"]!);
        Assert.Equal(-10m, (decimal)rows.Single(r => (string?)r!["number"] == "1300")!["netChange"]!);
        Assert.Equal(10m, (decimal)rows.Single(r => (string?)r!["number"] == "5300")!["balance"]!); // income statement: net change only

        // Physical inventory: the books say 6, we count 5.
        var calculated = await Api.GetOkAsync(writer, Api.Company(tenant, "itemJournals/physicalInventory?postingDate=2027-01-10"));
        var line = Assert.Single(calculated["value"]!.AsArray())!;
        Assert.Equal(6m, (decimal)line["quantityCalculated"]!);
        var counted = await writer.PostAsync(Api.Company(tenant, "itemJournals/Microsoft.NAV.post"), Api.Json("""
            { "template": "Phys. Inventory", "lines": [ { "itemNumber": "API-1", "locationCode": "MAIN", "postingDate": "2027-01-10", "quantityCalculated": 6, "quantityPhysInventory": 5 } ] }
            """));
        Assert.Equal(HttpStatusCode.Created, counted.StatusCode);
        var ledgers = await company.LedgersAsync();
        Assert.Equal(5, ledgers.QuantityOf("API-1"));
        ledgers.AssertInvariants();
    }

    [Fact]
    public async Task bad_input_and_missing_roles_are_refused()
    {
        var company = await NewCompanyAsync(app);
        var tenant = new Saas.Tenancy.Catalog.TenantInfo { Id = company.TenantId, Identifier = "x", Name = "x" };
        using var writer = app.ClientFor(tenant, "Items.Write");
        var bad = await writer.PostAsync(Api.Company(tenant.Id, "itemJournals/Microsoft.NAV.post"), Api.Json("""
            { "lines": [ { "entryType": "Gift", "itemNumber": "", "quantity": 1 } ] }
            """));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await Api.BodyAsync(bad))["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("lines[0].entryType"));
        Assert.True(errors.ContainsKey("lines[0].postingDate"));

        var badDate = await writer.GetAsync(Api.Company(tenant.Id, "generalLedgerEntries?fromDate=yesterday"));
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        var badEntry = await writer.GetAsync(Api.Company(tenant.Id, "generalLedgerEntries?valueEntryNumber=first"));
        Assert.Equal(HttpStatusCode.BadRequest, badEntry.StatusCode);
        Assert.True((await Api.BodyAsync(badEntry))["errors"]!.AsObject().ContainsKey("valueEntryNumber"));

        using var reader = app.ClientFor(tenant);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(Api.Company(tenant.Id, "accounts"))).StatusCode);
        var refused = await reader.PostAsync(Api.Company(tenant.Id, "itemJournals/Microsoft.NAV.post"), Api.Json("""{ "lines": [] }"""));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}

public sealed class the_ledger_api_posts_journals_and_lists_entries_on_sqlite(SqliteApp app)
    : the_ledger_api_posts_journals_and_lists_entries<SqliteApp>(app);

public sealed class the_ledger_api_posts_journals_and_lists_entries_on_postgres(PostgresApp app)
    : the_ledger_api_posts_journals_and_lists_entries<PostgresApp>(app);
