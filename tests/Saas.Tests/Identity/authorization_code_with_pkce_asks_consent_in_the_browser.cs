using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Playwright;
using OpenIddict.Abstractions;
using Saas.Identity;
using Saas.Tenancy.Catalog;
using Saas.Tenancy.Storage;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Saas.Tests.Identity;

/// <summary>The web host on a real loopback port (a browser has to reach it), in its own data directory.</summary>
public sealed class BrowserIdentityHost : IAsyncLifetime
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "saas-identity-browser", Guid.NewGuid().ToString("N"));
    private IPlaywright? playwright;

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Database:DataDirectory", dataDirectory);
            b.UseEnvironment("Development");
        });
        Factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        Factory.StartServer();
        BaseAddress = new Uri(Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateCatalogAsync();
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("SAAS_TEST_CHROMIUM") is { Length: > 0 } chromium ? chromium : "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright?.Dispose();
        await Factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A lingering file handle only leaves a temp directory behind.
        }
    }

    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}

/// <summary>
/// A third-party public client (no secret) gets a token through the browser: sign-in, the consent page naming
/// the company, the role and each scope, then the code exchanged with its PKCE verifier. The token acts for
/// that company with that role and only in the areas consented to.
/// </summary>
public sealed class authorization_code_with_pkce_asks_consent_in_the_browser(BrowserIdentityHost host) : IClassFixture<BrowserIdentityHost>
{
    private const string Callback = "http://127.0.0.1:9/callback";

    private async Task<(string ClientId, TenantInfo Tenant, string Email)> ArrangeAsync()
    {
        var clientId = "shop-app-" + IdentityHost.Unique();
        return await host.WithServicesAsync(async services =>
        {
            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = clientId,
                ClientType = ClientTypes.Public,
                DisplayName = "Webshop Connector",
                RedirectUris = { new Uri(Callback) },
            };
            descriptor.Permissions.UnionWith(
            [
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
                Permissions.Prefixes.Scope + ApiScopes.Inventory, Permissions.Prefixes.Scope + Scopes.OfflineAccess,
            ]);
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
            await services.GetRequiredService<IOpenIddictApplicationManager>().CreateAsync(descriptor);

            var tenant = await services.GetRequiredService<TenantCatalog>().AddAsync(new TenantInfo
            {
                Id = Guid.CreateVersion7(),
                Identifier = "t" + IdentityHost.Unique(),
                Name = "Northwind Traders " + IdentityHost.Unique(),
            });
            var email = $"buyer-{IdentityHost.Unique()}@example.test";
            var administration = services.GetRequiredService<IdentityAdministration>();
            var user = await administration.CreateUserAsync(email, "Berta Buyer", IdentityHost.Password);
            await administration.AddMembershipAsync(user.Id, tenant.Id, SaasRoles.Warehouse);
            return (clientId, tenant, email);
        });
    }

    private static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    /// <summary>Opens the authorization request, signs in, and returns the page showing the consent form.</summary>
    private async Task<IPage> ConsentPageAsync(IBrowserContext browser, string clientId, string email, string challenge, string state)
    {
        var page = await browser.NewPageAsync();

        // The callback belongs to the third party: the test answers it in place of that application.
        await page.RouteAsync(Callback + "**", route => route.FulfillAsync(new RouteFulfillOptions { Status = 200, Body = "callback" }));
        var query = QueryStringOf(new()
        {
            ["client_id"] = clientId, ["response_type"] = "code", ["redirect_uri"] = Callback,
            ["scope"] = $"{ApiScopes.Inventory} {Scopes.OfflineAccess}", ["state"] = state,
            ["code_challenge"] = challenge, ["code_challenge_method"] = "S256",
        });
        await page.GotoAsync(new Uri(host.BaseAddress, "/connect/authorize" + query).AbsoluteUri);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(IdentityHost.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("consent-allow")).ToBeVisibleAsync();
        return page;
    }

    private static string QueryStringOf(Dictionary<string, string> values) =>
        "?" + string.Join("&", values.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));

    [Fact]
    public async Task the_person_consents_and_the_code_with_its_verifier_gives_a_scoped_token_for_their_company()
    {
        var (clientId, tenant, email) = await ArrangeAsync();
        var (verifier, challenge) = Pkce();
        await using var browser = await host.Browser.NewContextAsync();
        var page = await ConsentPageAsync(browser, clientId, email, challenge, "state-123");

        await Assertions.Expect(page.GetByTestId("consent-client")).ToContainTextAsync("Webshop Connector");
        await Assertions.Expect(page.GetByTestId("consent-company")).ToContainTextAsync(tenant.Name);
        await Assertions.Expect(page.GetByTestId("consent-company")).ToContainTextAsync(SaasRoles.Warehouse);
        await Assertions.Expect(page.Locator("[data-scope]")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator($"[data-scope='{ApiScopes.Inventory}']")).ToContainTextAsync("Inventory");

        await page.GetByTestId("consent-allow").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(Callback)));
        var callback = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(page.Url).Query);
        Assert.Equal("state-123", callback["state"].ToString());
        var code = callback["code"].ToString();

        var http = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = host.BaseAddress });
        Task<HttpResponseMessage> Exchange(string codeVerifier) => http.PostAsync("/connect/token", new FormUrlEncodedContent(
        [
            new("grant_type", "authorization_code"), new("client_id", clientId), new("code", code),
            new("redirect_uri", Callback), new("code_verifier", codeVerifier),
        ]));

        // A wrong verifier (a stolen code without the secret the client kept) gets nothing.
        Assert.Equal("invalid_grant", (await IdentityHost.RequireErrorAsync(await Exchange(Pkce().Verifier), 400)).Error);

        var token = await IdentityHost.RequireTokenAsync(await Exchange(verifier));
        var jwt = IdentityHost.ReadToken(token.AccessToken);
        Assert.Equal(tenant.Id.ToString(), jwt.GetClaim(SaasClaims.TenantId).Value);
        Assert.Equal(SaasRoles.Warehouse, jwt.GetClaim(SaasClaims.Role).Value);
        Assert.Equal(clientId, jwt.GetClaim("client_id").Value);
        Assert.NotNull(token.RefreshToken);

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/api/v2.0/companies({tenant.Id})/locations")).StatusCode);
        var sales = await http.GetAsync($"/api/v2.0/companies({tenant.Id})/customers");
        Assert.Equal(HttpStatusCode.Forbidden, sales.StatusCode);
        Assert.Equal(ApiScopes.Sales, (await sales.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("scope").GetString());

        // The code is single-use.
        http.DefaultRequestHeaders.Authorization = null;
        Assert.Equal("invalid_grant", (await IdentityHost.RequireErrorAsync(await Exchange(verifier), 400)).Error);
    }

    [Fact]
    public async Task the_person_denies_and_the_application_gets_access_denied_and_no_code()
    {
        var (clientId, _, email) = await ArrangeAsync();
        var (_, challenge) = Pkce();
        await using var browser = await host.Browser.NewContextAsync();
        var page = await ConsentPageAsync(browser, clientId, email, challenge, "state-456");

        await page.GetByTestId("consent-deny").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(Callback)));
        var callback = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(page.Url).Query);
        Assert.Equal("access_denied", callback["error"].ToString());
        Assert.False(callback.ContainsKey("code"));
    }

    [Fact]
    public async Task without_a_pkce_challenge_the_request_is_refused_before_anyone_signs_in()
    {
        var (clientId, _, _) = await ArrangeAsync();
        var http = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = host.BaseAddress, AllowAutoRedirect = false });
        var response = await http.GetAsync("/connect/authorize" + QueryStringOf(new()
        {
            ["client_id"] = clientId, ["response_type"] = "code", ["redirect_uri"] = Callback, ["scope"] = ApiScopes.Inventory,
        }));
        // Refused on the spot (400, invalid_request) rather than redirected: no sign-in page, no code.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invalid_request", await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location?.ToString() ?? "";
        Assert.DoesNotContain("/account/login", location);
    }
}
