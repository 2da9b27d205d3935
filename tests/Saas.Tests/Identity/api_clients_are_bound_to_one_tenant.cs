using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Saas.Identity;
using Saas.Tenancy.Catalog;
using static Saas.Tests.Identity.IdentityHost;

namespace Saas.Tests.Identity;

public sealed class api_clients_are_bound_to_one_tenant(IdentityHost host) : IClassFixture<IdentityHost>
{
    private static HttpRequestMessage As(string accessToken, HttpMethod method, string path, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return request;
    }

    private static string Clients(TenantInfo tenant) => $"/api/v2.0/companies({tenant.Id})/apiClients";

    private async Task<(string ClientId, string Secret, string Id)> CreateClientAsync(HttpClient http, string adminToken, TenantInfo tenant, string role)
    {
        var response = await http.SendAsync(As(adminToken, HttpMethod.Post, Clients(tenant), new { displayName = "ERP sync", role }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("clientId").GetString()!, created.GetProperty("clientSecret").GetString()!, created.GetProperty("id").GetString()!);
    }

    [Fact]
    public async Task client_credentials_give_a_token_for_the_clients_tenant_and_role_only()
    {
        var tenant = await host.CreateTenantAsync();
        var admin = await host.CreateUserAsync(SaasRoles.Administrator, tenant);
        var http = host.CreateClient();
        var adminToken = (await host.PasswordTokenAsync(http, admin)).AccessToken;
        var (clientId, secret, _) = await CreateClientAsync(http, adminToken, tenant, SaasRoles.Warehouse);

        var token = await RequireTokenAsync(await PostTokenAsync(http, ("grant_type", "client_credentials"), ("client_id", clientId), ("client_secret", secret)));

        Assert.Null(token.RefreshToken);
        var jwt = ReadToken(token.AccessToken);
        Assert.Equal(tenant.Id.ToString(), jwt.GetClaim(SaasClaims.TenantId).Value);
        Assert.Equal(SaasRoles.Warehouse, jwt.GetClaim(SaasClaims.Role).Value);
        Assert.Equal(clientId, jwt.GetClaim(SaasClaims.ClientId).Value);

        // HTTP Basic works too (RFC 6749 §2.3.1); a client token is not an administrator, so it cannot list clients.
        using var basic = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        };
        basic.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        var viaBasic = await RequireTokenAsync(await http.SendAsync(basic));
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(As(viaBasic.AccessToken, HttpMethod.Get, Clients(tenant)))).StatusCode);
    }

    [Fact]
    public async Task a_wrong_secret_or_a_revoked_client_is_invalid_client()
    {
        var tenant = await host.CreateTenantAsync();
        var admin = await host.CreateUserAsync(SaasRoles.Administrator, tenant);
        var http = host.CreateClient();
        var adminToken = (await host.PasswordTokenAsync(http, admin)).AccessToken;
        var (clientId, secret, id) = await CreateClientAsync(http, adminToken, tenant, SaasRoles.ReadOnly);

        var wrong = await RequireErrorAsync(await PostTokenAsync(http, ("grant_type", "client_credentials"), ("client_id", clientId), ("client_secret", secret + "x")), 401);
        Assert.Equal("invalid_client", wrong.Error);

        Assert.Equal(HttpStatusCode.NoContent, (await http.SendAsync(As(adminToken, HttpMethod.Delete, $"/api/v2.0/companies({tenant.Id})/apiClients({id})"))).StatusCode);
        var revoked = await RequireErrorAsync(await PostTokenAsync(http, ("grant_type", "client_credentials"), ("client_id", clientId), ("client_secret", secret)), 401);
        Assert.Equal("invalid_client", revoked.Error);
    }

    [Fact]
    public async Task a_suspended_tenants_client_gets_no_token()
    {
        var tenant = await host.CreateTenantAsync();
        var admin = await host.CreateUserAsync(SaasRoles.Administrator, tenant);
        var http = host.CreateClient();
        var (clientId, secret, _) = await CreateClientAsync(http, (await host.PasswordTokenAsync(http, admin)).AccessToken, tenant, SaasRoles.Sales);

        await host.SetStatusAsync(tenant, TenantStatus.Suspended);

        var error = await RequireErrorAsync(await PostTokenAsync(http, ("grant_type", "client_credentials"), ("client_id", clientId), ("client_secret", secret)), 400);
        Assert.Equal("unauthorized_client", error.Error);
    }

    [Fact]
    public async Task another_tenants_admin_can_neither_list_nor_revoke_the_clients()
    {
        var tenantA = await host.CreateTenantAsync();
        var tenantB = await host.CreateTenantAsync();
        var adminA = await host.CreateUserAsync(SaasRoles.Administrator, tenantA);
        var adminB = await host.CreateUserAsync(SaasRoles.Administrator, tenantB);
        var http = host.CreateClient();
        var tokenA = (await host.PasswordTokenAsync(http, adminA)).AccessToken;
        var tokenB = (await host.PasswordTokenAsync(http, adminB)).AccessToken;
        var (clientId, _, id) = await CreateClientAsync(http, tokenA, tenantA, SaasRoles.Sales);

        // B names A's company in the route: refused, the claim and the route disagree.
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(As(tokenB, HttpMethod.Get, Clients(tenantA)))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(As(tokenB, HttpMethod.Delete, $"/api/v2.0/companies({tenantA.Id})/apiClients({id})"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(As(tokenB, HttpMethod.Post, Clients(tenantA), new { displayName = "x", role = "Sales" }))).StatusCode);

        // B names its own company with A's client id: the client is simply not there.
        Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(As(tokenB, HttpMethod.Delete, $"/api/v2.0/companies({tenantB.Id})/apiClients({id})"))).StatusCode);
        var listB = await (await http.SendAsync(As(tokenB, HttpMethod.Get, Clients(tenantB)))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Empty(listB.GetProperty("value").EnumerateArray());

        // A still sees its client, unrevoked, and never its secret again.
        var listA = await (await http.SendAsync(As(tokenA, HttpMethod.Get, Clients(tenantA)))).Content.ReadFromJsonAsync<JsonElement>();
        var only = Assert.Single(listA.GetProperty("value").EnumerateArray());
        Assert.Equal(clientId, only.GetProperty("clientId").GetString());
        Assert.Equal(JsonValueKind.Null, only.GetProperty("revokedUtc").ValueKind);
        Assert.False(only.TryGetProperty("clientSecret", out _));
    }

    [Fact]
    public async Task non_administrators_cannot_manage_clients_and_bad_roles_are_refused()
    {
        var tenant = await host.CreateTenantAsync();
        var sales = await host.CreateUserAsync(SaasRoles.Sales, tenant);
        var admin = await host.CreateUserAsync(SaasRoles.Administrator, tenant);
        var http = host.CreateClient();

        var salesToken = (await host.PasswordTokenAsync(http, sales)).AccessToken;
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(As(salesToken, HttpMethod.Get, Clients(tenant)))).StatusCode);

        var adminToken = (await host.PasswordTokenAsync(http, admin)).AccessToken;
        var bad = await http.SendAsync(As(adminToken, HttpMethod.Post, Clients(tenant), new { displayName = "x", role = "Operator" }));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("role", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Single().Name);
    }
}
