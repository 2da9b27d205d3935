using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Saas.Identity;
using Saas.Tenancy.Catalog;
using static Saas.Tests.Identity.IdentityHost;

namespace Saas.Tests.Identity;

/// <summary>
/// Client credentials for a company's API client: the token holds the scopes asked for (each API area checks
/// its own), introspection tells the client whether its token is alive, and revoking the token, the client or
/// suspending the company ends it at once, not at expiry.
/// </summary>
public sealed class api_client_tokens_are_scoped_revocable_and_introspectable(IdentityHost host) : IClassFixture<IdentityHost>
{
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string token)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    private async Task<(HttpClient Http, TenantInfo Tenant, string AdminToken, string ClientId, string Secret, string Id)> ClientAsync(string role = SaasRoles.Administrator)
    {
        var tenant = await host.CreateTenantAsync();
        var admin = await host.CreateUserAsync(SaasRoles.Administrator, tenant);
        var http = host.CreateClient();
        var adminToken = (await host.PasswordTokenAsync(http, admin)).AccessToken;
        using var create = new HttpRequestMessage(HttpMethod.Post, $"/api/v2.0/companies({tenant.Id})/apiClients") { Content = JsonContent.Create(new { displayName = "Shop sync", role }) };
        create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        var created = await (await http.SendAsync(create)).Content.ReadFromJsonAsync<JsonElement>();
        return (http, tenant, adminToken, created.GetProperty("clientId").GetString()!, created.GetProperty("clientSecret").GetString()!, created.GetProperty("id").GetString()!);
    }

    private static Task<HttpResponseMessage> ClientTokenAsync(HttpClient http, string clientId, string secret, string? scope = null) =>
        PostTokenAsync(http, scope is null
            ? [("grant_type", "client_credentials"), ("client_id", clientId), ("client_secret", secret)]
            : [("grant_type", "client_credentials"), ("client_id", clientId), ("client_secret", secret), ("scope", scope)]);

    private static async Task<JsonElement> IntrospectAsync(HttpClient http, string clientId, string secret, string token)
    {
        var response = await http.PostAsync("/connect/introspect", new FormUrlEncodedContent(
            [new("client_id", clientId), new("client_secret", secret), new("token", token)]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task a_token_without_the_areas_scope_is_refused_there_with_a_403_problem_naming_it()
    {
        var (http, tenant, _, clientId, secret, _) = await ClientAsync();
        var token = await RequireTokenAsync(await ClientTokenAsync(http, clientId, secret, ApiScopes.Tenants));
        Assert.Equal(ApiScopes.Tenants, ReadToken(token.AccessToken).GetClaim("scope").Value);

        // Holds "tenants": the company's API clients answer (the role decides the rest: an administrator client may list them).
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(http, HttpMethod.Get, $"/api/v2.0/companies({tenant.Id})/apiClients", token.AccessToken)).StatusCode);

        // Lacks "sales": customers are refused before anything is read.
        var refused = await SendAsync(http, HttpMethod.Get, $"/api/v2.0/companies({tenant.Id})/customers", token.AccessToken);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(ApiScopes.Sales, problem.GetProperty("scope").GetString());
        Assert.Contains("insufficient_scope", refused.Headers.WwwAuthenticate.ToString());

        // A scope the client was never given is refused at the token endpoint.
        var unknown = await RequireErrorAsync(await ClientTokenAsync(http, clientId, secret, "payroll"), 400);
        Assert.Equal("invalid_scope", unknown.Error);
    }

    [Fact]
    public async Task a_registered_client_cannot_use_the_password_grant()
    {
        var (http, tenant, _, clientId, secret, _) = await ClientAsync();
        var person = await host.CreateUserAsync(SaasRoles.Sales, tenant);

        // The password grant is for first-party requests without a client id only (ADR 011, OAuth 2.1).
        var refused = await RequireErrorAsync(await PostTokenAsync(http,
            ("grant_type", "password"), ("client_id", clientId), ("client_secret", secret), ("username", person.Email!), ("password", Password)), 400);
        Assert.Equal("unauthorized_client", refused.Error);
    }

    [Fact]
    public async Task without_a_scope_parameter_the_client_gets_every_area_as_before()
    {
        var (http, _, _, clientId, secret, _) = await ClientAsync();
        var token = await RequireTokenAsync(await ClientTokenAsync(http, clientId, secret));
        var scopes = ReadToken(token.AccessToken).GetClaim("scope").Value.Split(' ');
        Assert.Equal(ApiScopes.Areas.Order(), scopes.Order());
    }

    [Fact]
    public async Task introspection_says_active_until_the_client_revokes_its_token_and_then_the_api_refuses_it()
    {
        var (http, tenant, _, clientId, secret, _) = await ClientAsync();
        var token = (await RequireTokenAsync(await ClientTokenAsync(http, clientId, secret))).AccessToken;

        var alive = await IntrospectAsync(http, clientId, secret, token);
        Assert.True(alive.GetProperty("active").GetBoolean());
        Assert.Equal("client:" + clientId, alive.GetProperty("sub").GetString());

        var revoke = await http.PostAsync("/connect/revoke", new FormUrlEncodedContent(
            [new("client_id", clientId), new("client_secret", secret), new("token", token)]));
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);

        Assert.False((await IntrospectAsync(http, clientId, secret, token)).GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(http, HttpMethod.Get, $"/api/v2.0/companies({tenant.Id})/apiClients", token)).StatusCode);
    }

    [Fact]
    public async Task another_client_learns_nothing_about_a_token_that_is_not_its_own()
    {
        var (http, _, _, clientId, secret, _) = await ClientAsync();
        var (_, _, _, otherId, otherSecret, _) = await ClientAsync();
        var token = (await RequireTokenAsync(await ClientTokenAsync(http, clientId, secret))).AccessToken;

        var answer = await IntrospectAsync(http, otherId, otherSecret, token);
        Assert.False(answer.GetProperty("active").GetBoolean());
        Assert.False(answer.TryGetProperty("sub", out _));
    }

    [Fact]
    public async Task another_companys_client_cannot_revoke_a_token_that_is_not_its_own()
    {
        var (http, tenant, _, clientId, secret, _) = await ClientAsync();
        var (_, _, _, otherId, otherSecret, _) = await ClientAsync();
        var token = (await RequireTokenAsync(await ClientTokenAsync(http, clientId, secret))).AccessToken;

        await http.PostAsync("/connect/revoke", new FormUrlEncodedContent(
            [new("client_id", otherId), new("client_secret", otherSecret), new("token", token)]));

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(http, HttpMethod.Get, $"/api/v2.0/companies({tenant.Id})/apiClients", token)).StatusCode);
        Assert.True((await IntrospectAsync(http, clientId, secret, token)).GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task revoking_the_client_stops_its_access_tokens_at_once()
    {
        var (http, tenant, adminToken, clientId, secret, id) = await ClientAsync();
        var token = (await RequireTokenAsync(await ClientTokenAsync(http, clientId, secret))).AccessToken;
        var apiClients = $"/api/v2.0/companies({tenant.Id})/apiClients";
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(http, HttpMethod.Get, apiClients, token)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(http, HttpMethod.Delete, $"{apiClients}({id})", adminToken)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(http, HttpMethod.Get, apiClients, token)).StatusCode);
        Assert.Equal("invalid_client", (await RequireErrorAsync(await ClientTokenAsync(http, clientId, secret), 401)).Error);
    }

    [Fact]
    public async Task a_suspended_companys_tokens_do_not_work_again_after_reactivation()
    {
        var (http, tenant, adminToken, clientId, secret, _) = await ClientAsync();
        var clientToken = (await RequireTokenAsync(await ClientTokenAsync(http, clientId, secret))).AccessToken;
        var apiClients = $"/api/v2.0/companies({tenant.Id})/apiClients";
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(http, HttpMethod.Get, apiClients, adminToken)).StatusCode);

        await host.SetStatusAsync(tenant, TenantStatus.Suspended);
        await host.SetStatusAsync(tenant, TenantStatus.Active);

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(http, HttpMethod.Get, apiClients, adminToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(http, HttpMethod.Get, apiClients, clientToken)).StatusCode);

        // New sign-ins after the reactivation work as usual.
        var fresh = (await RequireTokenAsync(await ClientTokenAsync(http, clientId, secret))).AccessToken;
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(http, HttpMethod.Get, apiClients, fresh)).StatusCode);
    }
}
