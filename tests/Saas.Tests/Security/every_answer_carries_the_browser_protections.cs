using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Saas.Tests.Hosting;
using Saas.Web.Hosting;

namespace Saas.Tests.Security;

/// <summary>
/// Issue 9: HSTS, CSP, X-Content-Type-Options, Referrer-Policy and frame protection were missing and
/// <c>Server: Kestrel</c> was sent. Every page, API answer and file carries them; cookies are HttpOnly, SameSite,
/// and Secure outside plain-http development.
/// </summary>
public sealed class every_answer_carries_the_browser_protections(SaasFactory factory) : IClassFixture<SaasFactory>
{
    [Theory]
    [InlineData("/account/login")]
    [InlineData("/")]
    [InlineData("/api/v2.0/companies")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/health/live")]
    [InlineData("/no-such-page")]
    public async Task the_headers_are_on_every_answer(string path)
    {
        var response = await factory.Browser().GetAsync(path);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task the_sign_in_page_has_no_inline_script()
    {
        var html = await (await factory.Browser().GetAsync("/account/login")).Content.ReadAsStringAsync();

        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)", html);
        Assert.DoesNotContain(" style=\"", html);
    }

    [Fact]
    public async Task cookies_are_http_only_and_same_site_and_plain_http_development_keeps_them_usable()
    {
        var browser = factory.Browser();
        var antiforgery = await browser.GetAsync("/account/antiforgery");
        var cookie = antiforgery.Headers.GetValues("Set-Cookie").Single();

        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        var login = await SignInClients.PostFormAsync(browser, "/account/login", ("email", "anna@contoso.example"), ("password", SaasFactory.DemoPassword));
        var auth = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("saas.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", auth, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task in_production_cookies_are_secure_and_https_answers_carry_hsts()
    {
        using var production = factory.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));
        var browser = production.Browser(baseAddress: new Uri("https://trade.example"));

        var login = await SignInClients.PostFormAsync(browser, "/account/login", ("email", "anna@contoso.example"), ("password", SaasFactory.DemoPassword));

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var cookies = login.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        var hsts = login.Headers.GetValues("Strict-Transport-Security").Single();
        Assert.Contains("max-age=31536000", hsts);
    }

    [Fact]
    public async Task kestrel_sends_no_server_header()
    {
        using var kestrel = new SaasFactory();
        kestrel.UseKestrel(0);
        kestrel.StartServer();
        var address = kestrel.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1")) };

        var response = await http.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Server"), string.Join(", ", response.Headers.Select(h => h.Key)));
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
    }
}
