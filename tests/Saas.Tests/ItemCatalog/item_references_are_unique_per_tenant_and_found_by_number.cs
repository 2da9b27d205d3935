using System.Net;
using Saas.Tests.Infrastructure;

namespace Saas.Tests.ItemCatalog;

public abstract class item_references_are_unique_per_tenant_and_found_by_number<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    [Fact]
    public async Task a_reference_number_names_one_item_per_customer_or_vendor_and_is_found_again()
    {
        var tenant = await app.NewTenantAsync();
        using var client = app.ClientFor(tenant, "Items.Write", "Vendors.Write", "Customers.Write");
        await Catalog.CreatedAsync(client, tenant.Id, "vendors", """{ "number": "V1", "displayName": "Vendor" }""");
        await Catalog.CreatedAsync(client, tenant.Id, "customers", """{ "number": "C1", "displayName": "Customer" }""");
        var bike = await Catalog.CreatedAsync(client, tenant.Id, "items", """{ "number": "BIKE", "displayName": "Bicycle" }""");
        var helmet = await Catalog.CreatedAsync(client, tenant.Id, "items", """{ "number": "HELMET", "displayName": "Helmet" }""");

        var vendorRef = await Catalog.CreatedAsync(client, tenant.Id, "itemReferences",
            """{ "itemNumber": "bike", "referenceType": "Vendor", "referenceTypeNumber": "v1", "referenceNumber": "abc-1", "description": "Their bike" }""");
        Assert.Equal("ABC-1", (string?)vendorRef["referenceNumber"]);
        await Catalog.AssertProblemAsync(
            await client.PostAsync(Api.Company(tenant.Id, "itemReferences"), Api.Json(
                $$"""{ "itemId": "{{Catalog.Id(helmet)}}", "referenceType": "Vendor", "referenceTypeNumber": "V1", "referenceNumber": "ABC-1" }""")),
            HttpStatusCode.Conflict, "referenceNumber");

        // The same number of another partner, or as a bar code, is another reference.
        await Catalog.CreatedAsync(client, tenant.Id, "itemReferences",
            $$"""{ "itemId": "{{Catalog.Id(helmet)}}", "referenceType": "Customer", "referenceTypeNumber": "C1", "referenceNumber": "ABC-1" }""");
        var barCode = await Catalog.CreatedAsync(client, tenant.Id, "itemReferences",
            """{ "itemNumber": "BIKE", "referenceType": "Bar Code", "referenceNumber": "4006381333931" }""");

        var found = await Catalog.ReadAsync(client, tenant.Id, "itemReferences?$filter=referenceNumber eq 'abc-1'", barCode);
        Assert.Equal(2, (int)found["@odata.count"]!);
        var forCustomer = await Api.BodyAsync(await client.GetAsync(
            Api.Company(tenant.Id, "itemReferences?$filter=referenceNumber eq 'ABC-1' and referenceType eq 'Customer' and referenceTypeNumber eq 'c1'")));
        Assert.Equal("HELMET", (string?)forCustomer["value"]![0]!["itemNumber"]);
        var scanned = await Api.BodyAsync(await client.GetAsync(Api.Company(tenant.Id, "itemReferences?$filter=referenceType eq 'Bar Code'")));
        Assert.Equal("BIKE", (string?)scanned["value"]![0]!["itemNumber"]);

        // Changing a reference into one that exists is the same conflict; deleting frees the number.
        var url = Api.Company(tenant.Id, $"itemReferences({Catalog.Id(barCode)})");
        await Catalog.AssertProblemAsync(
            await Api.PatchAsync(client, url, """{ "referenceType": "Vendor", "referenceTypeNumber": "V1", "referenceNumber": "ABC-1" }""", "*"),
            HttpStatusCode.Conflict, "referenceNumber");
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(Api.Company(tenant.Id, $"itemReferences({Catalog.Id(vendorRef)})"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.PatchAsync(
            client, url, """{ "referenceType": "Vendor", "referenceTypeNumber": "V1", "referenceNumber": "ABC-1" }""", "W/\"1\"")).StatusCode);
    }

    [Fact]
    public async Task references_must_name_a_real_partner_and_are_unique_only_within_a_company()
    {
        var tenant = await app.NewTenantAsync();
        var other = await app.NewTenantAsync();
        using var client = app.ClientFor(tenant, "Items.Write");
        using var otherClient = app.ClientFor(other, "Items.Write");
        await Catalog.CreatedAsync(client, tenant.Id, "items", """{ "number": "X1", "displayName": "Thing" }""");
        await Catalog.CreatedAsync(otherClient, other.Id, "items", """{ "number": "X1", "displayName": "Thing" }""");

        await Catalog.AssertProblemAsync(await client.PostAsync(Api.Company(tenant.Id, "itemReferences"), Api.Json(
            """{ "itemNumber": "X1", "referenceType": "Customer", "referenceTypeNumber": "NOBODY", "referenceNumber": "R1" }""")), HttpStatusCode.BadRequest, "referenceTypeNumber");
        await Catalog.AssertProblemAsync(await client.PostAsync(Api.Company(tenant.Id, "itemReferences"), Api.Json(
            """{ "itemNumber": "X1", "referenceType": "Bar Code", "referenceTypeNumber": "C1", "referenceNumber": "R1" }""")), HttpStatusCode.BadRequest, "referenceTypeNumber");
        await Catalog.AssertProblemAsync(await client.PostAsync(Api.Company(tenant.Id, "itemReferences"), Api.Json(
            """{ "itemNumber": "NOPE", "referenceType": "Bar Code", "referenceNumber": "R1" }""")), HttpStatusCode.BadRequest, "itemNumber");

        var theirs = await Catalog.CreatedAsync(otherClient, other.Id, "itemReferences", """{ "itemNumber": "X1", "referenceType": "Bar Code", "referenceNumber": "R1" }""");
        var created = await Catalog.CreatedAsync(client, tenant.Id, "itemReferences", """{ "itemNumber": "X1", "referenceType": "Bar Code", "referenceNumber": "R1" }""");
        var mine = await Catalog.ReadAsync(client, tenant.Id, "itemReferences?$filter=referenceNumber eq 'R1'", created);
        Assert.Equal([Catalog.Id(created)], mine["value"]!.AsArray().Select(r => (string)r!["id"]!));
        Assert.NotEqual(Catalog.Id(theirs), Catalog.Id(created));
    }
}

public sealed class item_references_are_unique_per_tenant_and_found_by_number_on_sqlite(SqliteApp app)
    : item_references_are_unique_per_tenant_and_found_by_number<SqliteApp>(app);

public sealed class item_references_are_unique_per_tenant_and_found_by_number_on_postgres(PostgresApp app)
    : item_references_are_unique_per_tenant_and_found_by_number<PostgresApp>(app);
