using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Validation;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Saas.Identity;
using Saas.Identity.Tokens;
using static Saas.Tests.Identity.IdentityHost;

namespace Saas.Tests.Identity;

/// <summary>
/// Tokens altered by a caller are refused with a bare <c>invalid_token</c>. Each case starts from a real token
/// re-signed with the service's own key (which the API accepts: the control), then changes one thing, so a
/// refusal is for that change and nothing else.
/// </summary>
public sealed class bad_bearer_tokens_are_refused_without_detail(IdentityHost host) : IClassFixture<IdentityHost>
{
    private static string Items(Guid tenantId) => $"/api/v2.0/companies({tenantId})/items";

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    private async Task<(HttpClient Client, Guid TenantId, string Token)> SignInAsync()
    {
        var tenant = await host.CreateTenantAsync();
        var user = await host.CreateUserAsync(SaasRoles.Warehouse, tenant);
        var client = host.CreateClient();
        return (client, tenant.Id, (await host.PasswordTokenAsync(client, user)).AccessToken);
    }

    /// <summary>The token's payload, changed by <paramref name="change"/>, signed with <paramref name="key"/> (default: the active signing key).</summary>
    private string Resign(string token, Action<JsonObject> change, SecurityKey? key = null, string algorithm = SecurityAlgorithms.RsaSha256)
    {
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(token.Split('.')[1]))!.AsObject();
        change(payload);
        var signingKey = key ?? host.Services.GetRequiredService<TokenKeyRing>().Current.Signing[0];
        return new JsonWebTokenHandler().CreateToken(
            payload.ToJsonString(),
            new SigningCredentials(signingKey, algorithm),
            new Dictionary<string, object> { ["typ"] = "at+jwt" });
    }

    private static void AssertBareInvalidToken(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Equal("error=\"invalid_token\"", challenge.Parameter);
    }

    [Fact]
    public async Task the_control_a_real_token_re_signed_with_the_service_key_is_accepted()
    {
        var (client, tenantId, token) = await SignInAsync();
        var response = await GetAsync(client, Items(tenantId), Resign(token, _ => { }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task an_expired_token_is_refused_and_its_expiry_cannot_be_edited_away()
    {
        var (client, tenantId, token) = await SignInAsync();

        // A node whose clock reads 16 minutes later: the 15-minute token has expired there (the control: at +0 it is accepted).
        var clock = new ShiftedClock();
        await using var later = host.WithWebHostBuilder(b => b.ConfigureServices(services =>
            services.Configure<OpenIddictValidationOptions>(options => options.TimeProvider = clock)));
        var laterClient = later.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(laterClient, Items(tenantId), token)).StatusCode);
        clock.Offset = TimeSpan.FromMinutes(16);
        AssertBareInvalidToken(await GetAsync(laterClient, Items(tenantId), token));

        // Moving exp forward in the token does not help: the token store's expiry is the one that counts.
        var future = DateTimeOffset.UtcNow.AddHours(2).ToUnixTimeSeconds();
        AssertBareInvalidToken(await GetAsync(laterClient, Items(tenantId), Resign(token, p => p["exp"] = future)));
    }

    private sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
    }

    [Fact]
    public async Task a_token_for_another_audience_is_refused()
    {
        var (client, tenantId, token) = await SignInAsync();
        AssertBareInvalidToken(await GetAsync(client, Items(tenantId), Resign(token, p => p["aud"] = "another-api")));
    }

    [Fact]
    public async Task a_token_signed_by_an_unknown_key_or_naming_an_unknown_kid_is_refused()
    {
        var (client, tenantId, token) = await SignInAsync();
        using var stranger = RSA.Create(2048);
        AssertBareInvalidToken(await GetAsync(client, Items(tenantId), Resign(token, _ => { }, new RsaSecurityKey(stranger) { KeyId = "unknown-kid" })));

        // The real key under a kid nobody published: not tried against every key until one fits.
        var real = (RsaSecurityKey)host.Services.GetRequiredService<TokenKeyRing>().Current.Signing[0];
        AssertBareInvalidToken(await GetAsync(client, Items(tenantId), Resign(token, _ => { }, new RsaSecurityKey(real.Rsa) { KeyId = "unknown-kid" })));

        // A stranger's key under the real kid: the signature does not verify.
        AssertBareInvalidToken(await GetAsync(client, Items(tenantId), Resign(token, _ => { }, new RsaSecurityKey(stranger) { KeyId = real.KeyId })));
    }

    [Fact]
    public async Task an_unsigned_alg_none_token_is_refused()
    {
        var (client, tenantId, token) = await SignInAsync();
        var parts = token.Split('.');
        var header = Base64UrlEncoder.Encode(JsonSerializer.Serialize(new { alg = "none", typ = "at+jwt" }));
        AssertBareInvalidToken(await GetAsync(client, Items(tenantId), $"{header}.{parts[1]}."));
    }

    [Fact]
    public async Task a_tampered_payload_is_refused_without_saying_why()
    {
        var (client, tenantId, token) = await SignInAsync();
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        payload["role"] = SaasRoles.Administrator;
        AssertBareInvalidToken(await GetAsync(client, Items(tenantId), $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}"));
    }

    [Fact]
    public async Task another_companys_valid_token_cannot_reach_this_company()
    {
        var (client, _, token) = await SignInAsync();
        var other = await host.CreateTenantAsync();
        var response = await GetAsync(client, Items(other.Id), token);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
