using System.Net;
using Saas.Tests.Infrastructure;

namespace Saas.Tests.ItemCatalog;

public abstract class item_categories_form_a_tree_without_cycles<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    [Fact]
    public async Task a_category_cannot_be_moved_under_itself_or_its_descendants()
    {
        var tenant = await app.NewTenantAsync();
        using var client = app.ClientFor(tenant, "Items.Write");
        var furniture = await Catalog.CreatedAsync(client, tenant.Id, "itemCategories", """{ "code": "furniture", "displayName": "Furniture" }""");
        var chairs = await Catalog.CreatedAsync(client, tenant.Id, "itemCategories", """{ "code": "CHAIRS", "displayName": "Chairs", "parentCategory": "furniture" }""");
        var office = await Catalog.CreatedAsync(client, tenant.Id, "itemCategories", """{ "code": "OFFICE", "displayName": "Office chairs", "parentCategory": "CHAIRS" }""");
        Assert.Equal("FURNITURE", (string?)furniture["code"]);
        Assert.Equal("CHAIRS", (string?)office["parentCategory"]);

        var url = Api.Company(tenant.Id, $"itemCategories({Catalog.Id(furniture)})");
        await Catalog.AssertProblemAsync(await Api.PatchAsync(client, url, """{ "parentCategory": "OFFICE" }""", "*"), HttpStatusCode.BadRequest, "parentCategory");
        await Catalog.AssertProblemAsync(await Api.PatchAsync(client, url, """{ "parentCategory": "FURNITURE" }""", "*"), HttpStatusCode.BadRequest, "parentCategory");
        await Catalog.AssertProblemAsync(await Api.PatchAsync(client, url, """{ "parentCategory": "NOWHERE" }""", "*"), HttpStatusCode.BadRequest, "parentCategory");
        await Catalog.AssertProblemAsync(
            await client.PostAsync(Api.Company(tenant.Id, "itemCategories"), Api.Json("""{ "code": "LOOP", "parentCategory": "LOOP" }""")),
            HttpStatusCode.BadRequest, "parentCategory");

        // Moving a leaf elsewhere is fine, and the tree reads back as moved.
        var moved = await Api.PatchAsync(client, Api.Company(tenant.Id, $"itemCategories({Catalog.Id(office)})"), """{ "parentCategory": "FURNITURE" }""", "W/\"1\"");
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var children = await Api.BodyAsync(await Api.GetAfterAsync(client, Api.Company(tenant.Id, "itemCategories?$filter=parentCategory eq 'FURNITURE'"), moved));
        Assert.Equal(["CHAIRS", "OFFICE"], children["value"]!.AsArray().Select(c => (string)c!["code"]!));
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync(Api.Company(tenant.Id, "itemCategories"), Api.Json("""{ "code": "chairs" }"""))).StatusCode);
        _ = chairs;
    }

    [Fact]
    public async Task a_category_with_children_or_items_cannot_be_deleted()
    {
        var tenant = await app.NewTenantAsync();
        using var client = app.ClientFor(tenant, "Items.Write");
        var parent = await Catalog.CreatedAsync(client, tenant.Id, "itemCategories", """{ "code": "PARENT", "displayName": "Parent" }""");
        var child = await Catalog.CreatedAsync(client, tenant.Id, "itemCategories", """{ "code": "CHILD", "displayName": "Child", "parentCategory": "PARENT" }""");
        var item = await Catalog.CreatedAsync(client, tenant.Id, "items", """{ "displayName": "Stool", "itemCategoryCode": "child" }""");
        Assert.Equal("CHILD", (string?)item["itemCategoryCode"]);

        await Catalog.AssertProblemAsync(await client.DeleteAsync(Api.Company(tenant.Id, $"itemCategories({Catalog.Id(parent)})")), HttpStatusCode.Conflict, "code");
        await Catalog.AssertProblemAsync(await client.DeleteAsync(Api.Company(tenant.Id, $"itemCategories({Catalog.Id(child)})")), HttpStatusCode.Conflict, "code");

        // Items may only name categories that exist, on create and on change.
        await Catalog.AssertProblemAsync(
            await client.PostAsync(Api.Company(tenant.Id, "items"), Api.Json("""{ "displayName": "Ghost", "itemCategoryCode": "NOPE" }""")),
            HttpStatusCode.BadRequest, "itemCategoryCode");
        await Catalog.AssertProblemAsync(
            await Api.PatchAsync(client, Api.Company(tenant.Id, $"items({Catalog.Id(item)})"), """{ "itemCategoryCode": "NOPE" }""", "*"),
            HttpStatusCode.BadRequest, "itemCategoryCode");

        // Once the item leaves and the child is gone, the parent can go too.
        Assert.Equal(HttpStatusCode.OK, (await Api.PatchAsync(client, Api.Company(tenant.Id, $"items({Catalog.Id(item)})"), """{ "itemCategoryCode": "PARENT" }""", "*")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(Api.Company(tenant.Id, $"itemCategories({Catalog.Id(child)})"))).StatusCode);
        await Catalog.AssertProblemAsync(await client.DeleteAsync(Api.Company(tenant.Id, $"itemCategories({Catalog.Id(parent)})")), HttpStatusCode.Conflict, "code");
        Assert.Equal(HttpStatusCode.OK, (await Api.PatchAsync(client, Api.Company(tenant.Id, $"items({Catalog.Id(item)})"), """{ "itemCategoryCode": "" }""", "*")).StatusCode);
        var deleted = await client.DeleteAsync(Api.Company(tenant.Id, $"itemCategories({Catalog.Id(parent)})"));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        var gone = await Api.GetAfterAsync(client, Api.Company(tenant.Id, $"itemCategories({Catalog.Id(parent)})"), deleted);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        var list = await Api.BodyAsync(await client.GetAsync(Api.Company(tenant.Id, "itemCategories")));
        Assert.Equal(0, (int)list["@odata.count"]!);
    }
}

public sealed class item_categories_form_a_tree_without_cycles_on_sqlite(SqliteApp app)
    : item_categories_form_a_tree_without_cycles<SqliteApp>(app);

public sealed class item_categories_form_a_tree_without_cycles_on_postgres(PostgresApp app)
    : item_categories_form_a_tree_without_cycles<PostgresApp>(app);
