using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saas.Tests.Infrastructure;
using Saas.Write;

namespace Saas.Tests.ItemCatalog;

public abstract class a_catalog_item_becomes_an_item_exactly_once<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    [Fact]
    public async Task create_item_makes_an_item_from_the_entry_links_it_and_refuses_a_second_time()
    {
        var tenant = await app.NewTenantAsync();
        using var client = app.ClientFor(tenant, "Items.Write", "Vendors.Write");
        await Catalog.CreatedAsync(client, tenant.Id, "vendors", """{ "number": "V-FAB", "displayName": "Fabrikam Supplies" }""");
        await Catalog.CreatedAsync(client, tenant.Id, "itemCategories", """{ "code": "DESKS", "displayName": "Desks" }""");
        var entry = await Catalog.CreatedAsync(client, tenant.Id, "catalogItems", """
            { "displayName": "Walnut desk", "vendorNumber": "v-fab", "vendorItemNumber": "wd-200", "manufacturerCode": "fab",
              "unitOfMeasureCode": "pcs", "unitPrice": 899, "unitCost": 540.25, "itemCategoryCode": "desks" }
            """);
        Assert.Equal("NS0001", (string?)entry["entryNumber"]);
        Assert.Null(entry["itemId"]?.GetValue<Guid?>());

        var created = await client.PostAsync(Api.Company(tenant.Id, $"catalogItems({Catalog.Id(entry)})/Microsoft.NAV.createItem"), Api.Json("{}"));
        var item = await Api.BodyAsync(created);
        Assert.True(created.StatusCode == HttpStatusCode.Created, item.ToJsonString());
        Assert.Equal("1000", (string?)item["number"]);
        Assert.Equal("Walnut desk", (string?)item["displayName"]);
        Assert.Equal("Inventory", (string?)item["type"]);
        Assert.Equal("DESKS", (string?)item["itemCategoryCode"]);
        Assert.Equal(899m, (decimal)item["unitPrice"]!);
        Assert.Equal(540.25m, (decimal)item["unitCost"]!);

        var again = await client.PostAsync(Api.Company(tenant.Id, $"catalogItems({Catalog.Id(entry)})/Microsoft.NAV.createItem"), Api.Json("{}"));
        await Catalog.AssertProblemAsync(again, HttpStatusCode.Conflict, "itemNumber");

        await app.SettleAsync(tenant.Id, Guid.Parse(created.Headers.GetValues("X-Catalog-Item-Read-Position").Single()));
        var linked = await Catalog.ReadAsync(client, tenant.Id, $"catalogItems({Catalog.Id(entry)})", entry);
        Assert.Equal((string)item["id"]!, (string?)linked["itemId"]);
        Assert.Equal("1000", (string?)linked["itemNumber"]);
        var card = await Api.BodyAsync(await Api.GetAfterAsync(client, Api.Company(tenant.Id, $"items({item["id"]})"), created));
        Assert.Equal("Walnut desk", (string?)card["displayName"]);
    }

    [Fact]
    public async Task the_vendor_item_number_format_numbers_the_item_after_the_vendor()
    {
        var tenant = await app.NewTenantAsync();
        using var client = app.ClientFor(tenant, "Items.Write");
        var entry = await Catalog.CreatedAsync(client, tenant.Id, "catalogItems", """{ "displayName": "Lamp", "vendorItemNumber": "lp-7", "manufacturerCode": "ACME" }""");
        var url = Api.Company(tenant.Id, $"catalogItems({Catalog.Id(entry)})/Microsoft.NAV.createItem");
        await Catalog.AssertProblemAsync(await client.PostAsync(url, Api.Json("""{ "numberFormat": "Whatever" }""")), HttpStatusCode.BadRequest, "numberFormat");
        var created = await client.PostAsync(url, Api.Json("""{ "numberFormat": "Mfr. + Vendor Item No." }"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("ACMELP-7", (string?)(await Api.BodyAsync(created))["number"]);
    }

    [Fact]
    public async Task concurrent_create_item_calls_make_exactly_one_item()
    {
        var tenant = await app.NewTenantAsync();
        var entry = await Catalog.CreatedAsync(app.ClientFor(tenant, "Items.Write"), tenant.Id, "catalogItems", """{ "displayName": "Popular chair" }""");
        var url = Api.Company(tenant.Id, $"catalogItems({Catalog.Id(entry)})/Microsoft.NAV.createItem");

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            using var client = app.ClientFor(tenant, "Items.Write");
            return (await client.PostAsync(url, Api.Json("{}"))).StatusCode;
        }));

        Assert.Equal(1, answers.Count(a => a == HttpStatusCode.Created));
        Assert.Equal(5, answers.Count(a => a == HttpStatusCode.Conflict));
        var (items, linkedTo) = await app.InTenantAsync(tenant.Id, async sp =>
        {
            var db = sp.GetRequiredService<WriteDbContext>();
            return (await db.Items.CountAsync(), await db.CatalogItems.Select(c => c.ItemId).SingleAsync());
        });
        Assert.Equal(1, items);
        Assert.NotNull(linkedTo);
    }
}

public sealed class a_catalog_item_becomes_an_item_exactly_once_on_sqlite(SqliteApp app)
    : a_catalog_item_becomes_an_item_exactly_once<SqliteApp>(app);

public sealed class a_catalog_item_becomes_an_item_exactly_once_on_postgres(PostgresApp app)
    : a_catalog_item_becomes_an_item_exactly_once<PostgresApp>(app);
