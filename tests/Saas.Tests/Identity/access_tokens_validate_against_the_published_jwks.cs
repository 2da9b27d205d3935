using static Saas.Tests.Identity.IdentityHost;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Saas.Identity;

namespace Saas.Tests.Identity;

public sealed class access_tokens_validate_against_the_published_jwks(IdentityHost host) : IClassFixture<IdentityHost>
{
    [Fact]
    public async Task a_client_that_only_knows_the_discovery_document_can_validate_the_token()
    {
        var tenant = await host.CreateTenantAsync();
        var user = await host.CreateUserAsync(SaasRoles.Administrator, tenant);
        var client = host.CreateClient();
        var token = await host.PasswordTokenAsync(client, user);

        var discovery = await client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");
        var issuer = discovery.GetProperty("issuer").GetString()!;
        Assert.Equal(new Uri(new Uri(issuer), "connect/token").AbsoluteUri, discovery.GetProperty("token_endpoint").GetString());
        Assert.Contains("refresh_token", discovery.GetProperty("grant_types_supported").EnumerateArray().Select(e => e.GetString()));
        var jwksJson = await client.GetStringAsync(new Uri(discovery.GetProperty("jwks_uri").GetString()!).PathAndQuery);
        var jwks = new JsonWebKeySet(jwksJson);

        var key = Assert.Single(jwks.Keys);
        Assert.Equal("RSA", key.Kty);
        Assert.False(key.HasPrivateKey);
        Assert.Null(key.D);
        Assert.Equal(ReadToken(token.AccessToken).Kid, key.Kid);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token.AccessToken, new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidAudience = "saas-api",
            IssuerSigningKeys = jwks.GetSigningKeys(),
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal(tenant.Id.ToString(), result.ClaimsIdentity.FindFirst(SaasClaims.TenantId)?.Value);
    }

    [Fact]
    public async Task the_api_accepts_the_bearer_token_and_rejects_a_tampered_or_missing_one()
    {
        var tenant = await host.CreateTenantAsync();
        var user = await host.CreateUserAsync(SaasRoles.Sales, tenant);
        var client = host.CreateClient();
        var token = await host.PasswordTokenAsync(client, user);

        using var ok = new HttpRequestMessage(HttpMethod.Get, "/account/tenants");
        ok.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        var response = await client.SendAsync(ok);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tenants = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(tenant.Id.ToString(), tenants.GetProperty("currentTenantId").GetString());

        var parts = token.AccessToken.Split('.');
        var forgedPayload = Base64UrlEncoder.Encode(Base64UrlEncoder.DecodeBytes(parts[1]).Select(b => b).ToArray()
            .Concat("{}"u8.ToArray()).ToArray());
        using var tampered = new HttpRequestMessage(HttpMethod.Get, "/api/v2.0/companies(" + tenant.Id + ")/apiClients");
        tampered.Headers.Authorization = new AuthenticationHeaderValue("Bearer", $"{parts[0]}.{forgedPayload}.{parts[2]}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(tampered)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v2.0/companies(" + tenant.Id + ")/apiClients")).StatusCode);
    }

    [Fact]
    public async Task the_signing_key_survives_a_restart_of_the_service()
    {
        var tenant = await host.CreateTenantAsync();
        var user = await host.CreateUserAsync(SaasRoles.ReadOnly, tenant);
        var kid = ReadToken((await host.PasswordTokenAsync(host.CreateClient(), user)).AccessToken).Kid;

        await using var restarted = new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>()
            .WithWebHostBuilder(b => b.UseSetting("Database:DataDirectory", host.DataDirectory));
        var jwks = new JsonWebKeySet(await restarted.CreateClient().GetStringAsync("/.well-known/jwks.json"));

        Assert.Equal(kid, Assert.Single(jwks.Keys).Kid);
    }
}
