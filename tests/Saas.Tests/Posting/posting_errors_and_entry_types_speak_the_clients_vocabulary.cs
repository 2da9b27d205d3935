using System.Net;
using System.Text.Json.Nodes;
using Saas.Identity;
using Saas.Tests.Infrastructure;
using Saas.Write.Inventory;
using static Saas.Tests.ItemJournals.JournalClient;
using static Saas.Tests.Posting.PostingHarness;

namespace Saas.Tests.Posting;

/// <summary>
/// Issue 8, one vocabulary: a refused posting names the exact JSON path the client sent (<c>lines[0].itemNumber</c>, not
/// the engine's <c>lines[0].itemNo</c>; a transfer line's <c>qtyToShip</c>), a number too large for an amount gets the
/// field's range instead of "Malformed request body" with a .NET type name, and entry types are BC's words
/// ("Positive Adjmt.", "Direct Cost") in the posting response, the ledger lists and the OpenAPI document alike.
/// </summary>
public abstract class posting_errors_and_entry_types_speak_the_clients_vocabulary<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    private static string Line(string item, string quantity = "1") =>
        $$"""{ "entryType": "Positive Adjmt.", "itemNumber": "{{item}}", "locationCode": "MAIN", "postingDate": "2027-01-04", "quantity": {{quantity}}, "unitCost": 2 }""";

    [Fact]
    public async Task the_request_body_journal_names_its_own_fields()
    {
        var company = await NewCompanyAsync(app);
        await company.ItemAsync("VOC", CostingMethod.FIFO);
        using var journal = For(app, company.TenantId, SaasPolicies.ItemsWrite);
        var url = journal.Url("itemJournals/Microsoft.NAV.post");

        var unknown = await ErrorsOfAsync(await journal.Http.PostAsync(url, Api.Json($$"""{ "lines": [ {{Line("VOC")}}, {{Line("NOPE")}} ] }""")));
        Assert.Equal(["lines[1].itemNumber"], unknown.Select(e => e.Key));

        // A physical inventory line whose count matches posts nothing: the engine's lines[0] is the client's lines[1].
        var counted = await ErrorsOfAsync(await journal.Http.PostAsync(url, Api.Json("""
            { "template": "Phys. Inventory", "lines": [
                { "itemNumber": "VOC", "locationCode": "MAIN", "postingDate": "2027-01-04", "quantityCalculated": 0, "quantityPhysInventory": 0 },
                { "itemNumber": "VOC", "locationCode": "NOWHERE", "postingDate": "2027-01-04", "quantityCalculated": 0, "quantityPhysInventory": 2 } ] }
            """)));
        Assert.Equal(["lines[1].locationCode"], counted.Select(e => e.Key));

        var document = await ErrorsOfAsync(await journal.Http.PostAsync(url, Api.Json($$"""{ "documentNumber": "{{new string('D', 21)}}", "lines": [ {{Line("VOC")}} ] }""")));
        Assert.Equal(["documentNumber"], document.Select(e => e.Key));
        Assert.Empty((await company.LedgersAsync()).Items);
    }

    [Theory]
    [InlineData("1e30", "lines[0].quantity", "999,999,999,999", "The input is not valid.")]
    [InlineData("-1e30", "lines[0].quantity", "999,999,999,999", "The input is not valid.")]
    [InlineData("\"5\"", "lines[0].quantity", "must be a number", "Malformed request body")]
    public async Task a_number_the_field_cannot_take_is_reported_at_its_json_path(string quantity, string field, string reason, string title)
    {
        var company = await NewCompanyAsync(app);
        await company.ItemAsync("VOC", CostingMethod.FIFO);
        using var journal = For(app, company.TenantId, SaasPolicies.ItemsWrite);

        var response = await journal.Http.PostAsync(journal.Url("itemJournals/Microsoft.NAV.post"), Api.Json($$"""{ "lines": [ {{Line("VOC", quantity)}} ] }"""));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(title, (string?)problem["title"]);
        var errors = problem["errors"]!.AsObject();
        Assert.Equal([field], errors.Select(e => e.Key));
        Assert.Contains(reason, (string?)errors[field]![0]);
        Assert.DoesNotContain("System.", text);
        Assert.DoesNotContain("Saas.", text);
    }

    [Fact]
    public async Task an_unknown_field_is_named_without_dotnet_type_names()
    {
        var company = await NewCompanyAsync(app);
        using var journal = For(app, company.TenantId, SaasPolicies.ItemsWrite);
        var response = await journal.Http.PostAsync(journal.Url("itemJournals/Microsoft.NAV.post"),
            Api.Json("""{ "lines": [ { "itemNumber": "X", "qty": 1 } ] }"""));
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["lines[0].qty"], JsonNode.Parse(text)!["errors"]!.AsObject().Select(e => e.Key));
        Assert.DoesNotContain("Saas.", text);
        Assert.DoesNotContain("System.", text);
    }

    [Fact]
    public async Task a_transfer_shipment_names_the_lines_quantity_to_ship()
    {
        var company = await NewCompanyAsync(app);
        await company.ItemAsync("VOC-T", CostingMethod.FIFO);
        await company.LocationAsync("EAST");
        await company.PostAsync(Purchase("VOC-T", 2, 3, Day1));
        var tenant = new Saas.Tenancy.Catalog.TenantInfo { Id = company.TenantId, Identifier = "x", Name = "x" };
        using var writer = app.ClientFor(tenant, "Items.Write");
        var order = await Api.BodyAsync(await writer.PostAsync(Api.Company(tenant.Id, "transferOrders"), Api.Json(
            """{ "transferFromCode": "MAIN", "transferToCode": "EAST", "shipmentDate": "2027-01-05", "receiptDate": "2027-01-06" }""")));
        var line = await CreatedAsync(await writer.PostAsync(Api.Company(tenant.Id, $"transferOrders({order["id"]})/transferOrderLines"),
            Api.Json("""{ "itemNumber": "VOC-T", "quantity": 5 }""")));

        var errors = await ErrorsOfAsync(await writer.PostAsync(Api.Company(tenant.Id, $"transferOrders({order["id"]})/Microsoft.NAV.ship"), null));
        Assert.Equal([$"transferLines[{(int)line["lineNumber"]!}].qtyToShip"], errors.Select(e => e.Key));
    }

    [Fact]
    public async Task entry_types_are_bcs_words_in_responses_lists_and_the_openapi_document()
    {
        var company = await NewCompanyAsync(app);
        await company.ItemAsync("VOC", CostingMethod.FIFO);
        using var journal = For(app, company.TenantId, SaasPolicies.ItemsWrite);
        var posted = await CreatedAsync(await journal.Http.PostAsync(journal.Url("itemJournals/Microsoft.NAV.post"),
            Api.Json($$"""{ "lines": [ {{Line("VOC", "3")}} ] }""")));
        Assert.Equal("Positive Adjmt.", (string?)posted["itemLedgerEntries"]![0]!["entryType"]);
        Assert.Equal("Direct Cost", (string?)posted["valueEntries"]![0]!["entryType"]);

        var entries = await OkAsync(await journal.Http.GetAsync(journal.Url("itemLedgerEntries?itemNumber=VOC")));
        Assert.Equal("Positive Adjmt.", (string?)entries["value"]![0]!["entryType"]);
        var values = await OkAsync(await journal.Http.GetAsync(journal.Url("valueEntries?itemNumber=VOC")));
        Assert.Equal("Direct Cost", (string?)values["value"]![0]!["entryType"]);
        Assert.Equal("Positive Adjmt.", (string?)values["value"]![0]!["itemLedgerEntryType"]);
        var counted = await OkAsync(await journal.Http.GetAsync(journal.Url("itemJournals/physicalInventory?postingDate=2027-01-10")));
        Assert.Equal("Positive Adjmt.", (string?)counted["value"]![0]!["entryType"]);

        var document = JsonNode.Parse(await journal.Http.GetStringAsync("/openapi/v1.json"))!;
        var schemas = document["components"]!["schemas"]!.AsObject();
        List<string> Words(string schema, string property) =>
            (schemas[schema] ?? throw new Xunit.Sdk.XunitException($"no schema {schema} in {string.Join(", ", schemas.Select(s => s.Key))}"))
                ["properties"]![property]!["enum"]!.AsArray().Select(w => (string)w!).ToList();
        Assert.Equal(["Purchase", "Sale", "Positive Adjmt.", "Negative Adjmt.", "Transfer"], Words("PostedItemLedgerEntry", "entryType"));
        Assert.Equal(["Direct Cost", "Indirect Cost", "Variance", "Revaluation", "Rounding"], Words("PostedValueEntry", "entryType"));
        Assert.Contains("Positive Adjmt.", Words("ItemLedgerEntryRow", "entryType"));
        Assert.Contains("Direct Cost", Words("ValueEntryRow", "entryType"));
    }

    private static async Task<JsonObject> ErrorsOfAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!["errors"]!.AsObject();
    }
}

public sealed class posting_errors_and_entry_types_speak_the_clients_vocabulary_on_sqlite(SqliteApp app)
    : posting_errors_and_entry_types_speak_the_clients_vocabulary<SqliteApp>(app);

public sealed class posting_errors_and_entry_types_speak_the_clients_vocabulary_on_postgres(PostgresApp app)
    : posting_errors_and_entry_types_speak_the_clients_vocabulary<PostgresApp>(app);
