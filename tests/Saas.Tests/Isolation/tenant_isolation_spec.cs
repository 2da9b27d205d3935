using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Saas.Tests.Hosting;
using Saas.Web.Startup;

namespace Saas.Tests.Isolation;

/// <summary>
/// One isolation spec, run per provider: two companies with identical natural keys (the same item, customer,
/// vendor and location numbers). Every tenant-scoped API route, discovered from the running application's
/// endpoint table, is called as company A with company B's route and with B's ids: the answer is always 403
/// or 404, never B's data. A new resource without an isolation fixture below fails this spec on purpose.
/// </summary>
public abstract partial class tenant_isolation_spec<TFactory> : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : SaasFactory
{
    private const string CompanyRoutePrefix = "/api/v2.0/companies({companyId";

    private readonly TFactory factory;
    private readonly Dictionary<string, Guid> idsOfB = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Guid> idsOfA = new(StringComparer.OrdinalIgnoreCase);
    private HttpClient a = null!;
    private HttpClient b = null!;

    protected tenant_isolation_spec(TFactory factory) => this.factory = factory;

    private static DemoCompany Contoso => DemoData.Companies[0];

    private static DemoCompany Fabrikam => DemoData.Companies[1];

    /// <summary>What each resource needs to be created, identical in both companies.</summary>
    private static readonly Dictionary<string, object> SameNaturalKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["items"] = new { number = "ISO-1000", displayName = "Isolation bicycle", type = "Inventory", baseUnitOfMeasureCode = "PCS", unitPrice = 100m, unitCost = 60m },
        ["customers"] = new { number = "ISO-C1", displayName = "Isolation customer" },
        ["vendors"] = new { number = "ISO-V1", displayName = "Isolation vendor" },
        ["locations"] = new { code = "ISO-LOC", displayName = "Isolation warehouse" },
    };

    public async Task InitializeAsync()
    {
        a = await factory.SignedInAsync("anna@contoso.example", Contoso.Identifier);
        b = await factory.SignedInAsync("frank@fabrikam.example", Fabrikam.Identifier);
        foreach (var (resource, body) in SameNaturalKeys)
        {
            idsOfA[resource] = await CreateOrFind(a, Contoso.Id, resource, body);
            idsOfB[resource] = await CreateOrFind(b, Fabrikam.Id, resource, body);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task every_company_route_with_another_companys_id_is_refused()
    {
        foreach (var (method, pattern) in TenantRoutes())
        {
            var url = Fill(pattern, Fabrikam.Id, idsOfB);
            var response = await a.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(new { }) });
            Assert.True(
                response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound,
                $"{method} {url} as Contoso answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            Assert.DoesNotContain(Fabrikam.Name, await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task every_entity_route_with_another_companys_entity_id_is_not_found()
    {
        foreach (var (method, pattern) in TenantRoutes().Where(r => EntityId().IsMatch(r.Pattern)))
        {
            var url = Fill(pattern, Contoso.Id, idsOfB);
            var response = await a.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(new { displayName = "hijacked" }) });
            Assert.True(
                response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden,
                $"{method} {url} (Fabrikam's id under Contoso's route) answered {(int)response.StatusCode}");
        }

        // And Fabrikam's rows are untouched.
        foreach (var resource in SameNaturalKeys.Keys)
        {
            var row = await (await b.GetAsync($"/api/v2.0/companies({Fabrikam.Id})/{resource}({idsOfB[resource]})")).ReadJsonAsync();
            Assert.NotEqual("hijacked", row.GetProperty("displayName").GetString());
        }
    }

    [Fact]
    public async Task lists_with_identical_numbers_show_only_the_own_companys_rows()
    {
        foreach (var resource in SameNaturalKeys.Keys)
        {
            var list = await (await a.GetAsync($"/api/v2.0/companies({Contoso.Id})/{resource}?$top=1000")).ReadJsonAsync();
            var ids = list.GetProperty("value").EnumerateArray().Select(v => v.GetProperty("id").GetGuid()).ToList();
            Assert.Contains(idsOfA[resource], ids);
            Assert.DoesNotContain(idsOfB[resource], ids);
        }
    }

    [Fact]
    public async Task a_person_of_both_companies_sees_each_only_in_its_own_token()
    {
        var annaInFabrikam = await factory.SignedInAsync("anna@contoso.example", Fabrikam.Identifier);
        var response = await annaInFabrikam.GetAsync($"/api/v2.0/companies({Contoso.Id})/items");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var own = await (await annaInFabrikam.GetAsync($"/api/v2.0/companies({Fabrikam.Id})/items({idsOfB["items"]})")).ReadJsonAsync();
        Assert.Equal(idsOfB["items"], own.GetProperty("id").GetGuid());
    }

    private List<(string Method, string Pattern)> TenantRoutes()
    {
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(CompanyRoutePrefix, StringComparison.OrdinalIgnoreCase) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, e.RoutePattern.RawText!)))
            .ToList();
        Assert.True(routes.Count >= 8, "The company API routes were not found in the endpoint table.");
        return routes;
    }

    private static string Fill(string pattern, Guid companyId, Dictionary<string, Guid> ids)
    {
        var url = CompanyId().Replace(pattern, companyId.ToString());
        return EntityId().Replace(url, m =>
        {
            var resource = m.Groups["resource"].Value;
            Assert.True(ids.ContainsKey(resource), $"No isolation fixture for '{resource}': add it to {nameof(SameNaturalKeys)}.");
            return $"/{resource}({ids[resource]})";
        });
    }

    private static async Task<Guid> CreateOrFind(HttpClient client, Guid companyId, string resource, object body)
    {
        var url = $"/api/v2.0/companies({companyId})/{resource}";
        var created = await client.PostAsJsonAsync(url, body);
        if (created.StatusCode == HttpStatusCode.Conflict)
        {
            var number = JsonSerializer.SerializeToElement(body).EnumerateObject().First().Value.GetString();
            var list = await (await client.GetAsync($"{url}?$search={number}&$top=5")).ReadJsonAsync();
            return list.GetProperty("value")[0].GetProperty("id").GetGuid();
        }

        return (await created.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    [GeneratedRegex(@"\{companyId(:[a-z]+)?\}")]
    private static partial Regex CompanyId();

    [GeneratedRegex(@"/(?<resource>[A-Za-z]+)\(\{[A-Za-z]+(:[a-z]+)?\}\)")]
    private static partial Regex EntityId();
}

public sealed class tenant_isolation_on_sqlite(SaasFactory factory) : tenant_isolation_spec<SaasFactory>(factory);
