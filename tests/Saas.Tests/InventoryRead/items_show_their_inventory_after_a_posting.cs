using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Saas.Tenancy.Catalog;
using Saas.Tests.Infrastructure;
using Saas.Write.Inventory;
using static Saas.Tests.Posting.PostingHarness;

namespace Saas.Tests.InventoryRead;

/// <summary>
/// Through HTTP: posting a journal returns X-Read-Position; the item card and list waited on it show the new
/// inventory at once, <c>items({id})/inventoryByLocation</c> pages and filters per location, bad input is a
/// problem naming the field, and another company's item is not found.
/// </summary>
public abstract class items_show_their_inventory_after_a_posting<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    [Fact]
    public async Task read_your_writes_card_list_and_quantity_per_location()
    {
        var company = await NewCompanyAsync(app);
        var tenant = new TenantInfo { Id = company.TenantId, Identifier = "x", Name = "x" };
        await company.LocationAsync("NORTH");
        var created = await app.InTenantAsync(company.TenantId, sp =>
            sp.GetRequiredService<CreateItemHandler>().HandleAsync(new CreateItem { Number = "RYW-1", DisplayName = "Lamp" }));
        var itemId = created.Snapshot.ItemId;
        await app.SettleAsync(company.TenantId, created.ReadPosition); // the card itself is master data, projected on its own queue
        using var writer = app.ClientFor(tenant, "Items.Write");

        var posted = await writer.PostAsync(Api.Company(tenant.Id, "itemJournals/Microsoft.NAV.post"), Api.Json("""
            { "lines": [
                { "entryType": "Positive Adjmt.", "itemNumber": "RYW-1", "locationCode": "MAIN", "postingDate": "2027-01-04", "quantity": 10, "unitCost": 2.5 },
                { "entryType": "Positive Adjmt.", "itemNumber": "RYW-1", "locationCode": "NORTH", "postingDate": "2027-01-04", "quantity": 1.5, "unitCost": 4 },
                { "entryType": "Negative Adjmt.", "itemNumber": "RYW-1", "locationCode": "MAIN", "postingDate": "2027-01-05", "quantity": 4 } ] }
            """));
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.True(posted.Headers.Contains("X-Read-Position"));

        // The card, waited on the posting's position, shows the new quantity: no polling by the client.
        var card = await Api.GetAfterAsync(writer, Api.Company(tenant.Id, $"items({itemId})"), posted);
        Assert.Equal("true", card.Headers.GetValues("X-Read-Position-Reached").Single());
        Assert.Equal(7.5m, (decimal)(await Api.BodyAsync(card))["inventory"]!);

        var list = await Api.GetOkAsync(writer, Api.Company(tenant.Id, "items?$filter=type eq 'Inventory'"));
        Assert.Equal(7.5m, (decimal)list["value"]!.AsArray().Single(i => (string?)i!["number"] == "RYW-1")!["inventory"]!);

        var firstPage = await Api.GetOkAsync(writer, Api.Company(tenant.Id, $"items({itemId})/inventoryByLocation?$top=1"));
        Assert.Equal(2, (int)firstPage["@odata.count"]!);
        var main = Assert.Single(firstPage["value"]!.AsArray())!;
        Assert.Equal("MAIN", (string?)main["locationCode"]);
        Assert.Equal("RYW-1", (string?)main["itemNumber"]);
        Assert.Equal(6m, (decimal)main["inventory"]!);
        Assert.Equal(15m, (decimal)main["inventoryValue"]!);
        var secondPage = await Api.GetOkAsync(writer, Api.Company(tenant.Id, $"items({itemId})/inventoryByLocation?$top=1&$skip=1"));
        Assert.Equal("NORTH", (string?)secondPage["value"]![0]!["locationCode"]);
        var north = await Api.GetOkAsync(writer, Api.Company(tenant.Id, $"items({itemId})/inventoryByLocation?$filter=locationCode eq 'north'"));
        Assert.Equal(1.5m, (decimal)Assert.Single(north["value"]!.AsArray())!["inventory"]!);
        var byQuantity = await Api.GetOkAsync(writer, Api.Company(tenant.Id, $"items({itemId})/inventoryByLocation?$orderby=inventory desc"));
        Assert.Equal(["MAIN", "NORTH"], byQuantity["value"]!.AsArray().Select(r => (string?)r!["locationCode"]));

        // An idempotent repeat posts nothing and so has no position to wait for; a preview neither.
        var preview = await writer.PostAsync(Api.Company(tenant.Id, "itemJournals/Microsoft.NAV.post"), Api.Json("""
            { "preview": true, "lines": [ { "entryType": "Positive Adjmt.", "itemNumber": "RYW-1", "locationCode": "MAIN", "postingDate": "2027-01-06", "quantity": 1 } ] }
            """));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.False(preview.Headers.Contains("X-Read-Position"));
    }

    [Fact]
    public async Task bad_filters_and_unknown_items_are_refused()
    {
        var company = await NewCompanyAsync(app);
        var other = await NewCompanyAsync(app);
        var otherItem = await app.InTenantAsync(other.TenantId, async sp =>
            (await sp.GetRequiredService<CreateItemHandler>().HandleAsync(new CreateItem { Number = "OTHER-1", DisplayName = "Other" })).Snapshot);
        await app.SettleAsync(other.TenantId, (await other.PostAsync(PositiveAdjmt("OTHER-1", 3, 1m, Day1))).ReadPosition!.Value);
        using var reader = app.ClientFor(new TenantInfo { Id = company.TenantId, Identifier = "x", Name = "x" });

        var foreign = await reader.GetAsync(Api.Company(company.TenantId, $"items({otherItem.ItemId})/inventoryByLocation"));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.DoesNotContain("OTHER-1", await foreign.Content.ReadAsStringAsync());

        var item = await app.InTenantAsync(company.TenantId, async sp =>
            (await sp.GetRequiredService<CreateItemHandler>().HandleAsync(new CreateItem { DisplayName = "Mine" })));
        await app.SettleAsync(company.TenantId, item.ReadPosition);
        foreach (var (query, field) in new[]
        {
            ("$filter=itemNumber eq 'X'", "$filter"),
            ("$orderby=cost", "$orderby"),
            ("$top=-1", "$top"),
        })
        {
            var bad = await reader.GetAsync(Api.Company(company.TenantId, $"items({item.Snapshot.ItemId})/inventoryByLocation?{query}"));
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.True((await Api.BodyAsync(bad))["errors"]!.AsObject().ContainsKey(field), $"{query}: {await bad.Content.ReadAsStringAsync()}");
        }

        // Never posted: no row per location, and inventory 0 on the card.
        var empty = await Api.GetOkAsync(reader, Api.Company(company.TenantId, $"items({item.Snapshot.ItemId})/inventoryByLocation"));
        Assert.Empty(empty["value"]!.AsArray());
        Assert.Equal(0m, (decimal)(await Api.GetOkAsync(reader, Api.Company(company.TenantId, $"items({item.Snapshot.ItemId})")))["inventory"]!);
    }
}

public sealed class items_show_their_inventory_after_a_posting_on_sqlite(SqliteApp app)
    : items_show_their_inventory_after_a_posting<SqliteApp>(app);

public sealed class items_show_their_inventory_after_a_posting_on_postgres(PostgresApp app)
    : items_show_their_inventory_after_a_posting<PostgresApp>(app);

public sealed class items_show_their_inventory_after_a_posting_on_postgres_and_rabbitmq(PostgresRabbitMqApp app)
    : items_show_their_inventory_after_a_posting<PostgresRabbitMqApp>(app);
