using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Saas.Tenancy.Catalog;
using Saas.Web.Startup;

namespace Saas.Tests.Hosting;

public sealed class tenant_resolution_refuses_what_does_not_agree : IClassFixture<SaasFactory>
{
    private readonly SaasFactory factory;

    public tenant_resolution_refuses_what_does_not_agree(SaasFactory factory) => this.factory = factory;

    [Fact]
    public async Task an_unknown_company_in_the_route_is_not_found_as_a_problem()
    {
        var response = await factory.CreateClient().GetAsync($"/api/v2.0/companies({Guid.NewGuid()})/items");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>();
        Assert.Equal("Unknown company", problem!["title"].ToString());
    }

    [Fact]
    public async Task a_header_naming_another_company_than_the_route_is_forbidden()
    {
        var contoso = DemoData.Companies[0];
        var fabrikam = DemoData.Companies[1];
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v2.0/companies({fabrikam.Id})/items");
        request.Headers.Add("X-Tenant", contoso.Identifier);
        var response = await factory.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task a_suspended_company_is_refused_with_a_clear_problem()
    {
        var tenant = new TenantInfo { Id = Guid.NewGuid(), Identifier = "sleepy-" + Guid.NewGuid().ToString("N")[..6], Name = "Sleepy Ltd" };
        using (var scope = factory.Services.CreateScope())
        {
            var catalog = scope.ServiceProvider.GetRequiredService<TenantCatalog>();
            await catalog.AddAsync(tenant);
            await catalog.SetStatusAsync(tenant.Id, TenantStatus.Suspended);
        }

        var response = await factory.CreateClient().GetAsync($"/api/v2.0/companies({tenant.Id})/items");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>();
        Assert.Equal("Company suspended", problem!["title"].ToString());
    }

    [Fact]
    public async Task health_reports_ready_with_the_database()
    {
        var response = await factory.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("database", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task the_openapi_document_is_served()
    {
        var response = await factory.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
