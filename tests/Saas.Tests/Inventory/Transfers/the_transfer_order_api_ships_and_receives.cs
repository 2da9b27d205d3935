using System.Net;
using System.Text.Json.Nodes;
using Saas.Tests.Infrastructure;
using Saas.Write.Inventory;
using static Saas.Tests.Posting.PostingHarness;

namespace Saas.Tests.Inventory.Transfers;

/// <summary>
/// Through HTTP: a transfer order created and filled, bad input refused per field (RFC 7807), a partial shipment
/// posted with an idempotency key (a retry posts nothing), the rest received, the posted shipments and receipts
/// listed with their lines, and readers without the write role refused.
/// </summary>
public abstract class the_transfer_order_api_ships_and_receives<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    [Fact]
    public async Task create_ship_partially_receive_and_list_posted_documents()
    {
        var company = await NewCompanyAsync(app);
        await company.ItemAsync("API-T", CostingMethod.FIFO);
        await company.LocationAsync("EAST");
        await company.PostAsync(Purchase("API-T", 10, 3, Day1));
        var tenant = new Saas.Tenancy.Catalog.TenantInfo { Id = company.TenantId, Identifier = "x", Name = "x" };
        using var writer = app.ClientFor(tenant, "Items.Write");

        var created = await writer.PostAsync(Api.Company(tenant.Id, "transferOrders"), Api.Json(
            """{ "transferFromCode": "main", "transferToCode": "EAST", "shipmentDate": "2027-01-05", "receiptDate": "2027-01-06" }"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var order = await Api.BodyAsync(created);
        Assert.Equal("TO00001", (string?)order["number"]);
        Assert.Equal("IN-TRANSIT", (string?)order["inTransitCode"]); // the company's only in-transit location
        Assert.Equal("2027-01-05", (string?)order["shipmentDate"]);
        var id = (string)order["id"]!;

        var line = await writer.PostAsync(Api.Company(tenant.Id, $"transferOrders({id})/transferOrderLines"), Api.Json("""{ "itemNumber": "api-t", "quantity": 8 }"""));
        Assert.Equal(HttpStatusCode.Created, line.StatusCode);
        var lineBody = await Api.BodyAsync(line);
        Assert.Equal(8m, (decimal)lineBody["qtyToShip"]!);
        Assert.Equal(8m, (decimal)lineBody["outstandingQuantity"]!);
        var lineUrl = Api.Company(tenant.Id, $"transferOrders({id})/transferOrderLines({lineBody["id"]})");

        var partial = await Api.PatchAsync(writer, lineUrl, """{ "qtyToShip": 5 }""", (string?)lineBody["@odata.etag"]);
        Assert.Equal(HttpStatusCode.OK, partial.StatusCode);

        const string key = """{ "idempotencyKey": "ship-api-1" }""";
        var shipped = await writer.PostAsync(Api.Company(tenant.Id, $"transferOrders({id})/Microsoft.NAV.ship"), Api.Json(key));
        Assert.Equal(HttpStatusCode.Created, shipped.StatusCode);
        Assert.Equal("TS00001", (string?)(await Api.BodyAsync(shipped))["documentNumber"]);
        var retried = await writer.PostAsync(Api.Company(tenant.Id, $"transferOrders({id})/Microsoft.NAV.ship"), Api.Json(key));
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.True((bool)(await Api.BodyAsync(retried))["alreadyPosted"]!);

        var card = await Api.GetOkAsync(writer, Api.Company(tenant.Id, $"transferOrders({id})"));
        var cardLine = card["transferOrderLines"]!.AsArray().Single()!;
        Assert.Equal(5m, (decimal)cardLine["quantityShipped"]!);
        Assert.Equal(3m, (decimal)cardLine["qtyToShip"]!);
        Assert.Equal(5m, (decimal)cardLine["qtyToReceive"]!);

        var received = await writer.PostAsync(Api.Company(tenant.Id, $"transferOrders({id})/Microsoft.NAV.receive"), null);
        Assert.Equal(HttpStatusCode.Created, received.StatusCode);
        var receipt = await Api.BodyAsync(received);
        Assert.Equal("TR00001", (string?)receipt["documentNumber"]);
        Assert.False((bool)receipt["orderDeleted"]!); // 3 are still to ship

        var list = await Api.GetOkAsync(writer, Api.Company(tenant.Id, "transferOrders?$search=TO0000"));
        Assert.Equal(1, (int)list["@odata.count"]!);
        var shipments = await Api.GetOkAsync(writer, Api.Company(tenant.Id, "postedTransferShipments"));
        var shipment = shipments["value"]!.AsArray().Single()!;
        Assert.Equal("TO00001", (string?)shipment["transferOrderNumber"]);
        Assert.Equal(5m, (decimal)shipment["lines"]!.AsArray().Single()!["quantity"]!);
        var receiptCard = await Api.GetOkAsync(writer, Api.Company(tenant.Id, $"postedTransferReceipts({receipt["documentId"]})"));
        Assert.Equal("EAST", (string?)receiptCard["transferToCode"]);
        Assert.Equal("2027-01-06", (string?)receiptCard["postingDate"]);
        Assert.Equal(HttpStatusCode.NotFound, (await writer.GetAsync(Api.Company(tenant.Id, $"postedTransferShipments({receipt["documentId"]})"))).StatusCode);

        // An order with goods in transit or shipped lines cannot just go away.
        var delete = await writer.DeleteAsync(Api.Company(tenant.Id, $"transferOrders({id})/transferOrderLines({lineBody["id"]})"));
        Assert.Equal(HttpStatusCode.BadRequest, delete.StatusCode);
    }

    [Fact]
    public async Task bad_input_is_refused_per_field_and_readers_cannot_post()
    {
        var company = await NewCompanyAsync(app);
        await company.ItemAsync("API-S", CostingMethod.FIFO, type: ItemType.Service);
        var tenant = new Saas.Tenancy.Catalog.TenantInfo { Id = company.TenantId, Identifier = "x", Name = "x" };
        using var writer = app.ClientFor(tenant, "Items.Write");

        var bad = await writer.PostAsync(Api.Company(tenant.Id, "transferOrders"), Api.Json(
            """{ "transferFromCode": "MAIN", "transferToCode": "MAIN", "inTransitCode": "MAIN" }"""));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await Api.BodyAsync(bad))["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("transferToCode"));
        Assert.True(errors.ContainsKey("inTransitCode"));
        Assert.Equal(HttpStatusCode.BadRequest, (await writer.PostAsync(Api.Company(tenant.Id, "transferOrders"), Api.Json("""{ "from": "MAIN" }"""))).StatusCode);

        await company.LocationAsync("WEST");
        var order = await Api.BodyAsync(await writer.PostAsync(Api.Company(tenant.Id, "transferOrders"), Api.Json("""{ "transferFromCode": "MAIN", "transferToCode": "WEST" }""")));
        var service = await writer.PostAsync(Api.Company(tenant.Id, $"transferOrders({order["id"]})/transferOrderLines"), Api.Json("""{ "itemNumber": "API-S", "quantity": 1 }"""));
        Assert.Equal(HttpStatusCode.BadRequest, service.StatusCode);
        Assert.Contains("only Inventory items", (string?)(await Api.BodyAsync(service))["errors"]!["itemNumber"]![0]);
        var nothing = await writer.PostAsync(Api.Company(tenant.Id, $"transferOrders({order["id"]})/Microsoft.NAV.ship"), null);
        Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);
        Assert.True((await Api.BodyAsync(nothing))["errors"]!.AsObject().ContainsKey("qtyToShip"));

        using var reader = app.ClientFor(tenant);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(Api.Company(tenant.Id, $"transferOrders({order["id"]})"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync(Api.Company(tenant.Id, $"transferOrders({order["id"]})/Microsoft.NAV.ship"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.DeleteAsync(Api.Company(tenant.Id, $"transferOrders({order["id"]})"))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await writer.DeleteAsync(Api.Company(tenant.Id, $"transferOrders({order["id"]})"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await writer.GetAsync(Api.Company(tenant.Id, $"transferOrders({order["id"]})"))).StatusCode);
    }
}

public sealed class the_transfer_order_api_ships_and_receives_on_sqlite(SqliteApp app)
    : the_transfer_order_api_ships_and_receives<SqliteApp>(app);

public sealed class the_transfer_order_api_ships_and_receives_on_postgres(PostgresApp app)
    : the_transfer_order_api_ships_and_receives<PostgresApp>(app);
