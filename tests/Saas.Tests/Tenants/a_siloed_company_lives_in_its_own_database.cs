using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Saas.Tenancy.Catalog;
using Saas.Tests.Hosting;
using Saas.Web.Startup;

namespace Saas.Tests.Tenants;

/// <summary>
/// The operator places a company in its own database: created and migrated during onboarding, served by
/// the same API, and its rows never appear in the pooled database (nor the pooled companies' rows in it).
/// Only the operator may choose it: a reseller asking for it is refused by field.
/// </summary>
public abstract class a_siloed_company_lives_in_its_own_database<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SaasFactory
{
    [Fact]
    public async Task the_operator_onboards_a_siloed_company_that_works_like_any_other()
    {
        var olga = await factory.SignedInAsync("olga@operator.example");
        var company = await olga.OnboardAsync(factory, "silo", isolation: "Siloed");
        Assert.Equal("Siloed", company.Tenant.GetProperty("isolation").GetString());

        var admin = await factory.AcceptAndSignInAsync(company);
        var root = $"/api/v2.0/companies({company.Id})";
        await admin.FindProjectedAsync(factory, company.Id, $"{root}/locations", l => l.GetProperty("code").GetString() == "MAIN");
        var item = await (await admin.PostAsJsonAsync($"{root}/items", new { displayName = "Siloed bicycle", type = "Inventory" })).ReadJsonAsync();
        Assert.Equal("1000", item.GetProperty("number").GetString());
        var customer = await (await admin.PostAsJsonAsync($"{root}/customers", new { displayName = "Siloed customer" })).ReadJsonAsync();
        await admin.FindProjectedAsync(factory, company.Id, $"{root}/customers", c => c.GetProperty("id").GetGuid() == customer.GetProperty("id").GetGuid());

        TenantInfo silo;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            silo = (await scope.ServiceProvider.GetRequiredService<TenantCatalog>().FindByIdAsync(company.Id))!;
        }

        Assert.NotNull(silo.AdminConnectionString);
        var inSilo = await factory.RowsPerTenantAsync(silo.AdminConnectionString);
        var inPool = await factory.RowsPerTenantAsync();
        Assert.Equal([company.Id], inSilo.Keys.ToList());
        Assert.True(inSilo[company.Id] >= 6, $"Expected series, location, item, customer, outbox and read rows in the silo; found {inSilo[company.Id]}.");
        Assert.DoesNotContain(company.Id, inPool.Keys);
        Assert.Contains(DemoData.Companies[0].Id, inPool.Keys);
    }

    [Fact]
    public async Task a_reseller_cannot_choose_a_silo()
    {
        var paul = await factory.SignedInAsync("paul@northwind.example");
        var count = await factory.CatalogCountAsync();
        var response = await paul.PostAsJsonAsync(Onboarding.Route, new
        {
            name = "Wants a silo", identifier = Onboarding.UniqueIdentifier("wants"), currencyCode = "EUR", adminEmail = "silo@wants.example", isolation = "Siloed",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"isolation\"", await response.Content.ReadAsStringAsync());
        Assert.Equal(count, await factory.CatalogCountAsync());
    }
}

public sealed class a_siloed_company_lives_in_its_own_database_on_sqlite(SaasFactory factory)
    : a_siloed_company_lives_in_its_own_database<SaasFactory>(factory);

public sealed class a_siloed_company_lives_in_its_own_database_on_postgres(PostgresSaasFactory factory)
    : a_siloed_company_lives_in_its_own_database<PostgresSaasFactory>(factory);
