using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Saas.Tests.Hosting;
using Saas.Web.Resellers;

namespace Saas.Tests.Security;

/// <summary>
/// Cross-site request forgery (issue 9: with the sign-in cookie and <c>Origin: http://evil.example</c>, a text/plain
/// POST created a company and an empty-body POST suspended one). Cookie-authenticated API writes from another site
/// are refused with a 403 problem and change nothing; the site's own pages and bearer-token callers are unaffected.
/// </summary>
public sealed class cookie_api_writes_from_another_site_are_refused(SaasFactory factory) : IClassFixture<SaasFactory>
{
    private const string Reseller = "paul@northwind.example";
    private const string Evil = "http://evil.example";

    private async Task<HttpClient> CookieSessionAsync()
    {
        var browser = factory.Browser();
        Assert.Equal("/", await browser.SignInAsync(Reseller, SaasFactory.DemoPassword));
        return browser;
    }

    private static HttpRequestMessage Post(string path, HttpContent? body, string? origin = null, string? fetchSite = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        return request;
    }

    private static StringContent NewCompany(string mediaType) =>
        new(JsonSerializer.Serialize(new { name = "Evil Ltd", identifier = "evil-" + Guid.NewGuid().ToString("N")[..8], currencyCode = "EUR", adminEmail = "evil@evil.example" }),
            Encoding.UTF8, mediaType);

    private async Task<int> CompaniesAsync(HttpClient browser) =>
        (await browser.GetFromJsonAsync<JsonElement>(ResellerEndpoints.Route + "?top=1000")).GetProperty("count").GetInt32();

    [Theory]
    [InlineData("text/plain", Evil, null)]
    [InlineData("application/json", Evil, null)]
    [InlineData("text/plain", "null", null)]
    [InlineData("text/plain", null, "cross-site")]
    [InlineData("application/json", null, "same-site")]
    public async Task a_foreign_post_with_the_cookie_creates_no_company(string mediaType, string? origin, string? fetchSite)
    {
        var browser = await CookieSessionAsync();
        var before = await CompaniesAsync(browser);

        var response = await browser.SendAsync(Post(ResellerEndpoints.Route, NewCompany(mediaType), origin, fetchSite));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await CompaniesAsync(browser));
    }

    [Fact]
    public async Task a_foreign_empty_post_with_the_cookie_suspends_nothing()
    {
        var browser = await CookieSessionAsync();
        var company = (await browser.GetFromJsonAsync<JsonElement>(ResellerEndpoints.Route)).GetProperty("value")[0];
        var id = company.GetProperty("id").GetGuid();

        var response = await browser.SendAsync(Post($"{ResellerEndpoints.Route}/{id}/suspend", null, Evil));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var after = await browser.GetFromJsonAsync<JsonElement>($"{ResellerEndpoints.Route}/{id}");
        Assert.Equal(company.GetProperty("status").GetString(), after.GetProperty("status").GetString());
    }

    [Fact]
    public async Task the_sites_own_origin_and_scripts_without_browser_headers_may_write_with_the_cookie()
    {
        var browser = await CookieSessionAsync();

        var sameOrigin = await browser.SendAsync(Post(ResellerEndpoints.Route, NewCompany("application/json"), "http://localhost", "same-origin"));
        Assert.Equal(HttpStatusCode.Created, sameOrigin.StatusCode);

        var script = await browser.SendAsync(Post(ResellerEndpoints.Route, NewCompany("application/json")));
        Assert.Equal(HttpStatusCode.Created, script.StatusCode);
    }

    [Fact]
    public async Task a_bearer_token_call_is_not_judged_by_its_origin()
    {
        var api = await factory.SignedInAsync(Reseller);

        var response = await api.SendAsync(Post(ResellerEndpoints.Route, NewCompany("application/json"), Evil, "cross-site"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
