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
        ["apiClients"] = new { displayName = "Isolation client", role = "ReadOnly" },
        ["itemCategories"] = new { code = "ISO-CAT", displayName = "Isolation category" },
        ["itemAttributes"] = new { name = "ISO-ATTR", type = "Text" },
        ["catalogItems"] = new { entryNumber = "ISO-NS1", displayName = "Isolation catalog item" },

        // After "items": the reference names the item by its number, which both companies share.
        ["itemReferences"] = new { itemNumber = "ISO-1000", referenceType = "Bar Code", referenceNumber = "ISO-REF-1" },
    };

    /// <summary>
    /// Resources addressed by another resource's id: an item's (or category's) attribute value is addressed by
    /// its attribute's id. Each company gets such a value in <see cref="InitializeAsync"/>.
    /// </summary>
    private static readonly Dictionary<string, string> AddressedByIdOf = new(StringComparer.OrdinalIgnoreCase)
    {
        ["itemAttributeValues"] = "itemAttributes",
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

        foreach (var (client, company, ids) in new[] { (a, Contoso.Id, idsOfA), (b, Fabrikam.Id, idsOfB) })
        {
            foreach (var owner in new[] { "items", "itemCategories" })
            {
                var set = await client.PostAsJsonAsync(
                    $"/api/v2.0/companies({company})/{owner}({ids[owner]})/itemAttributeValues", new { attributeName = "ISO-ATTR", value = "Isolation" });
                Assert.True(set.IsSuccessStatusCode, $"Setting an attribute value on {owner} answered {(int)set.StatusCode}");

                // Settled before the test runs, so that no projection changes a record while a test compares it.
                using var wait = new HttpRequestMessage(HttpMethod.Get, $"/api/v2.0/companies({company})/{owner}({ids[owner]})/itemAttributeValues");
                wait.Headers.Add("X-Wait-For-Position", set.Headers.GetValues("X-Read-Position").Single());
                Assert.Equal("true", (await client.SendAsync(wait)).Headers.GetValues("X-Read-Position-Reached").Single());
            }

            foreach (var (resource, idOf) in AddressedByIdOf)
            {
                ids[resource] = ids[idOf];
            }
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
        var before = await RecordsOfBAsync();
        // Routes that name an entity besides the company ("/companies({companyId})" itself matches the pattern too).
        foreach (var (method, pattern) in TenantRoutes().Where(r => EntityId().IsMatch(CompanyId().Replace(r.Pattern, "company"))))
        {
            var url = Fill(pattern, Contoso.Id, idsOfB);
            // A valid change with If-Match: * — what an attacker would send; a body the endpoint refuses as
            // malformed (or a missing If-Match) would be answered before the id is ever looked at, proving nothing.
            using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(HijackBody(pattern)) };
            request.Headers.TryAddWithoutValidation("If-Match", "*");
            var response = await a.SendAsync(request);
            Assert.True(
                response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden,
                $"{method} {url} (Fabrikam's id under Contoso's route) answered {(int)response.StatusCode}");
        }

        // And Fabrikam's records are untouched: every field, not only the one the attempts tried to set.
        var after = await RecordsOfBAsync();
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (url, json) in before)
        {
            Assert.Equal(json, after[url]);
            Assert.DoesNotContain("hijacked", json);
        }
    }

    /// <summary>A body the route's endpoint accepts, marked "hijacked" wherever it has a text field for it.</summary>
    private static object HijackBody(string pattern)
    {
        var last = pattern[(pattern.LastIndexOf('/') + 1)..];
        var resource = last.Contains('(') ? last[..last.IndexOf('(')] : last;
        return resource switch
        {
            "itemAttributes" => new { name = "hijacked" },
            "itemAttributeValues" => new { value = "hijacked" },
            "itemReferences" => new { description = "hijacked" },
            "Microsoft.NAV.createItem" => new { },
            _ => new { displayName = "hijacked" },
        };
    }

    /// <summary>Fabrikam's fixtures as Fabrikam reads them: each card that has a GET route, and the attribute values.</summary>
    private async Task<Dictionary<string, string>> RecordsOfBAsync()
    {
        var readable = TenantRoutes().Where(r => r.Method == "GET").Select(r => r.Pattern).ToList();
        var urls = SameNaturalKeys.Keys
            .Where(resource => readable.Any(p => EntityId().Match(p) is { Success: true } m && m.Groups["resource"].Value == resource && m.Index + m.Length == p.Length))
            .Select(resource => $"/api/v2.0/companies({Fabrikam.Id})/{resource}({idsOfB[resource]})")
            .Concat(new[] { "items", "itemCategories" }.Select(owner => $"/api/v2.0/companies({Fabrikam.Id})/{owner}({idsOfB[owner]})/itemAttributeValues"))
            .ToList();
        Assert.Contains(urls, u => u.Contains("/itemCategories(", StringComparison.Ordinal));
        var records = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var url in urls)
        {
            // The read side is eventually consistent: a fixture created a moment ago may still be on its way.
            for (var attempt = 1; ; attempt++)
            {
                var response = await b.GetAsync(url);
                if (response.IsSuccessStatusCode || attempt == 100)
                {
                    records[url] = (await response.ReadJsonAsync()).GetRawText();
                    break;
                }

                await Task.Delay(100);
            }
        }

        return records;
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
