using System.Net;
using System.Text.Json.Nodes;
using Saas.Identity;
using Saas.Tests.Infrastructure;
using Saas.Write.Inventory;
using static Saas.Tests.ItemJournals.JournalClient;
using static Saas.Tests.Posting.PostingHarness;

namespace Saas.Tests.Bugs;

/// <summary>
/// Issue 8: the same idempotency key with a different request was answered 200 with the first posting's result, so a
/// client that reused a key by mistake believed its second posting had happened. Every posting entry point that takes
/// a key now answers 422 (RFC 7807, naming <c>idempotencyKey</c>) and posts nothing; the same request again still
/// gets the first result, also when only its JSON form differs (whitespace, property order, 10 vs 10.0).
/// </summary>
public abstract class Bug_idempotency_key_reused_with_another_request<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    private const string Journal = """
        { "template": "Item", "idempotencyKey": "K-1", "lines": [
            { "entryType": "Positive Adjmt.", "itemNumber": "IDK", "locationCode": "MAIN", "postingDate": "2027-01-04", "quantity": 10, "unitCost": 2.5 } ] }
        """;

    [Fact]
    public async Task item_journal_post_from_the_request_body()
    {
        var company = await NewCompanyAsync(app);
        await company.ItemAsync("IDK", CostingMethod.FIFO);
        using var journal = For(app, company.TenantId, SaasPolicies.ItemsWrite);
        var url = journal.Url("itemJournals/Microsoft.NAV.post");

        var first = await CreatedAsync(await journal.Http.PostAsync(url, Api.Json(Journal)));
        var same = """
            {"lines":[{"quantity":10.0,"unitCost":2.50,"itemNumber":"IDK","entryType":"Positive Adjmt.","postingDate":"2027-01-04","locationCode":"MAIN"}],
             "idempotencyKey":"K-1","template":"Item"}
            """;
        var again = await OkAsync(await journal.Http.PostAsync(url, Api.Json(same)));
        Assert.True((bool)again["alreadyPosted"]!);
        Assert.Equal((long)first["registerNumber"]!, (long)again["registerNumber"]!);

        await AssertRefusedAsync(await journal.Http.PostAsync(url, Api.Json(Journal.Replace("\"quantity\": 10", "\"quantity\": 11"))));
        await AssertRefusedAsync(await journal.Http.PostAsync(url, Api.Json(Journal.Replace("\"template\": \"Item\",", "\"documentNumber\": \"D-2\", \"template\": \"Item\","))));
        var ledgers = await company.LedgersAsync();
        Assert.Equal(10m, ledgers.QuantityOf("IDK"));
        Assert.Single(ledgers.Registers);
    }

    [Fact]
    public async Task stored_batch_post()
    {
        var company = await NewCompanyAsync(app);
        await company.ItemAsync("IDK", CostingMethod.FIFO);
        using var journal = For(app, company.TenantId, SaasPolicies.ItemsWrite);
        var batch = await journal.DefaultBatchAsync("Item");
        const string line = """{ "entryType": "Positive Adjmt.", "itemNumber": "IDK", "locationCode": "MAIN", "postingDate": "2027-01-04", "quantity": 3, "unitCost": 1 }""";
        await journal.AddLineOkAsync(batch, line);
        var second = (Guid)(await CreatedAsync(await journal.Http.PostAsync(journal.Url("itemJournals"),
            Api.Json("""{ "code": "SECOND", "displayName": "Second", "template": "Item" }"""))))["id"]!;
        await journal.AddLineOkAsync(second, line);

        var first = await CreatedAsync(await journal.ActionAsync(batch, "post", """{ "idempotencyKey": "B-1" }"""));
        var again = await OkAsync(await journal.ActionAsync(batch, "post", """{ "idempotencyKey": "B-1" }"""));
        Assert.Equal((long)first["registerNumber"]!, (long)again["registerNumber"]!);

        // Another batch, or the same batch as another document number, with the key of the first post.
        await AssertRefusedAsync(await journal.ActionAsync(second, "post", """{ "idempotencyKey": "B-1" }"""));
        await AssertRefusedAsync(await journal.ActionAsync(batch, "post", """{ "idempotencyKey": "B-1", "documentNumber": "OTHER" }"""));
        Assert.Single(await journal.LinesAsync(second)); // nothing posted, the line is still there
        Assert.Equal(3m, (await company.LedgersAsync()).QuantityOf("IDK"));

        // A key is one company-wide request: the request-body journal cannot reuse it either.
        await AssertRefusedAsync(await journal.Http.PostAsync(journal.Url("itemJournals/Microsoft.NAV.post"), Api.Json(Journal.Replace("K-1", "B-1"))));
    }

    [Fact]
    public async Task transfer_order_ship_and_receive()
    {
        var company = await NewCompanyAsync(app);
        await company.ItemAsync("IDK", CostingMethod.FIFO);
        await company.LocationAsync("EAST");
        await company.PostAsync(Purchase("IDK", 10, 3, Day1));
        var tenant = new Saas.Tenancy.Catalog.TenantInfo { Id = company.TenantId, Identifier = "x", Name = "x" };
        using var writer = app.ClientFor(tenant, "Items.Write");
        var order = await Api.BodyAsync(await writer.PostAsync(Api.Company(tenant.Id, "transferOrders"), Api.Json(
            """{ "transferFromCode": "MAIN", "transferToCode": "EAST", "shipmentDate": "2027-01-05", "receiptDate": "2027-01-06" }""")));
        var id = (string)order["id"]!;
        await CreatedAsync(await writer.PostAsync(Api.Company(tenant.Id, $"transferOrders({id})/transferOrderLines"), Api.Json("""{ "itemNumber": "IDK", "quantity": 4 }""")));

        const string key = """{ "idempotencyKey": "T-1" }""";
        var ship = Api.Company(tenant.Id, $"transferOrders({id})/Microsoft.NAV.ship");
        var receive = Api.Company(tenant.Id, $"transferOrders({id})/Microsoft.NAV.receive");
        var shipped = await CreatedAsync(await writer.PostAsync(ship, Api.Json(key)));
        var again = await OkAsync(await writer.PostAsync(ship, Api.Json(key)));
        Assert.Equal((string?)shipped["documentNumber"], (string?)again["documentNumber"]);

        // Receiving is another request: the shipment's key must not answer it with the shipment.
        await AssertRefusedAsync(await writer.PostAsync(receive, Api.Json(key)));
        var ledgers = await company.LedgersAsync();
        Assert.Equal(0m, ledgers.Items.Where(e => e.LocationCode == "EAST").Sum(e => e.Quantity));

        var received = await CreatedAsync(await writer.PostAsync(receive, Api.Json("""{ "idempotencyKey": "T-2" }""")));
        Assert.StartsWith("TR", (string?)received["documentNumber"]);
        (await company.LedgersAsync()).AssertInvariants();
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode} {text}");
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.ToString());
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(422, (int)problem["status"]!);
        var errors = problem["errors"]!.AsObject();
        Assert.Equal(["idempotencyKey"], errors.Select(e => e.Key));
    }
}

public sealed class Bug_idempotency_key_reused_with_another_request_on_sqlite(SqliteApp app)
    : Bug_idempotency_key_reused_with_another_request<SqliteApp>(app);

public sealed class Bug_idempotency_key_reused_with_another_request_on_postgres(PostgresApp app)
    : Bug_idempotency_key_reused_with_another_request<PostgresApp>(app);
