using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saas.Tests.Infrastructure;
using Saas.Write;

namespace Saas.Tests.ItemCatalog;

public abstract class bad_catalog_input_is_refused_with_problem_details_and_nothing_is_written<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    public static TheoryData<string, string, string> BadInput => new()
    {
        // path, body, the field (or problem title) the answer must name
        { "itemCategories", """{ "displayName": "No code" }""", "code" },
        { "itemCategories", """{ "code": "123456789012345678901" }""", "code" },
        { "itemCategories", """{ "code": "ORPHAN", "parentCategory": "MISSING" }""", "parentCategory" },
        { "itemCategories", """{ "code": "X", "colour": "red" }""", "Malformed" },
        { "itemAttributes", """{ "type": "Text" }""", "name" },
        { "itemAttributes", """{ "name": "Size", "type": "Size" }""", "type" },
        { "itemAttributes", """{ "name": "Size", "type": "Text", "optionValues": ["S"] }""", "optionValues" },
        { "itemAttributes", """{ "name": "Size", "type": "Option", "optionValues": [""] }""", "optionValues" },
        { "catalogItems", """{ "vendorItemNumber": "A-1" }""", "displayName" },
        { "catalogItems", """{ "displayName": "Chair", "vendorNumber": "NO-SUCH-VENDOR" }""", "vendorNumber" },
        { "catalogItems", """{ "displayName": "Chair", "itemCategoryCode": "NO-SUCH" }""", "itemCategoryCode" },
        { "catalogItems", """{ "displayName": "Chair", "unitPrice": -1 }""", "unitPrice" },
        { "catalogItems", """{ "displayName": "Chair", "manufacturerCode": "ELEVEN-CHRS" }""", "manufacturerCode" },
        { "itemReferences", """{ "itemNumber": "BASE", "referenceNumber": "R" }""", "referenceType" },
        { "itemReferences", """{ "itemNumber": "BASE", "referenceType": "Barcode!", "referenceNumber": "R" }""", "referenceType" },
        { "itemReferences", """{ "itemNumber": "BASE", "referenceType": "Bar Code" }""", "referenceNumber" },
        { "itemReferences", """{ "referenceType": "Bar Code", "referenceNumber": "R" }""", "itemId" },
        { "items({item})/itemAttributeValues", """{ "value": "x" }""", "attributeId" },
        { "items({item})/itemAttributeValues", """{ "attributeName": "Depth", "value": "deep" }""", "value" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task with_a_400_problem_naming_the_field(string path, string json, string names)
    {
        var tenant = await app.NewTenantAsync();
        using var client = app.ClientFor(tenant, "Items.Write");
        var item = await Catalog.CreatedAsync(client, tenant.Id, "items", """{ "number": "BASE", "displayName": "Base" }""");
        await Catalog.CreatedAsync(client, tenant.Id, "itemAttributes", """{ "name": "Depth", "type": "Decimal" }""");
        var before = await CountAsync(tenant.Id);

        var response = await client.PostAsync(Api.Company(tenant.Id, path.Replace("{item}", Catalog.Id(item))), Api.Json(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", Api.ContentType(response)?.MediaType);
        var problem = await Api.BodyAsync(response);
        var named = problem["errors"]?.AsObject().ContainsKey(names) == true
            || ((string?)problem["title"])?.Contains(names, StringComparison.Ordinal) == true;
        Assert.True(named, $"The problem does not name '{names}': {problem.ToJsonString()}");
        Assert.Equal(before, await CountAsync(tenant.Id));
    }

    /// <summary>Every row a refused request could have written, the outbox included.</summary>
    private Task<string> CountAsync(Guid tenantId) =>
        app.InTenantAsync(tenantId, async sp =>
        {
            var db = sp.GetRequiredService<WriteDbContext>();
            return string.Join(
                ",",
                await db.ItemCategories.CountAsync(), await db.ItemAttributes.CountAsync(), await db.ItemAttributeValues.CountAsync(),
                await db.CatalogItems.CountAsync(), await db.ItemReferences.CountAsync(), await db.Items.CountAsync(),
                await db.NoSeries.SumAsync(s => s.Version), await db.Outbox.CountAsync());
        });
}

public sealed class bad_catalog_input_is_refused_with_problem_details_and_nothing_is_written_on_sqlite(SqliteApp app)
    : bad_catalog_input_is_refused_with_problem_details_and_nothing_is_written<SqliteApp>(app);

public sealed class bad_catalog_input_is_refused_with_problem_details_and_nothing_is_written_on_postgres(PostgresApp app)
    : bad_catalog_input_is_refused_with_problem_details_and_nothing_is_written<PostgresApp>(app);
