using System.Net;
using System.Net.Http.Headers;
using Saas.Identity;
using Saas.Tests.Identity;
using Saas.Tests.Security;

namespace Saas.Tests.Bugs;

/// <summary>
/// Issue 10: a signed-in person who followed a stale link got a raw JSON 404 in the browser. Browsers now get the
/// application's not-found page (still status 404, with the menu and a way home); programs keep their problem details.
/// </summary>
public sealed class Bug_an_unknown_address_answers_a_signed_in_browser_with_json(IdentityHost host) : IClassFixture<IdentityHost>
{
    [Fact]
    public async Task a_browser_gets_the_not_found_page_and_a_program_a_problem()
    {
        var tenant = await host.CreateTenantAsync();
        var user = await host.CreateUserAsync(SaasRoles.Sales, tenant);
        var browser = host.Browser();
        Assert.Equal("/", await browser.SignInAsync(user.Email!, IdentityHost.Password));

        using var page = new HttpRequestMessage(HttpMethod.Get, "/no-such-page/at-all");
        page.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        var html = await browser.SendAsync(page);
        Assert.Equal(HttpStatusCode.NotFound, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        var body = await html.Content.ReadAsStringAsync();
        Assert.Contains("Page not found", body);
        Assert.Contains("Sign out", body);

        using var call = new HttpRequestMessage(HttpMethod.Get, "/no-such-page/at-all");
        call.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var problem = await browser.SendAsync(call);
        Assert.Equal(HttpStatusCode.NotFound, problem.StatusCode);
        Assert.Equal("application/problem+json", problem.Content.Headers.ContentType?.MediaType);
    }
}
