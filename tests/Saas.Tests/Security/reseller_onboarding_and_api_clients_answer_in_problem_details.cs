using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Saas.Tests.Hosting;
using Saas.Tests.Tenants;
using Saas.Web.Resellers;
using Saas.Web.Startup;

namespace Saas.Tests.Security;

/// <summary>
/// Issue 9: the reseller onboarding endpoint accepted text/plain bodies and unknown fields; the API clients endpoints
/// answered errors as <c>{"error":…}</c>. Now 415 for anything but JSON, unknown fields named in a problem, and
/// problem details everywhere.
/// </summary>
public sealed class reseller_onboarding_and_api_clients_answer_in_problem_details(SaasFactory factory) : IClassFixture<SaasFactory>
{
    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task onboarding_refuses_a_body_that_is_not_json_with_415(string mediaType)
    {
        var reseller = await factory.SignedInAsync("paul@northwind.example");
        var before = await factory.CatalogCountAsync();
        var json = JsonSerializer.Serialize(new { name = "Plain", identifier = "plain-" + Guid.NewGuid().ToString("N")[..8], currencyCode = "EUR", adminEmail = "a@plain.example" });

        var response = await reseller.PostAsync(ResellerEndpoints.Route, new StringContent(json, Encoding.UTF8, mediaType));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await factory.CatalogCountAsync());
    }

    [Fact]
    public async Task onboarding_refuses_an_unknown_field_naming_it()
    {
        var reseller = await factory.SignedInAsync("paul@northwind.example");
        var before = await factory.CatalogCountAsync();

        var response = await reseller.PostAsJsonAsync(ResellerEndpoints.Route, new
        {
            name = "Typo", identifier = "typo-" + Guid.NewGuid().ToString("N")[..8], currencyCode = "EUR", adminEmial = "a@typo.example",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty("adminEmial", out var reasons), problem.ToString());
        Assert.Contains("not a field", reasons[0].GetString());
        Assert.Equal(before, await factory.CatalogCountAsync());
    }

    [Fact]
    public async Task api_client_errors_are_problem_details()
    {
        var contoso = DemoData.Companies.Single(c => c.Identifier == "contoso").Id;
        var fabrikam = DemoData.Companies.Single(c => c.Identifier == "fabrikam").Id;
        var admin = await factory.SignedInAsync("anna@contoso.example", "contoso");

        var badRole = await admin.PostAsJsonAsync($"/api/v2.0/companies({contoso})/apiClients", new { displayName = "x", role = "Operator" });
        var otherCompany = await admin.GetAsync($"/api/v2.0/companies({fabrikam})/apiClients");
        var unknown = await admin.DeleteAsync($"/api/v2.0/companies({contoso})/apiClients({Guid.NewGuid()})");

        foreach (var (response, status) in new[] { (badRole, 400), (otherCompany, 403), (unknown, 404) })
        {
            Assert.Equal(status, (int)response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.False(body.TryGetProperty("error", out _), body.ToString());
            Assert.Equal(status, body.GetProperty("status").GetInt32());
        }

        var problem = JsonDocument.Parse(await badRole.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty("role", out _), problem.ToString());
    }
}
