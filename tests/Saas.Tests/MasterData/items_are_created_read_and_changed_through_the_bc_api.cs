using System.Net;
using Saas.Tests.Infrastructure;

namespace Saas.Tests.MasterData;

public abstract class items_are_created_read_and_changed_through_the_bc_api<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    [Fact]
    public async Task a_created_item_is_readable_at_its_read_position_and_changes_with_its_etag()
    {
        var tenant = await app.NewTenantAsync();
        using var client = app.ClientFor(tenant, "Items.Write");

        var created = await client.PostAsync(Api.Company(tenant.Id, "items"), Api.Json(
            """{ "displayName": "Bicycle", "type": "Non_x002D_Inventory", "unitPrice": 499.95, "unitCost": 310, "baseUnitOfMeasureCode": "pcs" }"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await Api.BodyAsync(created);
        var id = (string)body["id"]!;
        Assert.Equal("1000", (string?)body["number"]);
        Assert.Equal("Non-Inventory", (string?)body["type"]);
        Assert.Equal("PCS", (string?)body["baseUnitOfMeasureCode"]);
        Assert.Equal(0m, (decimal)body["inventory"]!);
        Assert.Equal("W/\"1\"", created.Headers.ETag?.ToString());

        var read = await Api.GetAfterAsync(client, Api.Company(tenant.Id, $"items({id})"), created);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var card = await Api.BodyAsync(read);
        Assert.Equal("Bicycle", (string?)card["displayName"]);
        Assert.Equal(499.95m, (decimal)card["unitPrice"]!);
        Assert.Equal("W/\"1\"", (string?)card["@odata.etag"]);
        Assert.EndsWith("Z", card["lastModifiedDateTime"]!.ToJsonString().Trim('"'));

        var changed = await Api.PatchAsync(client, Api.Company(tenant.Id, $"items({id})"), """{ "unitPrice": 459, "blocked": true }""", "W/\"1\"");
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("W/\"2\"", changed.Headers.ETag?.ToString());
        var reread = await Api.BodyAsync(await Api.GetAfterAsync(client, Api.Company(tenant.Id, $"items({id})"), changed));
        Assert.Equal(459m, (decimal)reread["unitPrice"]!);
        Assert.True((bool)reread["blocked"]!);
        Assert.Equal("Bicycle", (string?)reread["displayName"]);

        var stale = await Api.PatchAsync(client, Api.Company(tenant.Id, $"items({id})"), """{ "unitPrice": 1 }""", "W/\"1\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var withoutEtag = await Api.PatchAsync(client, Api.Company(tenant.Id, $"items({id})"), """{ "unitPrice": 1 }""", null);
        Assert.Equal(HttpStatusCode.PreconditionRequired, withoutEtag.StatusCode);
        var unknown = await Api.PatchAsync(client, Api.Company(tenant.Id, $"items({Guid.NewGuid()})"), """{ "unitPrice": 1 }""", "*");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Api.Company(tenant.Id, $"items({Guid.NewGuid()})"))).StatusCode);
    }

    [Fact]
    public async Task a_duplicate_number_is_a_conflict()
    {
        var tenant = await app.NewTenantAsync();
        using var client = app.ClientFor(tenant, "Items.Write");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync(Api.Company(tenant.Id, "items"), Api.Json("""{ "number": "A-1", "displayName": "One" }"""))).StatusCode);
        var again = await client.PostAsync(Api.Company(tenant.Id, "items"), Api.Json("""{ "number": "a-1", "displayName": "Other" }"""));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", Api.ContentType(again)?.MediaType);
    }

    [Fact]
    public async Task text_that_looks_like_sql_is_stored_verbatim_and_never_executed()
    {
        var tenant = await app.NewTenantAsync();
        using var client = app.ClientFor(tenant, "Items.Write");
        const string name = "Robert'); DROP TABLE items; -- %_\\";
        var created = await client.PostAsync(Api.Company(tenant.Id, "items"), Api.Json(
            System.Text.Json.JsonSerializer.Serialize(new { displayName = name })));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (string)(await Api.BodyAsync(created))["id"]!;

        var card = await Api.BodyAsync(await Api.GetAfterAsync(client, Api.Company(tenant.Id, $"items({id})"), created));
        Assert.Equal(name, (string?)card["displayName"]);

        // The search escapes LIKE wildcards too: "%_" finds only the literal text.
        var search = await Api.BodyAsync(await client.GetAsync(Api.Company(tenant.Id, "items?$search=" + Uri.EscapeDataString("%_\\"))));
        Assert.Equal(1, (int)search["@odata.count"]!);
        var all = await Api.BodyAsync(await client.GetAsync(Api.Company(tenant.Id, "items")));
        Assert.Equal(1, (int)all["@odata.count"]!);
    }

    [Fact]
    public async Task lists_page_sort_search_and_filter()
    {
        var tenant = await app.NewTenantAsync();
        using var client = app.ClientFor(tenant, "Items.Write");
        var positions = new List<string>();
        for (var i = 1; i <= 12; i++)
        {
            var type = i % 3 == 0 ? "Service" : "Inventory";
            var created = await client.PostAsync(Api.Company(tenant.Id, "items"), Api.Json(
                $$"""{ "displayName": "{{(i % 2 == 0 ? "Red" : "Blue")}} widget {{i:00}}", "type": "{{type}}", "unitPrice": {{100 - i}}.5 }"""));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            positions.Add(created.Headers.GetValues("X-Read-Position").Single());
        }

        // Events are published and projected concurrently: the last write being readable says nothing about
        // the earlier ones, so read-your-writes waits for each position (never for a "highest" one).
        foreach (var position in positions)
        {
            using var wait = new HttpRequestMessage(HttpMethod.Get, Api.Company(tenant.Id, "items?$top=1"));
            wait.Headers.Add("X-Wait-For-Position", position);
            var waited = await client.SendAsync(wait);
            Assert.Equal(HttpStatusCode.OK, waited.StatusCode);
            Assert.Equal("true", waited.Headers.GetValues("X-Read-Position-Reached").Single());
        }

        var page = await Api.BodyAsync(await client.GetAsync(Api.Company(tenant.Id, "items?$top=5&$skip=5&$orderby=displayName desc")));
        Assert.Equal(12, (int)page["@odata.count"]!);
        Assert.Equal(
            ["Red widget 02", "Blue widget 11", "Blue widget 09", "Blue widget 07", "Blue widget 05"],
            page["value"]!.AsArray().Select(v => (string)v!["displayName"]!));

        var byPrice = await Api.BodyAsync(await client.GetAsync(Api.Company(tenant.Id, "items?$orderby=unitPrice&$top=2")));
        Assert.Equal([88.5m, 89.5m], byPrice["value"]!.AsArray().Select(v => (decimal)v!["unitPrice"]!));

        var red = await Api.BodyAsync(await client.GetAsync(Api.Company(tenant.Id, "items?$search=RED")));
        Assert.Equal(6, (int)red["@odata.count"]!);
        var contains = await Api.BodyAsync(await client.GetAsync(Api.Company(tenant.Id, "items?$filter=contains(displayName,'blue')")));
        Assert.Equal(6, (int)contains["@odata.count"]!);
        var services = await Api.BodyAsync(await client.GetAsync(Api.Company(tenant.Id, "items?$filter=type eq 'Service' and blocked eq false")));
        Assert.Equal(4, (int)services["@odata.count"]!);

        var badSort = await client.GetAsync(Api.Company(tenant.Id, "items?$orderby=password"));
        Assert.Equal(HttpStatusCode.BadRequest, badSort.StatusCode);
        Assert.NotNull((await Api.BodyAsync(badSort))["errors"]!["$orderby"]);
        var capped = await Api.BodyAsync(await client.GetAsync(Api.Company(tenant.Id, "items?$top=100000")));
        Assert.Equal(12, capped["value"]!.AsArray().Count);
    }

    [Fact]
    public async Task only_signed_in_members_with_the_write_permission_may_change_items()
    {
        var tenant = await app.NewTenantAsync();
        var other = await app.NewTenantAsync();
        const string body = """{ "displayName": "Forbidden fruit" }""";

        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Api.Company(tenant.Id, "items"))).StatusCode);

        using var reader = app.ClientFor(tenant);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(Api.Company(tenant.Id, "items"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync(Api.Company(tenant.Id, "items"), Api.Json(body))).StatusCode);

        // A writer of another company naming this company in the route is refused, never switched.
        using var stranger = app.ClientFor(other, "Items.Write");
        var crossed = await stranger.PostAsync(Api.Company(tenant.Id, "items"), Api.Json(body));
        Assert.True(crossed.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"got {crossed.StatusCode}");

        using var writer = app.ClientFor(tenant, "Items.Write");
        var list = await Api.BodyAsync(await writer.GetAsync(Api.Company(tenant.Id, "items")));
        Assert.Equal(0, (int)list["@odata.count"]!);
    }
}

public sealed class items_are_created_read_and_changed_through_the_bc_api_on_sqlite(SqliteApp app)
    : items_are_created_read_and_changed_through_the_bc_api<SqliteApp>(app);

public sealed class items_are_created_read_and_changed_through_the_bc_api_on_postgres(PostgresApp app)
    : items_are_created_read_and_changed_through_the_bc_api<PostgresApp>(app);
