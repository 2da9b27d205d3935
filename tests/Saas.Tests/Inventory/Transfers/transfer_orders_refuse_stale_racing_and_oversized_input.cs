using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saas.Tests.Infrastructure;
using Saas.Write;
using Saas.Write.Common;
using Saas.Write.Inventory;
using Saas.Write.Inventory.Transfers;
using Saas.Write.Setup;
using static Saas.Tests.Posting.PostingHarness;
using Accounts = Saas.Write.Finance.Setup.DefaultFinanceSetup.Accounts;

namespace Saas.Tests.Inventory.Transfers;

/// <summary>
/// The review's findings on transfer orders: postings of one order take turns (parallel receipts receive once),
/// If-Match is honoured on line changes and on deletes, oversized quantities are a field error, an order's lines
/// are paged, an empty body of an action is no body, an in-transit location gets its account, and Use As
/// In-Transit cannot change under entries or orders.
/// </summary>
public abstract class transfer_orders_refuse_stale_racing_and_oversized_input<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    [Fact]
    public async Task parallel_receipts_of_one_order_receive_once_and_the_others_find_nothing_to_receive()
    {
        var company = await NewCompanyAsync(app);
        var steps = new TransferSteps(company);
        var item = await company.ItemAsync("T-RACE", CostingMethod.FIFO);
        var east = await company.LocationAsync("EAST");
        await company.PostAsync(Purchase(item, 10, 10, Day1));
        var order = await steps.OrderAsync("MAIN", east, Day1.AddDays(1), Day1.AddDays(2));
        var line = await steps.LineAsync(order.Id, item, 10);
        await steps.ChangeLineAsync(line, qtyToShip: 6);
        var later = await steps.LineAsync(order.Id, item, 1);
        await steps.ChangeLineAsync(later, qtyToShip: 0); // keeps the order open after everything else arrived

        // Each shipment resets Qty. to Ship to what is outstanding: the second ships the other 4, the rest find nothing.
        var ships = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Attempt(() => steps.ShipAsync(order.Id, $"ship-{i}"))));
        Assert.Equal(2, ships.Count(s => s.Posted is not null));
        Assert.All(ships.Where(s => s.Posted is null), s => Assert.Contains("nothing to post", s.Refused!.Errors["qtyToShip"].Single()));
        line = (await steps.ReloadAsync(line))!;
        Assert.Equal((10m, 0m, 10m), (line.QuantityShipped, line.QtyToShip, line.QtyToReceive));

        var receipts = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Attempt(() => steps.ReceiveAsync(order.Id, $"receive-{i}"))));
        Assert.Single(receipts, r => r.Posted is not null);
        Assert.All(receipts.Where(r => r.Posted is null), r => Assert.Contains("nothing to post", r.Refused!.Errors["qtyToReceive"].Single()));

        line = (await steps.ReloadAsync(line))!;
        Assert.Equal((10m, 0m), (line.QuantityReceived, line.QtyToReceive));
        var documents = await steps.DocumentsAsync();
        Assert.Equal(["TS00001", "TS00002", "TR00001"], documents.Select(d => d.Number)); // refused postings used no number
        var ledgers = await company.LedgersAsync();
        Assert.Equal(10m, ledgers.Items.Where(e => e.LocationCode == east).Sum(e => e.Quantity));
        Assert.Equal(0m, ledgers.Items.Where(e => e.LocationCode == TransferSteps.InTransit).Sum(e => e.Quantity));
        Assert.Equal(0m, ledgers.Balance(Accounts.InventoryInTransit));
        ledgers.AssertInvariants();
    }

    [Fact]
    public async Task a_posting_of_an_order_deleted_meanwhile_is_not_found_and_a_retry_of_its_completing_receipt_still_answers()
    {
        var company = await NewCompanyAsync(app);
        var steps = new TransferSteps(company);
        var item = await company.ItemAsync("T-GONE", CostingMethod.FIFO);
        var east = await company.LocationAsync("EAST");
        await company.PostAsync(Purchase(item, 3, 10, Day1));
        var order = await steps.OrderAsync("MAIN", east, Day1.AddDays(1));
        await steps.LineAsync(order.Id, item, 3);
        await steps.ShipAsync(order.Id);
        var receipt = await steps.ReceiveAsync(order.Id, "complete-1");
        Assert.True(receipt.OrderDeleted);

        var again = await steps.ReceiveAsync(order.Id, "complete-1");
        Assert.True(again.AlreadyPosted);
        Assert.Equal(receipt.DocumentNo, again.DocumentNo);
        await Assert.ThrowsAsync<NotFoundException>(() => steps.ReceiveAsync(order.Id, "complete-2"));
    }

    [Fact]
    public async Task if_match_is_honoured_on_line_changes_and_on_deletes()
    {
        var (tenant, writer, order, _) = await OrderWithLineAsync("T-ETAG");
        var lines = Api.Company(tenant, $"transferOrders({order})/transferOrderLines");
        var line = await Api.BodyAsync(await writer.PostAsync(lines, Api.Json("""{ "itemNumber": "T-ETAG", "quantity": 2 }""")));
        var lineUrl = Api.Company(tenant, $"transferOrders({order})/transferOrderLines({line["id"]})");
        var first = (string)line["@odata.etag"]!;

        var changed = await Api.PatchAsync(writer, lineUrl, """{ "qtyToShip": 1 }""", first);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var current = changed.Headers.ETag!.ToString();
        Assert.NotEqual(first, current);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await Api.PatchAsync(writer, lineUrl, """{ "qtyToShip": 2 }""", first)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await DeleteAsync(writer, lineUrl, first)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await DeleteAsync(writer, lineUrl, current)).StatusCode);

        var orderUrl = Api.Company(tenant, $"transferOrders({order})");
        var card = await writer.GetAsync(orderUrl);
        var orderTag = card.Headers.ETag!.ToString();
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await DeleteAsync(writer, orderUrl, "W/\"1\"")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await writer.GetAsync(orderUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await DeleteAsync(writer, orderUrl, orderTag)).StatusCode);
    }

    [Fact]
    public async Task a_huge_quantity_is_refused_by_field_not_with_a_server_error()
    {
        var (tenant, writer, order, lineUrl) = await OrderWithLineAsync("T-HUGE");
        var lines = Api.Company(tenant, $"transferOrders({order})/transferOrderLines");
        var added = await writer.PostAsync(lines, Api.Json("""{ "itemNumber": "T-HUGE", "quantity": 1e27 }"""));
        Assert.Equal(HttpStatusCode.BadRequest, added.StatusCode);
        Assert.Contains("must be between", (string?)(await Api.BodyAsync(added))["errors"]!["quantity"]![0]);

        foreach (var field in new[] { "quantity", "qtyToShip", "qtyToReceive" })
        {
            var etag = (await writer.GetAsync(lineUrl)).Headers.ETag!.ToString();
            var changed = await Api.PatchAsync(writer, lineUrl, $$"""{ "{{field}}": 1e27 }""", etag);
            Assert.Equal(HttpStatusCode.BadRequest, changed.StatusCode);
            Assert.Contains("must be between", (string?)(await Api.BodyAsync(changed))["errors"]![field]![0]);
        }
    }

    [Fact]
    public async Task an_orders_lines_are_paged_and_an_empty_action_body_is_no_body()
    {
        var (tenant, writer, order, _) = await OrderWithLineAsync("T-PAGE");
        var lines = Api.Company(tenant, $"transferOrders({order})/transferOrderLines");
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await writer.PostAsync(lines, Api.Json("""{ "itemNumber": "T-PAGE", "quantity": 1 }"""))).StatusCode);
        }

        var page = await Api.BodyAsync(await writer.GetAsync(lines + "?$top=2"));
        Assert.Equal(3, (int)page["@odata.count"]!);
        Assert.Equal([10000, 20000], page["value"]!.AsArray().Select(l => (int)l!["lineNumber"]!));
        var rest = await Api.BodyAsync(await writer.GetAsync(lines + "?$top=2&$skip=2"));
        Assert.Equal([30000], rest["value"]!.AsArray().Select(l => (int)l!["lineNumber"]!));
        Assert.Equal(HttpStatusCode.BadRequest, (await writer.GetAsync(lines + "?$orderby=nonsense")).StatusCode);

        // Nothing is in transit: an empty JSON body is "no body", so the answer is the business one, per field.
        var receive = await writer.PostAsync(Api.Company(tenant, $"transferOrders({order})/Microsoft.NAV.receive"), Api.Json(""));
        Assert.Equal(HttpStatusCode.BadRequest, receive.StatusCode);
        Assert.True((await Api.BodyAsync(receive))["errors"]!.AsObject().ContainsKey("qtyToReceive"));
        var text = await writer.PostAsync(Api.Company(tenant, $"transferOrders({order})/Microsoft.NAV.receive"), new StringContent("key=1"));
        Assert.Equal(HttpStatusCode.BadRequest, text.StatusCode);
        Assert.Equal("Malformed request body", (string?)(await Api.BodyAsync(text))["title"]);
    }

    [Fact]
    public async Task an_in_transit_location_gets_the_in_transit_account_when_the_company_has_none()
    {
        var company = await NewCompanyAsync(app);
        await company.InTenantAsync(async db =>
        {
            // A company onboarded before the account joined the chart.
            await db.InventoryPostingSetups.Where(s => s.InventoryAccount == Accounts.InventoryInTransit).ExecuteDeleteAsync();
            await db.GLAccounts.Where(a => a.Number == Accounts.InventoryInTransit).ExecuteDeleteAsync();
        });

        await company.WithServicesAsync(sp => sp.GetRequiredService<CreateLocationHandler>()
            .HandleAsync(new CreateLocation { Code = "TRUCK", DisplayName = "Truck", UseAsInTransit = true }));

        var (account, setup) = await company.InTenantAsync(async db => (
            await db.GLAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Number == Accounts.InventoryInTransit),
            await db.InventoryPostingSetups.AsNoTracking().SingleAsync(s => s.LocationCode == "TRUCK")));
        Assert.NotNull(account);
        Assert.Equal("Inventory in Transit", account.Name);
        Assert.Equal(Accounts.InventoryInTransit, setup.InventoryAccount);

        // A second one finds it there.
        await company.WithServicesAsync(sp => sp.GetRequiredService<CreateLocationHandler>()
            .HandleAsync(new CreateLocation { Code = "VAN", DisplayName = "Van", UseAsInTransit = true }));
        Assert.Equal(1, await company.InTenantAsync(db => db.GLAccounts.CountAsync(a => a.Number == Accounts.InventoryInTransit)));
    }

    [Fact]
    public async Task use_as_in_transit_cannot_change_on_a_location_with_entries_or_transfer_orders()
    {
        var company = await NewCompanyAsync(app);
        var steps = new TransferSteps(company);
        var item = await company.ItemAsync("T-FLIP", CostingMethod.FIFO);
        var east = await company.LocationAsync("EAST");
        var west = await company.LocationAsync("WEST");
        await company.LocationAsync("SPARE");
        await company.PostAsync(Purchase(item, 1, 10, Day1, location: east));
        await steps.OrderAsync("MAIN", west, Day1);

        var withEntries = await Assert.ThrowsAsync<ValidationFailedException>(() => FlipAsync(company, east, true));
        Assert.Contains("item ledger entries", withEntries.Errors["useAsInTransit"].Single());
        var onOrder = await Assert.ThrowsAsync<ValidationFailedException>(() => FlipAsync(company, west, true));
        Assert.Contains("transfer orders", onOrder.Errors["useAsInTransit"].Single());
        var transit = await Assert.ThrowsAsync<ValidationFailedException>(() => FlipAsync(company, TransferSteps.InTransit, false));
        Assert.True(transit.Errors.ContainsKey("useAsInTransit"));

        await FlipAsync(company, "SPARE", true);
        Assert.True(await company.InTenantAsync(db => db.Locations.Where(l => l.Code == "SPARE").Select(l => l.UseAsInTransit).SingleAsync()));
        await FlipAsync(company, east, false); // unchanged is no change
    }

    private static Task FlipAsync(Saas.Tests.Posting.PostingHarness company, string code, bool inTransit) =>
        company.WithServicesAsync(async sp =>
        {
            var id = await sp.GetRequiredService<WriteDbContext>().Locations.Where(l => l.Code == code).Select(l => l.Id).SingleAsync();
            return await sp.GetRequiredService<UpdateLocationHandler>().HandleAsync(new UpdateLocation { Id = id, UseAsInTransit = inTransit });
        });

    private async Task<(Guid Tenant, HttpClient Writer, string Order, string LineUrl)> OrderWithLineAsync(string item)
    {
        var company = await NewCompanyAsync(app);
        await company.ItemAsync(item, CostingMethod.FIFO);
        await company.LocationAsync("EAST");
        var tenant = new Saas.Tenancy.Catalog.TenantInfo { Id = company.TenantId, Identifier = "x", Name = "x" };
        var writer = app.ClientFor(tenant, "Items.Write");
        var order = await Api.BodyAsync(await writer.PostAsync(Api.Company(tenant.Id, "transferOrders"), Api.Json("""{ "transferFromCode": "MAIN", "transferToCode": "EAST" }""")));
        var id = (string)order["id"]!;
        var line = await writer.PostAsync(Api.Company(tenant.Id, $"transferOrders({id})/transferOrderLines"), Api.Json($$"""{ "itemNumber": "{{item}}", "quantity": 1 }"""));
        Assert.Equal(HttpStatusCode.Created, line.StatusCode);
        return (tenant.Id, writer, id, Api.Company(tenant.Id, $"transferOrders({id})/transferOrderLines({(await Api.BodyAsync(line))["id"]})"));
    }

    private static async Task<HttpResponseMessage> DeleteAsync(HttpClient client, string url, string ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, url);
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        return await client.SendAsync(request);
    }

    private static async Task<(TransferPosted? Posted, ValidationFailedException? Refused)> Attempt(Func<Task<TransferPosted>> post)
    {
        try
        {
            return (await post(), null);
        }
        catch (ValidationFailedException e)
        {
            return (null, e);
        }
    }
}

public sealed class transfer_orders_refuse_stale_racing_and_oversized_input_on_sqlite(SqliteApp app)
    : transfer_orders_refuse_stale_racing_and_oversized_input<SqliteApp>(app);

public sealed class transfer_orders_refuse_stale_racing_and_oversized_input_on_postgres(PostgresApp app)
    : transfer_orders_refuse_stale_racing_and_oversized_input<PostgresApp>(app);
