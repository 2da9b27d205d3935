using System.Net;
using Saas.Tests.Infrastructure;

namespace Saas.Tests.MasterData;

public abstract class customers_vendors_and_locations_round_trip_through_the_bc_api<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    [Fact]
    public async Task customers_take_numbers_from_their_series_and_block_like_bc()
    {
        var tenant = await app.NewTenantAsync();
        using var client = app.ClientFor(tenant, "Customers.Write");
        var first = await client.PostAsync(Api.Company(tenant.Id, "customers"), Api.Json(
            """{ "displayName": "Adatum Corporation", "email": "ap@adatum.example", "city": "Oslo", "country": "no", "creditLimit": 2500 }"""));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var second = await client.PostAsync(Api.Company(tenant.Id, "customers"), Api.Json("""{ "displayName": "Trey Research" }"""));
        var created = await Api.BodyAsync(second);
        Assert.Equal("C00010", (string?)(await Api.BodyAsync(first))["number"]);
        Assert.Equal("C00020", (string?)created["number"]);
        Assert.Equal(" ", (string?)created["blocked"]);

        var blocked = await Api.PatchAsync(client, Api.Company(tenant.Id, $"customers({created["id"]})"), """{ "blocked": "Invoice" }""", "W/\"1\"");
        Assert.Equal(HttpStatusCode.OK, blocked.StatusCode);
        var card = await Api.BodyAsync(await Api.GetAfterAsync(client, Api.Company(tenant.Id, $"customers({created["id"]})"), blocked));
        Assert.Equal("Invoice", (string?)card["blocked"]);

        var byMail = await Api.BodyAsync(await client.GetAsync(Api.Company(tenant.Id, "customers?$search=ADATUM.example")));
        Assert.Equal(1, (int)byMail["@odata.count"]!);
        Assert.Equal("NO", (string?)byMail["value"]![0]!["country"]);
    }

    [Fact]
    public async Task vendors_take_numbers_from_their_series()
    {
        var tenant = await app.NewTenantAsync();
        using var client = app.ClientFor(tenant, "Vendors.Write");
        var created = await client.PostAsync(Api.Company(tenant.Id, "vendors"), Api.Json(
            """{ "displayName": "Fabrikam Supply", "blocked": "Payment", "phoneNumber": "+47 22 00 00 00" }"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var card = await Api.BodyAsync(await Api.GetAfterAsync(client, Api.Company(tenant.Id, $"vendors({(await Api.BodyAsync(created))["id"]})"), created));
        Assert.Equal("V00010", (string?)card["number"]);
        Assert.Equal("Payment", (string?)card["blocked"]);
    }

    [Fact]
    public async Task a_new_company_has_its_main_location_and_can_add_an_in_transit_one()
    {
        var tenant = await app.NewTenantAsync();
        using var client = app.ClientFor(tenant, "Locations.Write");
        var created = await client.PostAsync(Api.Company(tenant.Id, "locations"), Api.Json(
            """{ "code": "own log.", "displayName": "Own logistics", "useAsInTransit": true }"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Get, Api.Company(tenant.Id, "locations?$orderby=code"));
        request.Headers.Add("X-Wait-For-Position", created.Headers.GetValues("X-Read-Position").Single());
        var list = await Api.BodyAsync(await client.SendAsync(request));
        // Onboarding also gives every company an in-transit location for transfer orders (IN-TRANSIT).
        Assert.Equal(["IN-TRANSIT", "MAIN", "OWN LOG."], list["value"]!.AsArray().Select(v => (string)v!["code"]!));
        var transit = await Api.BodyAsync(await client.GetAsync(Api.Company(tenant.Id, "locations?$filter=useAsInTransit eq true")));
        Assert.Equal(2, (int)transit["@odata.count"]!);
        var duplicate = await client.PostAsync(Api.Company(tenant.Id, "locations"), Api.Json("""{ "code": "main", "displayName": "Again" }"""));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
    }
}

public sealed class customers_vendors_and_locations_round_trip_through_the_bc_api_on_sqlite(SqliteApp app)
    : customers_vendors_and_locations_round_trip_through_the_bc_api<SqliteApp>(app);

public sealed class customers_vendors_and_locations_round_trip_through_the_bc_api_on_postgres(PostgresApp app)
    : customers_vendors_and_locations_round_trip_through_the_bc_api<PostgresApp>(app);
