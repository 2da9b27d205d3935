using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Saas.UiTests;

/// <summary>
/// Contoso's administrator registers a public OAuth application on the OAuth Applications page; signing in through
/// it asks for consent once (naming the company and the scopes), and the next sign-in comes straight back with a
/// code. The connection is listed under Connected applications, where it is revoked.
/// </summary>
public sealed class an_administrator_registers_an_oauth_application_that_asks_consent_once(ITestOutputHelper output) : UiTest(output)
{
    /// <summary>
    /// The third party's callback, on the test server's loopback address: Chromium does not let a test route catch a
    /// redirect, and a closed port would fail the navigation; the page there (not found) keeps the code in its URL.
    /// </summary>
    private string Callback => new Uri(Server.BaseAddress, "/third-party/callback").AbsoluteUri;

    [Fact]
    public Task register_then_consent_once_then_no_consent() => Flow(async () =>
    {
        await SignIn(AppServer.AdministratorOfBoth, "/oauthApplications");
        await Expect(Page).ToHaveURLAsync(new Regex("/oauthApplications$"));
        await Page.GetByLabel("Name", new() { Exact = true }).FillAsync("Webshop Connector");
        await Page.GetByLabel("Redirect URIs").FillAsync(Callback);
        await Page.GetByLabel("Client type").SelectOptionAsync("public");
        await Page.GetByRole(AriaRole.Checkbox, new() { Name = "Inventory" }).CheckAsync();
        await Page.GetByRole(AriaRole.Checkbox, new() { Name = "Stay connected" }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(Page.GetByTestId("oauth-message")).ToContainTextAsync("is registered");
        await Expect(Page.GetByTestId("oauth-secret")).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("oauth-row").Filter(new() { HasText = "Webshop Connector" })).ToHaveCountAsync(1);
        var clientId = (await Page.GetByTestId("oauth-client-id").InnerTextAsync()).Trim();
        await Screenshot("registered");

        var (verifier, challenge) = Pkce();
        await Page.GotoAsync(AuthorizeUrl(clientId, challenge));
        await Expect(Page.GetByTestId("consent-client")).ToContainTextAsync("Webshop Connector");
        await Expect(Page.GetByTestId("consent-company")).ToContainTextAsync("Contoso Trading");
        await Expect(Page.Locator("[data-scope]")).ToHaveCountAsync(2);
        await Page.GetByTestId("consent-allow").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("^" + Regex.Escape(Callback)));
        await ExchangeAsync(clientId, Page.Url, verifier);

        // Second time: no consent page, straight back with a code.
        (verifier, challenge) = Pkce();
        await Page.GotoAsync(AuthorizeUrl(clientId, challenge));
        await Expect(Page).ToHaveURLAsync(new Regex("^" + Regex.Escape(Callback)));
        await ExchangeAsync(clientId, Page.Url, verifier);

        await Page.GotoAsync("/connectedApplications");
        var row = Page.GetByTestId("connected-row").Filter(new() { HasText = "Webshop Connector" });
        await Expect(row).ToContainTextAsync("Contoso Trading");
        await row.GetByRole(AriaRole.Button, new() { Name = "Revoke Webshop Connector" }).ClickAsync();
        await Expect(Page.GetByTestId("connected-message")).ToContainTextAsync("Access revoked");
        await Expect(Page.GetByTestId("connected-row").Filter(new() { HasText = "Webshop Connector" })).ToHaveCountAsync(0);
    });

    private string AuthorizeUrl(string clientId, string challenge) =>
        QueryHelpers.AddQueryString(new Uri(Server.BaseAddress, "/connect/authorize").AbsoluteUri, new Dictionary<string, string?>
        {
            ["client_id"] = clientId, ["response_type"] = "code", ["redirect_uri"] = Callback, ["scope"] = "inventory offline_access",
            ["state"] = "ui-state", ["code_challenge"] = challenge, ["code_challenge_method"] = "S256",
        });

    private async Task ExchangeAsync(string clientId, string callbackUrl, string verifier)
    {
        var code = QueryHelpers.ParseQuery(new Uri(callbackUrl).Query)["code"].ToString();
        Assert.False(string.IsNullOrEmpty(code), callbackUrl);
        using var http = new HttpClient { BaseAddress = Server.BaseAddress };
        var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = clientId, ["code"] = code, ["redirect_uri"] = Callback, ["code_verifier"] = verifier,
        }));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("access_token").GetString()));
    }

    private static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var challenge = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (verifier, challenge);
    }
}
