using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saas.Tests.Infrastructure;
using Saas.Write;

namespace Saas.Tests.ItemCatalog;

public abstract class attribute_values_are_validated_against_their_type<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    public static TheoryData<string, string, string> BadValues => new()
    {
        // attribute, value, the field the problem must name
        { "Pieces", "1.5", "value" },
        { "Pieces", "twelve", "value" },
        { "Pieces", "99999999999999999999", "value" },
        { "Depth", "1,5", "value" },
        { "Depth", "", "value" },
        { "Colour", "Green", "value" },
        { "Material", new string('x', 251), "value" },
        { "Retired", "anything", "attributeId" },
        { "Unknown", "1", "attributeName" },
    };

    public static TheoryData<string, string, string> GoodValues => new()
    {
        // attribute, value as sent, value as stored
        { "Pieces", " -12 ", "-12" },
        { "Depth", "2.50", "2.50" },
        { "Colour", "bLuE", "Blue" },
        { "Material", "  Oak veneer ", "Oak veneer" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task a_value_that_does_not_fit_is_refused_and_nothing_is_written(string attribute, string value, string field)
    {
        var (tenant, client, itemId) = await SetUpAsync();
        var before = await CountAsync(tenant);

        var response = await client.PostAsync(
            Api.Company(tenant, $"items({itemId})/itemAttributeValues"),
            Api.Json(System.Text.Json.JsonSerializer.Serialize(new { attributeName = attribute, value })));

        await Catalog.AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(before, await CountAsync(tenant));
    }

    [Theory]
    [MemberData(nameof(GoodValues))]
    public async Task a_value_that_fits_is_stored_in_its_normal_form(string attribute, string value, string stored)
    {
        var (tenant, client, itemId) = await SetUpAsync();
        var response = await client.PostAsync(
            Api.Company(tenant, $"items({itemId})/itemAttributeValues"),
            Api.Json(System.Text.Json.JsonSerializer.Serialize(new { attributeName = attribute, value })));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(stored, (string?)(await Api.BodyAsync(response))["value"]);
    }

    [Fact]
    public async Task definitions_refuse_changes_that_would_orphan_values()
    {
        var (tenant, client, itemId) = await SetUpAsync();
        var colourId = await AttributeIdAsync(tenant, "Colour");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync(
            Api.Company(tenant, $"items({itemId})/itemAttributeValues"), Api.Json("""{ "attributeName": "Colour", "value": "Red" }"""))).StatusCode);

        var url = Api.Company(tenant, $"itemAttributes({colourId})");
        await Catalog.AssertProblemAsync(await Api.PatchAsync(client, url, """{ "optionValues": ["Blue"] }""", "*"), HttpStatusCode.BadRequest, "optionValues");
        await Catalog.AssertProblemAsync(await Api.PatchAsync(client, url, """{ "type": "Text" }""", "*"), HttpStatusCode.BadRequest, "type");
        Assert.Equal(HttpStatusCode.OK, (await Api.PatchAsync(client, url, """{ "optionValues": ["Red", "Blue", "Green"] }""", "*")).StatusCode);

        await Catalog.AssertProblemAsync(
            await client.PostAsync(Api.Company(tenant, "itemAttributes"), Api.Json("""{ "name": "COLOUR", "type": "Text" }""")), HttpStatusCode.Conflict, "name");
        await Catalog.AssertProblemAsync(
            await client.PostAsync(Api.Company(tenant, "itemAttributes"), Api.Json("""{ "name": "Width", "type": "Text", "unitOfMeasure": "cm" }""")),
            HttpStatusCode.BadRequest, "unitOfMeasure");
        await Catalog.AssertProblemAsync(
            await client.PostAsync(Api.Company(tenant, "itemAttributes"), Api.Json("""{ "name": "Size", "type": "Option", "optionValues": ["S", "s"] }""")),
            HttpStatusCode.BadRequest, "optionValues");
        await Catalog.AssertProblemAsync(
            await client.PostAsync(Api.Company(tenant, "itemAttributes"), Api.Json("""{ "name": "Mood", "type": "Feeling" }""")), HttpStatusCode.BadRequest, "type");
    }

    private async Task<(Guid Tenant, HttpClient Client, string ItemId)> SetUpAsync()
    {
        var tenant = await app.NewTenantAsync();
        var client = app.ClientFor(tenant, "Items.Write");
        await Catalog.CreatedAsync(client, tenant.Id, "itemAttributes", """{ "name": "Pieces", "type": "Integer" }""");
        await Catalog.CreatedAsync(client, tenant.Id, "itemAttributes", """{ "name": "Depth", "type": "Decimal", "unitOfMeasure": "cm" }""");
        await Catalog.CreatedAsync(client, tenant.Id, "itemAttributes", """{ "name": "Colour", "type": "Option", "optionValues": ["Red", "Blue"] }""");
        await Catalog.CreatedAsync(client, tenant.Id, "itemAttributes", """{ "name": "Material", "type": "Text" }""");
        await Catalog.CreatedAsync(client, tenant.Id, "itemAttributes", """{ "name": "Retired", "type": "Text", "blocked": true }""");
        var item = await Catalog.CreatedAsync(client, tenant.Id, "items", """{ "displayName": "Shelf" }""");
        return (tenant.Id, client, Catalog.Id(item));
    }

    private Task<Guid> AttributeIdAsync(Guid tenant, string name) =>
        app.InTenantAsync(tenant, sp => sp.GetRequiredService<WriteDbContext>().ItemAttributes.Where(a => a.Name == name).Select(a => a.Id).SingleAsync());

    private Task<(int Values, int Outbox)> CountAsync(Guid tenant) =>
        app.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<WriteDbContext>();
            return (await db.ItemAttributeValues.CountAsync(), await db.Outbox.CountAsync());
        });
}

public sealed class attribute_values_are_validated_against_their_type_on_sqlite(SqliteApp app)
    : attribute_values_are_validated_against_their_type<SqliteApp>(app);

public sealed class attribute_values_are_validated_against_their_type_on_postgres(PostgresApp app)
    : attribute_values_are_validated_against_their_type<PostgresApp>(app);
