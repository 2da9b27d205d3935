using System.Net;
using System.Text.Json.Nodes;
using Saas.Tests.Infrastructure;

namespace Saas.Tests.ItemCatalog;

public abstract class attributes_are_inherited_through_three_levels_unless_overridden<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    [Fact]
    public async Task an_item_shows_the_nearest_value_of_each_attribute_from_itself_up_to_the_top_category()
    {
        var tenant = await app.NewTenantAsync();
        using var client = app.ClientFor(tenant, "Items.Write");
        var colour = await Catalog.CreatedAsync(client, tenant.Id, "itemAttributes", """{ "name": "Colour", "type": "Option", "optionValues": ["Red", "Blue"] }""");
        var depth = await Catalog.CreatedAsync(client, tenant.Id, "itemAttributes", """{ "name": "Depth", "type": "Decimal", "unitOfMeasure": "cm" }""");
        var material = await Catalog.CreatedAsync(client, tenant.Id, "itemAttributes", """{ "name": "Material", "type": "Text" }""");
        Assert.Equal(["Red", "Blue"], colour["optionValues"]!.AsArray().Select(o => (string)o!));

        var root = await Catalog.CreatedAsync(client, tenant.Id, "itemCategories", """{ "code": "ROOT", "displayName": "Furniture" }""");
        var middle = await Catalog.CreatedAsync(client, tenant.Id, "itemCategories", """{ "code": "MID", "displayName": "Tables", "parentCategory": "ROOT" }""");
        var leaf = await Catalog.CreatedAsync(client, tenant.Id, "itemCategories", """{ "code": "LEAF", "displayName": "Desks", "parentCategory": "MID" }""");
        await Catalog.CreatedAsync(client, tenant.Id, $"itemCategories({Catalog.Id(root)})/itemAttributeValues", """{ "attributeName": "colour", "value": "red" }""");
        await Catalog.CreatedAsync(client, tenant.Id, $"itemCategories({Catalog.Id(root)})/itemAttributeValues", $$"""{ "attributeId": "{{Catalog.Id(material)}}", "value": "Steel" }""");
        await Catalog.CreatedAsync(client, tenant.Id, $"itemCategories({Catalog.Id(middle)})/itemAttributeValues", """{ "attributeName": "Depth", "value": " 80.50 " }""");
        await Catalog.CreatedAsync(client, tenant.Id, $"itemCategories({Catalog.Id(leaf)})/itemAttributeValues", """{ "attributeName": "Colour", "value": "Blue" }""");
        var item = await Catalog.CreatedAsync(client, tenant.Id, "items", """{ "displayName": "Standing desk", "itemCategoryCode": "LEAF" }""");
        var own = await Catalog.CreatedAsync(client, tenant.Id, $"items({Catalog.Id(item)})/itemAttributeValues", """{ "attributeName": "Material", "value": "Oak" }""");

        var values = ByName(await Catalog.ReadAsync(client, tenant.Id, $"items({Catalog.Id(item)})/itemAttributeValues", own));
        Assert.Equal(("Blue", "LEAF"), values["Colour"]);     // the leaf overrides the root's Red
        Assert.Equal(("80.50", "MID"), values["Depth"]);      // from two levels up
        Assert.Equal(("Oak", ""), values["Material"]);       // the item's own beats the root's Steel
        Assert.Equal(3, values.Count);

        // Without its own value the item falls back to the root's default.
        var removed = await client.DeleteAsync(Api.Company(tenant.Id, $"items({Catalog.Id(item)})/itemAttributeValues({Catalog.Id(material)})"));
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        var after = ByName(await Api.BodyAsync(await Api.GetAfterAsync(client, Api.Company(tenant.Id, $"items({Catalog.Id(item)})/itemAttributeValues"), removed)));
        Assert.Equal(("Steel", "ROOT"), after["Material"]);

        // A category shows its own defaults and those it inherits.
        var leafValues = ByName(await Catalog.ReadAsync(client, tenant.Id, $"itemCategories({Catalog.Id(leaf)})/itemAttributeValues", own));
        Assert.Equal(("Blue", ""), leafValues["Colour"]);
        Assert.Equal(("Steel", "ROOT"), leafValues["Material"]);

        // Changing the inherited value in one place changes what every item below shows.
        var changed = await Api.PatchAsync(
            client, Api.Company(tenant.Id, $"itemCategories({Catalog.Id(middle)})/itemAttributeValues({Catalog.Id(depth)})"), """{ "value": "120" }""", "W/\"1\"");
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var reread = ByName(await Api.BodyAsync(await Api.GetAfterAsync(client, Api.Company(tenant.Id, $"items({Catalog.Id(item)})/itemAttributeValues"), changed)));
        Assert.Equal(("120", "MID"), reread["Depth"]);
    }

    private static Dictionary<string, (string Value, string From)> ByName(JsonObject list) =>
        list["value"]!.AsArray().ToDictionary(
            v => (string)v!["attributeName"]!, v => ((string)v!["value"]!, (string)v!["inheritedFromCategory"]!));
}

public sealed class attributes_are_inherited_through_three_levels_unless_overridden_on_sqlite(SqliteApp app)
    : attributes_are_inherited_through_three_levels_unless_overridden<SqliteApp>(app);

public sealed class attributes_are_inherited_through_three_levels_unless_overridden_on_postgres(PostgresApp app)
    : attributes_are_inherited_through_three_levels_unless_overridden<PostgresApp>(app);
