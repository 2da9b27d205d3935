using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Saas.Tests.Hosting;

namespace Saas.Tests.Tenants;

/// <summary>
/// What a reseller can do with companies, run per provider: onboard one that is usable at once, see and
/// manage only its own, suspend and reactivate; the operator sees all; people of a company see none.
/// Every test onboards its own fresh company.
/// </summary>
public abstract class reseller_tenant_lifecycle_spec<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SaasFactory
{
    private const string Paul = "paul@northwind.example";
    private const string Olga = "olga@operator.example";

    [Fact]
    public async Task an_onboarded_company_is_ready_for_its_invited_administrator_at_once()
    {
        var paul = await factory.SignedInAsync(Paul);
        var company = await paul.OnboardAsync(factory, "ready", currencyCode: "dkk");
        Assert.Equal("Active", company.Tenant.GetProperty("status").GetString());
        Assert.Equal("DKK", company.Tenant.GetProperty("currencyCode").GetString());
        Assert.Equal("Pooled", company.Tenant.GetProperty("isolation").GetString());

        var admin = await factory.AcceptAndSignInAsync(company);
        var root = $"/api/v2.0/companies({company.Id})";
        var main = await admin.FindProjectedAsync(factory, company.Id, $"{root}/locations", l => l.GetProperty("code").GetString() == "MAIN");
        Assert.Equal("Main warehouse", main.GetProperty("displayName").GetString());

        var item = await (await admin.PostAsJsonAsync($"{root}/items", new { displayName = "First item", type = "Inventory", baseUnitOfMeasureCode = "PCS" })).ReadJsonAsync();
        Assert.Equal("1000", item.GetProperty("number").GetString());
        var second = await (await admin.PostAsJsonAsync($"{root}/items", new { displayName = "Second item", type = "Service" })).ReadJsonAsync();
        Assert.Equal("1001", second.GetProperty("number").GetString());
    }

    [Fact]
    public async Task a_reseller_sees_and_manages_only_its_own_companies()
    {
        var paul = await factory.SignedInAsync(Paul);
        var paulsCompany = await paul.OnboardAsync(factory, "pauls");
        var (_, otherEmail) = await factory.NewResellerAsync("other");
        var other = await factory.SignedInAsync(otherEmail, password: Onboarding.NewPassword);

        var empty = await (await other.GetAsync(Onboarding.Route)).ReadJsonAsync();
        Assert.Equal(0, empty.GetProperty("count").GetInt32());
        Assert.Empty(empty.GetProperty("value").EnumerateArray());

        foreach (var request in new[]
        {
            new HttpRequestMessage(HttpMethod.Get, $"{Onboarding.Route}/{paulsCompany.Id}"),
            new HttpRequestMessage(HttpMethod.Post, $"{Onboarding.Route}/{paulsCompany.Id}/suspend"),
            new HttpRequestMessage(HttpMethod.Post, $"{Onboarding.Route}/{paulsCompany.Id}/reactivate"),
        })
        {
            var response = await other.SendAsync(request);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain(paulsCompany.Name, await response.Content.ReadAsStringAsync());
        }

        var stillActive = await (await paul.GetAsync($"{Onboarding.Route}/{paulsCompany.Id}")).ReadJsonAsync();
        Assert.Equal("Active", stillActive.GetProperty("status").GetString());

        var othersCompany = await other.OnboardAsync(factory, "others");
        var paulsList = await (await paul.GetAsync($"{Onboarding.Route}?$top=1000&top=1000")).ReadJsonAsync();
        var paulSees = paulsList.GetProperty("value").EnumerateArray().Select(t => t.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(paulsCompany.Id, paulSees);
        Assert.DoesNotContain(othersCompany.Id, paulSees);
        var othersList = await (await other.GetAsync(Onboarding.Route)).ReadJsonAsync();
        Assert.Equal([othersCompany.Id], othersList.GetProperty("value").EnumerateArray().Select(t => t.GetProperty("id").GetGuid()).ToList());
        Assert.Equal(HttpStatusCode.NotFound, (await paul.GetAsync($"{Onboarding.Route}/{othersCompany.Id}")).StatusCode);
    }

    [Fact]
    public async Task a_suspended_company_locks_its_people_out_until_it_is_reactivated()
    {
        var paul = await factory.SignedInAsync(Paul);
        var company = await paul.OnboardAsync(factory, "suspended");
        var admin = await factory.AcceptAndSignInAsync(company);
        var items = $"/api/v2.0/companies({company.Id})/items";
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(items)).StatusCode);

        var suspended = await (await paul.PostAsync($"{Onboarding.Route}/{company.Id}/suspend", null)).ReadJsonAsync();
        Assert.Equal("Suspended", suspended.GetProperty("status").GetString());

        // A token issued before the suspension does not help: suspending revokes the company's tokens (ADR 011).
        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.GetAsync(items)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.PostAsJsonAsync(items, new { displayName = "Sneaked in" })).StatusCode);

        var token = await TokenAsync(company.AdminEmail, company.Identifier);
        Assert.Equal(HttpStatusCode.BadRequest, token.StatusCode);
        Assert.Contains("suspended", await token.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        var reactivated = await (await paul.PostAsync($"{Onboarding.Route}/{company.Id}/reactivate", null)).ReadJsonAsync();
        Assert.Equal("Active", reactivated.GetProperty("status").GetString());

        // The old token stays dead after the reactivation (it used to come back to life); a new sign-in works.
        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.GetAsync(items)).StatusCode);
        var again = await factory.SignedInAsync(company.AdminEmail, company.Identifier, Onboarding.NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync(items)).StatusCode);
    }

    [Fact]
    public async Task the_operator_sees_and_manages_every_company()
    {
        var paul = await factory.SignedInAsync(Paul);
        var (_, otherEmail) = await factory.NewResellerAsync("operated");
        var other = await factory.SignedInAsync(otherEmail, password: Onboarding.NewPassword);
        var paulsCompany = await paul.OnboardAsync(factory, "op-paul");
        var othersCompany = await other.OnboardAsync(factory, "op-other");

        var olga = await factory.SignedInAsync(Olga);
        var all = await (await olga.GetAsync($"{Onboarding.Route}?top=1000")).ReadJsonAsync();
        var ids = all.GetProperty("value").EnumerateArray().Select(t => t.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(paulsCompany.Id, ids);
        Assert.Contains(othersCompany.Id, ids);
        Assert.Contains(Saas.Web.Startup.DemoData.Companies[0].Id, ids);
        Assert.Equal(await factory.CatalogCountAsync(), all.GetProperty("count").GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await olga.PostAsync($"{Onboarding.Route}/{othersCompany.Id}/suspend", null)).StatusCode);
        var seenByOwner = await (await other.GetAsync($"{Onboarding.Route}/{othersCompany.Id}")).ReadJsonAsync();
        Assert.Equal("Suspended", seenByOwner.GetProperty("status").GetString());
    }

    [Fact]
    public async Task people_of_a_company_and_anonymous_callers_cannot_use_the_reseller_api()
    {
        var count = await factory.CatalogCountAsync();
        var anna = await factory.SignedInAsync("anna@contoso.example", "contoso");
        var body = new { name = "Nope", identifier = Onboarding.UniqueIdentifier("nope"), currencyCode = "EUR", adminEmail = "nope@example.com" };
        Assert.Equal(HttpStatusCode.Forbidden, (await anna.GetAsync(Onboarding.Route)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await anna.PostAsJsonAsync(Onboarding.Route, body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await anna.PostAsync($"{Onboarding.Route}/{Saas.Web.Startup.DemoData.Companies[0].Id}/suspend", null)).StatusCode);

        var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Onboarding.Route)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync(Onboarding.Route, body)).StatusCode);
        Assert.Equal(count, await factory.CatalogCountAsync());
    }

    public static TheoryData<string, string> BadBodies()
    {
        var taken = Saas.Web.Startup.DemoData.Companies[0].Identifier;
        return new()
        {
            { """{"identifier":"IDENT","currencyCode":"EUR","adminEmail":"a@b.example"}""", "name" },
            { """{"name":"  ","identifier":"IDENT","currencyCode":"EUR","adminEmail":"a@b.example"}""", "name" },
            { """{"name":"N","identifier":"9starts-with-digit","currencyCode":"EUR","adminEmail":"a@b.example"}""", "identifier" },
            { """{"name":"N","identifier":"has space","currencyCode":"EUR","adminEmail":"a@b.example"}""", "identifier" },
            { """{"name":"N","identifier":"TAKEN","currencyCode":"EUR","adminEmail":"a@b.example"}""".Replace("TAKEN", taken), "identifier" },
            { """{"name":"N","identifier":"TAKEN","currencyCode":"EUR","adminEmail":"a@b.example"}""".Replace("TAKEN", taken.ToUpperInvariant()), "identifier" },
            { """{"name":"N","identifier":"IDENT","currencyCode":"EURO","adminEmail":"a@b.example"}""", "currencyCode" },
            { """{"name":"N","identifier":"IDENT","currencyCode":"E1R","adminEmail":"a@b.example"}""", "currencyCode" },
            { """{"name":"N","identifier":"IDENT","currencyCode":"EUR","adminEmail":"not-an-address"}""", "adminEmail" },
            { """{"name":"N","identifier":"IDENT","currencyCode":"EUR","adminEmail":"Someone <a@b.example>"}""", "adminEmail" },
            { """{"name":"N","identifier":"IDENT","currencyCode":"EUR"}""", "adminEmail" },
            { """{"name":"N","identifier":"IDENT","currencyCode":"EUR","adminEmail":"a@b.example","isolation":"Shared"}""", "isolation" },
            { """{"name":"N","identifier":"IDENT","currencyCode":"EUR","adminEmail":"a@b.example","isolation":1}""", "isolation" },
            { """{"name":"N","identifier":"IDENT","currencyCode":"EUR","adminEmail":"a@b.example","isolation":"Siloed"}""", "isolation" },
            { """{"name":42,"identifier":"IDENT","currencyCode":"EUR","adminEmail":"a@b.example"}""", "name" },
            { """{"name":"N","identifier":"IDENT",""", "body" },
            { "null", "body" },
        };
    }

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task bad_input_is_refused_naming_the_field_and_writes_nothing(string json, string field)
    {
        var paul = await factory.SignedInAsync(Paul);
        var identifier = Onboarding.UniqueIdentifier("bad");
        json = json.Replace("IDENT", identifier);
        var catalogBefore = await factory.CatalogCountAsync();
        var rowsBefore = await factory.RowsPerTenantAsync();

        var response = await paul.PostAsync(Onboarding.Route, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"The problem does not name '{field}': {problem}");
        Assert.Equal(catalogBefore, await factory.CatalogCountAsync());
        Assert.False(await factory.UserExistsAsync("a@b.example"));
        var rowsAfter = await factory.RowsPerTenantAsync();
        Assert.Equal(rowsBefore.Keys.Order(), rowsAfter.Keys.Order());
    }

    private async Task<HttpResponseMessage> TokenAsync(string email, string tenant) =>
        await factory.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["username"] = email,
            ["password"] = Onboarding.NewPassword,
            ["tenant"] = tenant,
        }));

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}

public sealed class reseller_tenant_lifecycle_on_sqlite(SaasFactory factory) : reseller_tenant_lifecycle_spec<SaasFactory>(factory);

public sealed class reseller_tenant_lifecycle_on_postgres(PostgresSaasFactory factory) : reseller_tenant_lifecycle_spec<PostgresSaasFactory>(factory);
