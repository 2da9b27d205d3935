using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Saas.Tests.Hosting;
using Saas.Tests.Infrastructure;
using Saas.Web.MasterData;
using Saas.Web.Startup;

namespace Saas.Tests.Isolation;

/// <summary>
/// One isolation spec, run per provider: two companies with identical natural keys (the same item, customer,
/// vendor and location numbers). Every tenant-scoped API route, discovered from the running application's
/// endpoint table, is called as company A with company B's route and with B's ids: the answer is always 403
/// or 404, never B's data. A new resource without an isolation fixture below fails this spec on purpose.
/// The companies are the demo's two pooled ones unless a variant supplies others (e.g. one pooled, one siloed).
/// </summary>
public abstract partial class tenant_isolation_spec<TFactory> : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : SaasFactory
{
    private const string CompanyRoutePrefix = "/api/v2.0/companies({companyId";

    private readonly TFactory factory;
    private readonly Dictionary<string, Guid> idsOfB = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Guid> idsOfA = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> positionsOfA = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> positionsOfB = new(StringComparer.OrdinalIgnoreCase);
    private HttpClient a = null!;
    private HttpClient b = null!;

    protected tenant_isolation_spec(TFactory factory) => this.factory = factory;

    private IsolatedCompany companyA = null!;

    private IsolatedCompany companyB = null!;

    /// <summary>What each resource needs to be created, identical in both companies.</summary>
    private static readonly Dictionary<string, object> SameNaturalKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["items"] = new { number = "ISO-1000", displayName = "Isolation bicycle", type = "Inventory", baseUnitOfMeasureCode = "PCS", unitPrice = 100m, unitCost = 60m },
        ["customers"] = new { number = "ISO-C1", displayName = "Isolation customer" },
        ["vendors"] = new { number = "ISO-V1", displayName = "Isolation vendor" },
        ["locations"] = new { code = "ISO-LOC", displayName = "Isolation warehouse" },
        ["apiClients"] = new { displayName = "Isolation client", role = "ReadOnly" },
        // The same person invited to both companies: one user, but a person id per company (the invitation's).
        ["people"] = new { email = "isolation-person@isolation.example", role = "ReadOnly" },
        ["oauthApplications"] = new { displayName = "Isolation app", clientType = "public", redirectUris = new[] { "https://isolation.example/callback" }, scopes = new[] { "inventory" } },
        ["itemCategories"] = new { code = "ISO-CAT", displayName = "Isolation category" },
        ["unitsOfMeasure"] = new { code = "ISO-UOM", displayName = "Isolation unit", internationalStandardCode = "C62" },
        ["itemAttributes"] = new { name = "ISO-ATTR", type = "Text" },
        ["catalogItems"] = new { entryNumber = "ISO-NS1", displayName = "Isolation catalog item" },

        // After "items": the reference names the item by its number, which both companies share.
        ["itemReferences"] = new { itemNumber = "ISO-1000", referenceType = "Bar Code", referenceNumber = "ISO-REF-1" },

        // Finance setup: the account and the groups first, then the setup rows that name them (and ISO-LOC).
        ["accounts"] = new { number = "ISO-9000", displayName = "Isolation account", category = "Assets" },
        ["generalBusinessPostingGroups"] = new { code = "ISO-GB", description = "Isolation" },
        ["generalProductPostingGroups"] = new { code = "ISO-GP", description = "Isolation" },
        ["inventoryPostingGroups"] = new { code = "ISO-INV", description = "Isolation" },
        ["customerPostingGroups"] = new { code = "ISO-CUS", description = "Isolation", receivablesAccount = "ISO-9000" },
        ["vendorPostingGroups"] = new { code = "ISO-VEN", description = "Isolation", payablesAccount = "ISO-9000" },
        ["vatBusinessPostingGroups"] = new { code = "ISO-VB", description = "Isolation" },
        ["vatProductPostingGroups"] = new { code = "ISO-VP", description = "Isolation" },
        ["generalPostingSetups"] = new { generalBusinessPostingGroup = "ISO-GB", generalProductPostingGroup = "ISO-GP", cogsAccount = "ISO-9000" },
        ["inventoryPostingSetups"] = new { locationCode = "ISO-LOC", inventoryPostingGroup = "ISO-INV", inventoryAccount = "ISO-9000" },
        ["vatPostingSetups"] = new { vatBusinessPostingGroup = "ISO-VB", vatProductPostingGroup = "ISO-VP", vatPercent = 25m, salesVatAccount = "ISO-9000" },
        // A stored item journal batch; its line (itemJournalLines) is added in InitializeAsync, as it lives under the batch.
        ["itemJournals"] = new { code = "ISO-JNL", displayName = "Isolation journal", template = "Item" },
        // After "locations": numbered by each company's series, so both get the same order numbers too.
        ["transferOrders"] = new { transferFromCode = "MAIN", transferToCode = "ISO-LOC", inTransitCode = "IN-TRANSIT" },
    };

    /// <summary>Resources every company is seeded with and that cannot be created through the API: found by their code.</summary>
    private static readonly Dictionary<string, string> Seeded = new(StringComparer.OrdinalIgnoreCase)
    {
        ["noSeries"] = "ITEM",
    };

    /// <summary>The line each company's isolation journal holds (after "items": it names the shared item number).</summary>
    private static readonly object IsolationJournalLine =
        new { itemNumber = "ISO-1000", locationCode = "MAIN", postingDate = "2027-01-04", quantity = 1, unitCost = 1, description = "Isolation line" };

    /// <summary>
    /// Resources addressed by another resource's id: an item's (or category's) attribute value is addressed by
    /// its attribute's id. Each company gets such a value in <see cref="InitializeAsync"/>.
    /// </summary>
    private static readonly Dictionary<string, string> AddressedByIdOf = new(StringComparer.OrdinalIgnoreCase)
    {
        ["itemAttributeValues"] = "itemAttributes",
    };

    /// <summary>Owners of attribute values, set up in both companies so their value routes have something to guard.</summary>
    private static readonly string[] AttributeOwners = ["items", "itemCategories"];

    /// <summary>
    /// Company A (whose person makes every request), company B (whose data must stay out of reach), and a
    /// person of A who is also a member of B. Default: the demo's Contoso (Anna) and Fabrikam (Frank).
    /// </summary>
    protected virtual Task<(IsolatedCompany A, IsolatedCompany B)> CompaniesAsync(TFactory app) => Task.FromResult((
        new IsolatedCompany(DemoData.Companies[0].Id, DemoData.Companies[0].Identifier, DemoData.Companies[0].Name, "anna@contoso.example", SaasFactory.DemoPassword),
        new IsolatedCompany(DemoData.Companies[1].Id, DemoData.Companies[1].Identifier, DemoData.Companies[1].Name, "frank@fabrikam.example", SaasFactory.DemoPassword)));

    public async Task InitializeAsync()
    {
        (companyA, companyB) = await CompaniesAsync(factory);
        a = await factory.SignedInAsync(companyA.Email, companyA.Identifier, companyA.Password);
        b = await factory.SignedInAsync(companyB.Email, companyB.Identifier, companyB.Password);
        foreach (var (resource, body) in SameNaturalKeys)
        {
            (idsOfA[resource], var position) = await CreateOrFind(a, companyA.Id, resource, body);
            if (position is not null)
            {
                positionsOfA[resource] = position;
            }

            (idsOfB[resource], position) = await CreateOrFind(b, companyB.Id, resource, body);
            if (position is not null)
            {
                positionsOfB[resource] = position;
            }
        }

        foreach (var (client, company, ids) in new[] { (a, companyA.Id, idsOfA), (b, companyB.Id, idsOfB) })
        {
            foreach (var (resource, code) in Seeded)
            {
                var list = await (await client.GetAsync($"/api/v2.0/companies({company})/{resource}?$search={code}")).ReadJsonAsync();
                ids[resource] = list.GetProperty("value").EnumerateArray().Single(v => v.GetProperty("code").GetString() == code).GetProperty("id").GetGuid();
            }

            foreach (var owner in AttributeOwners)
            {
                var set = await client.PostAsJsonAsync(
                    $"/api/v2.0/companies({company})/{owner}({ids[owner]})/itemAttributeValues", new { attributeName = "ISO-ATTR", value = "Isolation" });
                Assert.True(set.IsSuccessStatusCode || set.StatusCode == HttpStatusCode.Conflict, $"Setting an attribute value on {owner} answered {(int)set.StatusCode}");

                // Settled before the test runs, so that no projection changes a record while a test compares it.
                if (set.Headers.TryGetValues(ApiSupport.ReadPositionHeader, out var values))
                {
                    using var wait = new HttpRequestMessage(HttpMethod.Get, $"/api/v2.0/companies({company})/{owner}({ids[owner]})/itemAttributeValues");
                    wait.Headers.Add(ApiSupport.WaitForPositionHeader, values.Single());
                    Assert.Equal("true", (await client.SendAsync(wait)).Headers.GetValues(ApiSupport.PositionReachedHeader).Single());
                }
            }

            await TransferDocumentsAsync(client, company, ids);
            foreach (var (resource, idOf) in AddressedByIdOf)
            {
                ids[resource] = ids[idOf];
            }

            ids["itemJournalLines"] = await JournalLineAsync(client, company, ids["itemJournals"]);
        }

        // B settled by position before any test reads it: the postings above (stock, shipment, receipt) project the item's
        // inventory after their responses, so a test's "before" snapshot of B could otherwise show 0 and its "after"
        // snapshot 2 — a projection landing late, which the comparison would mistake for a change made by A. (A's reads
        // wait for their own positions; its rows are never compared before and after.)
        await ReadSide.CaughtUpAsync(factory.Services, companyB.Id);
    }

    /// <summary>The isolation journal's line: the one an earlier test of this fixture added, or a new one.</summary>
    private static async Task<Guid> JournalLineAsync(HttpClient client, Guid companyId, Guid journalId)
    {
        var url = $"/api/v2.0/companies({companyId})/itemJournals({journalId})/itemJournalLines";
        var existing = (await (await client.GetAsync(url)).ReadJsonAsync()).GetProperty("value").EnumerateArray().ToList();
        if (existing.Count > 0)
        {
            return existing[0].GetProperty("id").GetGuid();
        }

        var created = await client.PostAsJsonAsync(url, IsolationJournalLine);
        Assert.True(created.IsSuccessStatusCode, $"Adding the isolation journal line answered {(int)created.StatusCode}: {await created.Content.ReadAsStringAsync()}");
        return (await created.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// A line on the company's transfer order, and a posted shipment and receipt of it: 2 put on stock, 2 shipped,
    /// 1 received (so the order stays, with its line).
    /// </summary>
    private static async Task TransferDocumentsAsync(HttpClient client, Guid company, Dictionary<string, Guid> ids)
    {
        var root = $"/api/v2.0/companies({company})";
        var stock = await client.PostAsJsonAsync($"{root}/itemJournals/Microsoft.NAV.post", new
        {
            lines = new[] { new { entryType = "Positive Adjmt.", itemNumber = "ISO-1000", locationCode = "MAIN", postingDate = DateTime.UtcNow.ToString("yyyy-MM-dd"), quantity = 2m, unitCost = 60m } },
        });
        Assert.True(stock.IsSuccessStatusCode, $"Stock for the transfer answered {(int)stock.StatusCode}: {await stock.Content.ReadAsStringAsync()}");
        var order = $"{root}/transferOrders({ids["transferOrders"]})";
        var line = await client.PostAsJsonAsync($"{order}/transferOrderLines", new { itemNumber = "ISO-1000", quantity = 2m });
        Assert.True(line.IsSuccessStatusCode, $"A transfer line answered {(int)line.StatusCode}: {await line.Content.ReadAsStringAsync()}");
        ids["transferOrderLines"] = (await line.ReadJsonAsync()).GetProperty("id").GetGuid();
        var shipped = await client.PostAsJsonAsync($"{order}/Microsoft.NAV.ship", new { });
        Assert.True(shipped.IsSuccessStatusCode, $"Shipping answered {(int)shipped.StatusCode}: {await shipped.Content.ReadAsStringAsync()}");
        ids["postedTransferShipments"] = (await shipped.ReadJsonAsync()).GetProperty("documentId").GetGuid();
        using var partly = new HttpRequestMessage(HttpMethod.Patch, $"{order}/transferOrderLines({ids["transferOrderLines"]})")
        {
            Content = JsonContent.Create(new { qtyToReceive = 1m }),
        };
        partly.Headers.TryAddWithoutValidation("If-Match", "*");
        Assert.True((await client.SendAsync(partly)).IsSuccessStatusCode);
        var received = await client.PostAsJsonAsync($"{order}/Microsoft.NAV.receive", new { });
        Assert.True(received.IsSuccessStatusCode, $"Receiving answered {(int)received.StatusCode}: {await received.Content.ReadAsStringAsync()}");
        ids["postedTransferReceipts"] = (await received.ReadJsonAsync()).GetProperty("documentId").GetGuid();
    }

    [Fact]
    public async Task every_company_route_with_another_companys_id_is_refused()
    {
        foreach (var (method, pattern) in TenantRoutes())
        {
            var url = Fill(pattern, companyB.Id, idsOfB);
            var response = await a.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(new { }) });
            Assert.True(
                response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound,
                $"{method} {url} as Contoso answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            Assert.DoesNotContain(companyB.Name, await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task every_entity_route_with_another_companys_entity_id_is_not_found()
    {
        var before = await RecordsOfBAsync();
        foreach (var (method, pattern) in TenantRoutes().Where(r => EntityOf(r.Pattern) is not null))
        {
            var url = Fill(pattern, companyA.Id, idsOfB);
            // A valid change with If-Match: * — what an attacker would send; a body the endpoint refuses as
            // malformed (or a missing If-Match) would be answered before the id is ever looked at, proving nothing.
            using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(HijackBody(pattern)) };
            request.Headers.TryAddWithoutValidation("If-Match", "*");
            var response = await a.SendAsync(request);
            Assert.True(
                response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden,
                $"{method} {url} (B's id under A's route) answered {(int)response.StatusCode}");
        }

        // And B's records are untouched: every field, not only the one the attempts tried to set.
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
            "people" => new { role = "Administrator" },
            "itemAttributeValues" => new { value = "hijacked" },
            "itemReferences" => new { description = "hijacked" },
            "itemJournalLines" => new { description = "hijacked" },
            "Microsoft.NAV.createItem" => new { },
            "transferOrders" => new { transferToCode = "HIJACKED" },
            "transferOrderLines" => new { description = "hijacked" },
            "Microsoft.NAV.ship" or "Microsoft.NAV.receive" => new { },
            _ => new { displayName = "hijacked" },
        };
    }

    /// <summary>
    /// B's fixtures as B reads them: each card by id where the API offers it, otherwise its row in the list
    /// (API clients), and the attribute values. Read-your-writes first, as a client would.
    /// </summary>
    private async Task<Dictionary<string, string>> RecordsOfBAsync()
    {
        var readableById = TenantRoutes().Where(r => r.Method == "GET").Select(r => EntityOf(r.Pattern)).OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var records = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in SameNaturalKeys.Keys.Concat(Seeded.Keys))
        {
            var card = $"/api/v2.0/companies({companyB.Id})/{resource}({idsOfB[resource]})";
            if (readableById.Contains(resource))
            {
                records[card] = (await (await b.SendAsync(ReadYourWrites(card, positionsOfB, resource))).ReadJsonAsync()).GetRawText();
            }
            else
            {
                var list = await (await b.SendAsync(ReadYourWrites($"/api/v2.0/companies({companyB.Id})/{resource}", positionsOfB, resource))).ReadJsonAsync();
                records[card] = list.GetProperty("value").EnumerateArray().Single(v => v.GetProperty("id").GetGuid() == idsOfB[resource]).GetRawText();
            }
        }

        foreach (var owner in AttributeOwners)
        {
            var url = $"/api/v2.0/companies({companyB.Id})/{owner}({idsOfB[owner]})/itemAttributeValues";
            records[url] = (await (await b.GetAsync(url)).ReadJsonAsync()).GetRawText();
        }

        var lines = $"/api/v2.0/companies({companyB.Id})/itemJournals({idsOfB["itemJournals"]})/itemJournalLines";
        records[lines] = (await (await b.GetAsync(lines)).ReadJsonAsync()).GetRawText();
        return records;
    }

    [Fact]
    public async Task lists_with_identical_numbers_show_only_the_own_companys_rows()
    {
        foreach (var resource in SameNaturalKeys.Keys.Concat(Seeded.Keys))
        {
            using var request = ReadYourWrites($"/api/v2.0/companies({companyA.Id})/{resource}?$top=1000", positionsOfA, resource);
            var list = await (await a.SendAsync(request)).ReadJsonAsync();
            var ids = list.GetProperty("value").EnumerateArray().Select(v => v.GetProperty("id").GetGuid()).ToList();
            Assert.Contains(idsOfA[resource], ids);
            Assert.DoesNotContain(idsOfB[resource], ids);
        }
    }

    [Fact]
    public async Task a_person_of_both_companies_sees_each_only_in_its_own_token()
    {
        var annaInFabrikam = await factory.SignedInAsync(companyA.Email, companyB.Identifier, companyA.Password);
        var response = await annaInFabrikam.GetAsync($"/api/v2.0/companies({companyA.Id})/items");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var own = await (await annaInFabrikam.GetAsync($"/api/v2.0/companies({companyB.Id})/items({idsOfB["items"]})")).ReadJsonAsync();
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

    /// <summary>Creates the resource (or finds it when an earlier test of this fixture made it); returns its id and read position.</summary>
    private static async Task<(Guid Id, string? Position)> CreateOrFind(HttpClient client, Guid companyId, string resource, object body)
    {
        var url = $"/api/v2.0/companies({companyId})/{resource}";
        var created = await client.PostAsJsonAsync(url, body);
        if (created.StatusCode == HttpStatusCode.Conflict)
        {
            var number = JsonSerializer.SerializeToElement(body).EnumerateObject().First().Value.GetString();
            var list = await (await client.GetAsync($"{url}?$search={number}&$top=5")).ReadJsonAsync();
            return (list.GetProperty("value")[0].GetProperty("id").GetGuid(), null);
        }

        var position = created.Headers.TryGetValues(ApiSupport.ReadPositionHeader, out var values) ? values.First() : null;
        return ((await created.ReadJsonAsync()).GetProperty("id").GetGuid(), position);
    }

    /// <summary>Reads are served by read models: ask for the company's own writes to be visible first, as a client would.</summary>
    private static HttpRequestMessage ReadYourWrites(string url, Dictionary<string, string> positions, string resource)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (positions.TryGetValue(resource, out var position))
        {
            request.Headers.Add(ApiSupport.WaitForPositionHeader, position);
        }

        return request;
    }

    /// <summary>The entity a route addresses by id (<c>/items({id})</c>), or null for collection routes.</summary>
    private static string? EntityOf(string pattern) =>
        EntityId().Matches(pattern).Select(m => m.Groups["resource"].Value).LastOrDefault(r => r != "companies");

    [GeneratedRegex(@"\{companyId(:[a-z]+)?\}")]
    private static partial Regex CompanyId();

    [GeneratedRegex(@"/(?<resource>[A-Za-z]+)\(\{[A-Za-z]+(:[a-z]+)?\}\)")]
    private static partial Regex EntityId();
}

/// <summary>A company under test and a person who administers it (and, for A, is also a member of B).</summary>
public sealed record IsolatedCompany(Guid Id, string Identifier, string Name, string Email, string Password);

public sealed class tenant_isolation_on_sqlite(SaasFactory factory) : tenant_isolation_spec<SaasFactory>(factory);

public sealed class tenant_isolation_on_postgres(PostgresSaasFactory factory) : tenant_isolation_spec<PostgresSaasFactory>(factory);

public sealed class tenant_isolation_on_postgres_and_rabbitmq(RabbitMqSaasFactory factory) : tenant_isolation_spec<RabbitMqSaasFactory>(factory);

public sealed class tenant_isolation_between_pooled_and_siloed_on_sqlite(SaasFactory factory) : tenant_isolation_spec<SaasFactory>(factory)
{
    protected override Task<(IsolatedCompany A, IsolatedCompany B)> CompaniesAsync(SaasFactory app) => PooledAndSiloed.OnboardAsync(app);
}

public sealed class tenant_isolation_between_pooled_and_siloed_on_postgres(PostgresSaasFactory factory) : tenant_isolation_spec<PostgresSaasFactory>(factory)
{
    protected override Task<(IsolatedCompany A, IsolatedCompany B)> CompaniesAsync(PostgresSaasFactory app) => PooledAndSiloed.OnboardAsync(app);
}
