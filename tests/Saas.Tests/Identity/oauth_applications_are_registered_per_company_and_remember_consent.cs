using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Saas.Identity;
using Saas.Identity.Clients;
using Saas.Identity.Users;
using Saas.Tests.Hosting;
using Saas.Web.Startup;
using static Saas.Tests.People.PeopleSteps;

namespace Saas.Tests.Identity;

/// <summary>
/// A company administrator registers third-party OAuth applications for their company through the API (bad input
/// changes nothing; another company sees nothing), people of that company allow one once and are not asked again,
/// and revoking the consent or deleting the application ends every token issued through it. Other companies'
/// people never get a token through it.
/// </summary>
public abstract partial class oauth_applications_are_registered_per_company_and_remember_consent<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SaasFactory
{
    private const string Callback = "http://127.0.0.1:9/callback";
    private const string Anna = "anna@contoso.example";
    private const string Frank = "frank@fabrikam.example";
    private const string Will = "will@contoso.example";
    private const string Sam = "sam@contoso.example";

    private static Guid Contoso => DemoData.Companies[0].Id;

    private static Guid Fabrikam => DemoData.Companies[1].Id;

    private static string Applications(Guid companyId) => $"{CompanyRoute(companyId)}/oauthApplications";

    private static object PublicApp(string name) => new
    {
        displayName = name,
        redirectUris = new[] { Callback },
        clientType = "public",
        scopes = new[] { ApiScopes.Inventory, ApiScopes.Sales, "offline_access" },
    };

    private async Task<JsonElement> RegisterAsync(HttpClient admin, object body) =>
        await (await admin.PostAsJsonAsync(Applications(Contoso), body)).ReadJsonAsync();

    [Fact]
    public async Task an_administrator_registers_lists_changes_renews_the_secret_and_deletes_each_audited()
    {
        var anna = await factory.SignedInAsync(Anna, "contoso");
        var name = "Webshop " + IdentityHost.Unique();
        var created = await anna.PostAsJsonAsync(Applications(Contoso), new
        {
            displayName = name, redirectUris = new[] { "https://shop.example/callback", "http://localhost:5000/cb" }, clientType = "Confidential",
            scopes = new[] { ApiScopes.Sales },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var app = await created.ReadJsonAsync();
        var id = app.GetProperty("id").GetGuid();
        var secret = app.GetProperty("clientSecret").GetString();
        Assert.False(string.IsNullOrEmpty(secret));
        Assert.Equal("confidential", app.GetProperty("clientType").GetString());
        Assert.Equal([ApiScopes.Sales], app.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal($"{Applications(Contoso)}({id})", created.Headers.Location?.OriginalString);

        // The secret is shown once: never again on read.
        var read = await (await anna.GetAsync($"{Applications(Contoso)}({id})")).ReadJsonAsync();
        Assert.False(read.TryGetProperty("clientSecret", out _));
        Assert.Equal(name, read.GetProperty("displayName").GetString());
        Assert.Equal(2, read.GetProperty("redirectUris").GetArrayLength());

        var found = await (await anna.GetAsync($"{Applications(Contoso)}?$search={Uri.EscapeDataString(name)}&$top=1")).ReadJsonAsync();
        Assert.Equal(id, found.GetProperty("value")[0].GetProperty("id").GetGuid());

        var changed = await (await anna.PatchJsonAsync($"{Applications(Contoso)}({id})", new
        {
            displayName = name + " v2", scopes = new[] { ApiScopes.Sales, ApiScopes.Inventory },
        })).ReadJsonAsync();
        Assert.Equal(name + " v2", changed.GetProperty("displayName").GetString());
        Assert.Equal(2, changed.GetProperty("scopes").GetArrayLength());
        Assert.Equal(2, changed.GetProperty("redirectUris").GetArrayLength());

        var renewed = await (await anna.PostAsync($"{Applications(Contoso)}({id})/Microsoft.NAV.newSecret", null)).ReadJsonAsync();
        var newSecret = renewed.GetProperty("clientSecret").GetString();
        Assert.False(string.IsNullOrEmpty(newSecret));
        Assert.NotEqual(secret, newSecret);

        Assert.Equal(HttpStatusCode.NoContent, (await anna.DeleteAsync($"{Applications(Contoso)}({id})")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anna.GetAsync($"{Applications(Contoso)}({id})")).StatusCode);

        var audit = await anna.AuditAsync(Contoso, $"?$top=1000&$search={Uri.EscapeDataString(name)}");
        var actions = audit.GetProperty("value").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("OAuth application registered", actions);
        Assert.Contains("OAuth application changed", actions);
        Assert.Contains("OAuth application secret renewed", actions);
        Assert.Contains("OAuth application deleted", actions);
    }

    [Theory]
    [InlineData("""{"displayName":"Shop","redirectUris":["/callback"],"clientType":"public","scopes":["sales"]}""", "redirectUris[0]")]
    [InlineData("""{"displayName":"Shop","redirectUris":["http://shop.example/callback"],"clientType":"public","scopes":["sales"]}""", "redirectUris[0]")]
    [InlineData("""{"displayName":"Shop","redirectUris":["https://shop.example/callback"],"clientType":"public","scopes":["sales","payroll"]}""", "scopes")]
    [InlineData("""{"displayName":"Sh\u0007op","redirectUris":["https://shop.example/callback"],"clientType":"public","scopes":["sales"]}""", "displayName")]
    [InlineData("""{"displayName":"  ","redirectUris":["https://shop.example/callback"],"clientType":"public","scopes":["sales"]}""", "displayName")]
    [InlineData("""{"displayName":"Shop","redirectUris":["https://shop.example/callback"],"clientType":"secret","scopes":["sales"]}""", "clientType")]
    public async Task bad_input_is_a_problem_naming_the_field_and_changes_nothing(string body, string field)
    {
        var anna = await factory.SignedInAsync(Anna, "contoso");
        var app = await RegisterAsync(anna, PublicApp("Unchanged " + IdentityHost.Unique()));
        var id = app.GetProperty("id").GetGuid();
        var before = await (await anna.GetAsync(Applications(Contoso) + "?$top=1000")).ReadJsonAsync();

        var refused = await anna.PostAsync(Applications(Contoso), new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await refused.ProblemAsync(400);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());

        // The same input in a change (the client type cannot be changed) is refused the same way.
        if (field != "clientType")
        {
            var patched = await anna.SendAsync(new HttpRequestMessage(HttpMethod.Patch, $"{Applications(Contoso)}({id})")
            {
                Content = new StringContent(body.Replace("\"clientType\":\"public\",", "", StringComparison.Ordinal), Encoding.UTF8, "application/json"),
            });
            var patchProblem = await patched.ProblemAsync(400);
            Assert.True(patchProblem.GetProperty("errors").TryGetProperty(field, out _), patchProblem.ToString());
        }

        var after = await (await anna.GetAsync(Applications(Contoso) + "?$top=1000")).ReadJsonAsync();
        Assert.Equal(before.ToString(), after.ToString());
    }

    [Theory]
    [InlineData("Shop\u202Eevil", "https://shop.example/callback", "displayName")]
    [InlineData("Shop\tTab", "https://shop.example/callback", "displayName")]
    [InlineData("Shop", "https://shop.example/call\u0000back", "redirectUris[0]")]
    public async Task the_page_s_form_path_refuses_control_characters_too(string name, string redirectUri, string field)
    {
        var refused = await Assert.ThrowsAsync<IdentityValidationException>(() => WithServicesAsync(services =>
            services.GetRequiredService<OAuthApplications>().RegisterAsync(
                Contoso, name, [redirectUri], "public", [ApiScopes.Sales], new Saas.Identity.Audit.AuditActor(null, Anna), CancellationToken.None)));
        Assert.Equal(field, refused.Field);
    }

    [Fact]
    public async Task another_company_cannot_see_or_touch_the_application_and_a_non_administrator_is_forbidden()
    {
        var anna = await factory.SignedInAsync(Anna, "contoso");
        var app = await RegisterAsync(anna, PublicApp("Contoso only " + IdentityHost.Unique()));
        var id = app.GetProperty("id").GetGuid();

        // Through his own company the application does not exist (404); the route of a company his token does not
        // name is refused before any endpoint by tenant resolution (403 there, as for every company route).
        var frank = await factory.SignedInAsync(Frank, "fabrikam");
        foreach (var (company, expected) in new[] { (Fabrikam, HttpStatusCode.NotFound), (Contoso, HttpStatusCode.Forbidden) })
        {
            var route = $"{Applications(company)}({id})";
            Assert.Equal(expected, (await frank.GetAsync(route)).StatusCode);
            Assert.Equal(expected, (await frank.PatchJsonAsync(route, new { displayName = "Taken over" })).StatusCode);
            Assert.Equal(expected, (await frank.DeleteAsync(route)).StatusCode);
            Assert.Equal(expected, (await frank.PostAsync(route + "/Microsoft.NAV.newSecret", null)).StatusCode);
        }

        var fabrikamList = await (await frank.GetAsync(Applications(Fabrikam) + "?$top=1000")).ReadJsonAsync();
        Assert.DoesNotContain(fabrikamList.GetProperty("value").EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.Forbidden, (await frank.GetAsync(Applications(Contoso))).StatusCode);

        // Anna administers both companies: signed in to Fabrikam, Contoso's application is not there either.
        var annaInFabrikam = await factory.SignedInAsync(Anna, "fabrikam");
        Assert.Equal(HttpStatusCode.NotFound, (await annaInFabrikam.GetAsync($"{Applications(Fabrikam)}({id})")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await annaInFabrikam.DeleteAsync($"{Applications(Fabrikam)}({id})")).StatusCode);

        var sam = await factory.SignedInAsync(Sam, "contoso");
        Assert.Equal(HttpStatusCode.Forbidden, (await sam.GetAsync(Applications(Contoso))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sam.PostAsJsonAsync(Applications(Contoso), PublicApp("Not mine"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sam.DeleteAsync($"{Applications(Contoso)}({id})")).StatusCode);

        Assert.Equal(name(app), (await (await anna.GetAsync($"{Applications(Contoso)}({id})")).ReadJsonAsync()).GetProperty("displayName").GetString());

        static string? name(JsonElement a) => a.GetProperty("displayName").GetString();
    }

    [Theory]
    [InlineData(Frank, "fabrikam")]
    [InlineData(Anna, "fabrikam")]
    public async Task a_person_signed_in_to_another_company_is_refused_and_gets_no_code(string email, string company)
    {
        var anna = await factory.SignedInAsync(Anna, "contoso");
        var clientId = (await RegisterAsync(anna, PublicApp("Contoso shop " + IdentityHost.Unique()))).GetProperty("clientId").GetString()!;
        var browser = await CookieSignInAsync(email, company);

        var answer = await browser.GetAsync(AuthorizeUrl(clientId, Pkce().Challenge));
        var callback = CallbackOf(answer);
        Assert.Equal("access_denied", callback["error"].ToString());
        Assert.Contains("another company", callback["error_description"].ToString());
        Assert.False(callback.ContainsKey("code"));
    }

    [Fact]
    public async Task consent_is_remembered_until_prompt_consent_and_prompt_none_needs_it()
    {
        var anna = await factory.SignedInAsync(Anna, "contoso");
        var clientId = (await RegisterAsync(anna, PublicApp("Remembering shop " + IdentityHost.Unique()))).GetProperty("clientId").GetString()!;
        var browser = await CookieSignInAsync(Will, "contoso");

        var silent = CallbackOf(await browser.GetAsync(AuthorizeUrl(clientId, Pkce().Challenge, prompt: "none")));
        Assert.Equal("consent_required", silent["error"].ToString());

        var (verifier, challenge) = Pkce();
        var code = await ConsentAsync(browser, AuthorizeUrl(clientId, challenge));
        await ExchangeAsync(clientId, code, verifier);

        // Again, same scopes or fewer: straight back with a code, no page.
        (verifier, challenge) = Pkce();
        var second = CallbackOf(await browser.GetAsync(AuthorizeUrl(clientId, challenge, scope: ApiScopes.Inventory)));
        await ExchangeAsync(clientId, second["code"].ToString(), verifier);
        var none = CallbackOf(await browser.GetAsync(AuthorizeUrl(clientId, Pkce().Challenge, prompt: "none")));
        Assert.False(string.IsNullOrEmpty(none["code"].ToString()));

        // prompt=consent, or a scope not allowed before, shows the page again.
        var asked = await browser.GetAsync(AuthorizeUrl(clientId, Pkce().Challenge, prompt: "consent"));
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("consent-allow", await asked.Content.ReadAsStringAsync());
        var wider = await browser.GetAsync(AuthorizeUrl(clientId, Pkce().Challenge, scope: $"{ApiScopes.Inventory} {ApiScopes.Sales}"));
        Assert.Equal(HttpStatusCode.OK, wider.StatusCode);

        var connected = await WithServicesAsync(async services =>
            await services.GetRequiredService<ConnectedApplications>().ListAsync(await UserIdAsync(services, Will), CancellationToken.None));
        var entry = Assert.Single(connected, c => c.ApplicationName.StartsWith("Remembering shop", StringComparison.Ordinal));
        Assert.Equal(Contoso, entry.CompanyId);
        Assert.Equal("Contoso Trading", entry.CompanyName);
        Assert.Contains(ApiScopes.Inventory, entry.Scopes);
    }

    [Fact]
    public async Task revoking_a_connected_application_refuses_its_refresh_and_access_tokens()
    {
        var anna = await factory.SignedInAsync(Anna, "contoso");
        var name = "Revoked shop " + IdentityHost.Unique();
        var clientId = (await RegisterAsync(anna, PublicApp(name))).GetProperty("clientId").GetString()!;
        var browser = await CookieSignInAsync(Will, "contoso");
        var (verifier, challenge) = Pkce();
        var token = await ExchangeAsync(clientId, await ConsentAsync(browser, AuthorizeUrl(clientId, challenge)), verifier);

        // A refresh keeps the tokens under the same consent.
        var refreshed = await IdentityHost.RequireTokenAsync(await RefreshAsync(clientId, token.RefreshToken!));
        Assert.Equal(HttpStatusCode.OK, (await CallAsync(refreshed.AccessToken)).StatusCode);

        await WithServicesAsync(async services =>
        {
            var userId = await UserIdAsync(services, Will);
            var connected = services.GetRequiredService<ConnectedApplications>();
            var entry = Assert.Single(await connected.ListAsync(userId, CancellationToken.None), c => c.ApplicationName == name);
            Assert.True(await connected.RevokeAsync(userId, Will, entry.AuthorizationId, CancellationToken.None));
            Assert.DoesNotContain(await connected.ListAsync(userId, CancellationToken.None), c => c.ApplicationName == name);
            return true;
        });

        Assert.Equal("invalid_grant", (await IdentityHost.RequireErrorAsync(await RefreshAsync(clientId, refreshed.RefreshToken!), 400)).Error);
        Assert.Equal(HttpStatusCode.Unauthorized, (await CallAsync(refreshed.AccessToken)).StatusCode);

        // Consent is asked again.
        var again = await browser.GetAsync(AuthorizeUrl(clientId, Pkce().Challenge));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task deleting_the_application_ends_its_tokens()
    {
        var anna = await factory.SignedInAsync(Anna, "contoso");
        var app = await RegisterAsync(anna, PublicApp("Deleted shop " + IdentityHost.Unique()));
        var clientId = app.GetProperty("clientId").GetString()!;
        var browser = await CookieSignInAsync(Will, "contoso");
        var (verifier, challenge) = Pkce();
        var token = await ExchangeAsync(clientId, await ConsentAsync(browser, AuthorizeUrl(clientId, challenge)), verifier);
        Assert.Equal(HttpStatusCode.OK, (await CallAsync(token.AccessToken)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await anna.DeleteAsync($"{Applications(Contoso)}({app.GetProperty("id").GetGuid()})")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await CallAsync(token.AccessToken)).StatusCode);
        var refresh = await RefreshAsync(clientId, token.RefreshToken!);
        Assert.False(refresh.IsSuccessStatusCode);
        var connected = await WithServicesAsync(async services =>
            await services.GetRequiredService<ConnectedApplications>().ListAsync(await UserIdAsync(services, Will), CancellationToken.None));
        Assert.DoesNotContain(connected, c => c.ApplicationName == app.GetProperty("displayName").GetString());
    }

    private async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private static async Task<Guid> UserIdAsync(IServiceProvider services, string email) =>
        (await services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<SaasUser>>().FindByEmailAsync(email))!.Id;

    private async Task<HttpClient> CookieSignInAsync(string email, string tenant)
    {
        var browser = factory.Browser();
        var login = await IdentityHost.PostFormAsync(browser, "/account/login", ("email", email), ("password", SaasFactory.DemoPassword), ("tenant", tenant), ("returnUrl", "/"));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/", login.Headers.Location?.OriginalString);
        return browser;
    }

    private static string AuthorizeUrl(string clientId, string challenge, string? prompt = null, string? scope = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = clientId, ["response_type"] = "code", ["redirect_uri"] = Callback,
            ["scope"] = scope ?? $"{ApiScopes.Inventory} offline_access", ["state"] = "s-" + IdentityHost.Unique(),
            ["code_challenge"] = challenge, ["code_challenge_method"] = "S256",
        };
        if (prompt is not null)
        {
            query["prompt"] = prompt;
        }

        return QueryHelpers.AddQueryString("/connect/authorize", query);
    }

    /// <summary>The consent page is shown; the person allows with the page's own form fields; the code comes back.</summary>
    private static async Task<string> ConsentAsync(HttpClient browser, string authorizeUrl)
    {
        var page = await browser.GetAsync(authorizeUrl);
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK && html.Contains("consent-allow", StringComparison.Ordinal), $"{(int)page.StatusCode}: {html}");
        var fields = HiddenField().Matches(html)
            .Select(m => new KeyValuePair<string, string>(WebUtility.HtmlDecode(m.Groups["name"].Value), WebUtility.HtmlDecode(m.Groups["value"].Value)))
            .Append(new("consent", "allow"));
        var allowed = CallbackOf(await browser.PostAsync("/connect/authorize", new FormUrlEncodedContent(fields)));
        return allowed["code"].ToString() is { Length: > 0 } code ? code : throw new Xunit.Sdk.XunitException("No code: " + string.Join("&", allowed));
    }

    private static Dictionary<string, Microsoft.Extensions.Primitives.StringValues> CallbackOf(HttpResponseMessage answer)
    {
        var location = answer.Headers.Location?.ToString() ?? "";
        Assert.True(answer.StatusCode == HttpStatusCode.Redirect && location.StartsWith(Callback, StringComparison.Ordinal),
            $"{(int)answer.StatusCode} to '{location}'");
        return QueryHelpers.ParseQuery(new Uri(location).Query);
    }

    private async Task<TokenBody> ExchangeAsync(string clientId, string code, string verifier) =>
        await IdentityHost.RequireTokenAsync(await IdentityHost.PostTokenAsync(factory.CreateClient(),
            ("grant_type", "authorization_code"), ("client_id", clientId), ("code", code), ("redirect_uri", Callback), ("code_verifier", verifier)));

    private Task<HttpResponseMessage> RefreshAsync(string clientId, string refreshToken) =>
        IdentityHost.PostTokenAsync(factory.CreateClient(), ("grant_type", "refresh_token"), ("client_id", clientId), ("refresh_token", refreshToken));

    private Task<HttpResponseMessage> CallAsync(string accessToken)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client.GetAsync($"{CompanyRoute(Contoso)}/locations");
    }

    private static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]*)" value="(?<value>[^"]*)"\s*/?>""")]
    private static partial Regex HiddenField();
}

public sealed class oauth_applications_are_registered_per_company_and_remember_consent_on_sqlite(SaasFactory factory)
    : oauth_applications_are_registered_per_company_and_remember_consent<SaasFactory>(factory);

public sealed class oauth_applications_are_registered_per_company_and_remember_consent_on_postgres(PostgresSaasFactory factory)
    : oauth_applications_are_registered_per_company_and_remember_consent<PostgresSaasFactory>(factory);
