using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Saas.Identity;
using Saas.Tenancy.Catalog;
using Saas.Web.Startup;

namespace Saas.Tests.Hosting;

public sealed class tenant_resolution_refuses_what_does_not_agree : IClassFixture<SaasFactory>
{
    private readonly SaasFactory factory;

    public tenant_resolution_refuses_what_does_not_agree(SaasFactory factory) => this.factory = factory;

    [Fact]
    public async Task an_anonymous_caller_gets_401_whether_or_not_the_company_exists()
    {
        foreach (var company in new[] { DemoData.Companies[0].Id, Guid.NewGuid() })
        {
            var response = await factory.CreateClient().GetAsync($"/api/v2.0/companies({company})/items");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Fact]
    public async Task an_unknown_company_in_the_route_is_not_found_as_a_problem()
    {
        var client = await factory.SignedInAsync("anna@contoso.example", "contoso");
        var response = await client.GetAsync($"/api/v2.0/companies({Guid.NewGuid()})/items");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>();
        Assert.Equal("Unknown company", problem!["title"].ToString());
    }

    [Fact]
    public async Task a_route_naming_another_company_than_the_token_is_forbidden_even_for_a_member_of_both()
    {
        var client = await factory.SignedInAsync("anna@contoso.example", "contoso");
        var response = await client.GetAsync($"/api/v2.0/companies({DemoData.Companies[1].Id})/items");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>();
        Assert.Equal("Company mismatch", problem!["title"].ToString());
    }

    [Fact]
    public async Task a_header_or_host_naming_another_company_than_the_token_is_forbidden()
    {
        var client = await factory.SignedInAsync("anna@contoso.example", "contoso");
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v2.0/companies({DemoData.Companies[0].Id})/items");
        request.Headers.Add("X-Tenant", DemoData.Companies[1].Identifier);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(request)).StatusCode);

        var agreeing = new HttpRequestMessage(HttpMethod.Get, $"/api/v2.0/companies({DemoData.Companies[0].Id})/items");
        agreeing.Headers.Add("X-Tenant", DemoData.Companies[0].Identifier);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(agreeing)).StatusCode);
    }

    [Fact]
    public async Task a_suspended_company_is_refused_with_a_clear_problem()
    {
        var tenant = new TenantInfo { Id = Guid.NewGuid(), Identifier = "sleepy-" + Guid.NewGuid().ToString("N")[..6], Name = "Sleepy Ltd" };
        var email = $"owner@{tenant.Identifier}.example";
        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<TenantCatalog>().AddAsync(tenant);
            var identity = scope.ServiceProvider.GetRequiredService<IdentityAdministration>();
            var user = await identity.CreateUserAsync(email, "Owner", SaasFactory.DemoPassword);
            await identity.AddMembershipAsync(user.Id, tenant.Id, SaasRoles.Administrator);
        }

        // A web session opened while the company was active, and a token issued then.
        var browser = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await Saas.Tests.Identity.IdentityHost.PostFormAsync(browser, "/account/login", ("email", email), ("password", SaasFactory.DemoPassword), ("tenant", tenant.Identifier));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var client = await factory.SignedInAsync(email, tenant.Identifier);
        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<TenantCatalog>().SetStatusAsync(tenant.Id, TenantStatus.Suspended);
        }

        // The token is revoked with the suspension (ADR 011): refused without detail, and it stays refused.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/api/v2.0/companies({tenant.Id})/items")).StatusCode);

        // The session still names the company: tenant resolution refuses it with a clear problem.
        var response = await browser.GetAsync($"/api/v2.0/companies({tenant.Id})/items");
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
