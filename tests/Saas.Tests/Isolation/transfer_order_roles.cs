using System.Net;
using System.Net.Http.Json;
using Saas.Tests.Hosting;
using Saas.Web.Startup;

namespace Saas.Tests.Isolation;

/// <summary>
/// Transfer orders by role, as the demo people of Contoso: everyone reads them; only the roles that may post item
/// journals (administrator, purchasing, warehouse) create, change, ship or receive them.
/// </summary>
public sealed class transfer_order_roles(SaasFactory factory) : IClassFixture<SaasFactory>
{
    private static readonly DemoCompany Contoso = DemoData.Companies[0];

    [Theory]
    [InlineData("sam@contoso.example")]
    [InlineData("rita@contoso.example")]
    [InlineData("alex@contoso.example")]
    public async Task sales_read_only_and_accountants_read_but_cannot_ship_or_receive(string email)
    {
        var client = await factory.SignedInAsync(email, Contoso.Identifier);
        var root = $"/api/v2.0/companies({Contoso.Id})";
        var order = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{root}/transferOrders")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{root}/postedTransferShipments")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"{root}/transferOrders", new { transferFromCode = "MAIN" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"{root}/transferOrders({order})/Microsoft.NAV.ship", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"{root}/transferOrders({order})/Microsoft.NAV.receive", new { })).StatusCode);
    }

    [Fact]
    public async Task the_warehouse_may_create_and_ship()
    {
        var client = await factory.SignedInAsync("will@contoso.example", Contoso.Identifier);
        var root = $"/api/v2.0/companies({Contoso.Id})";

        // Authorised: the answer is about the input (from = to), not about the caller.
        var refused = await client.PostAsJsonAsync($"{root}/transferOrders", new { transferFromCode = "MAIN", transferToCode = "MAIN" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var unknown = await client.PostAsJsonAsync($"{root}/transferOrders({Guid.NewGuid()})/Microsoft.NAV.ship", new { });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
