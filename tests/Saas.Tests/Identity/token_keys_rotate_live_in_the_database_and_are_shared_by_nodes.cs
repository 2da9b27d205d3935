using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Saas.Identity;
using Saas.Identity.Storage;
using Saas.Identity.Tokens;
using static Saas.Tests.Identity.IdentityHost;

namespace Saas.Tests.Identity;

public sealed class token_keys_rotate_live_in_the_database_and_are_shared_by_nodes(IdentityHost host) : IClassFixture<IdentityHost>
{
    private static async Task<HttpStatusCode> CallAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/tenants");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await client.SendAsync(request)).StatusCode;
    }

    /// <summary>A second web process on the same catalog database and configuration, as another node would be.</summary>
    private WebApplicationFactory<Program> SecondNode() =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Database:DataDirectory", host.DataDirectory);
            b.UseEnvironment("Development");
        });

    [Fact]
    public async Task after_a_rotation_new_tokens_use_the_new_key_and_tokens_of_the_old_key_keep_working()
    {
        var tenant = await host.CreateTenantAsync();
        var user = await host.CreateUserAsync(SaasRoles.Sales, tenant);
        var client = host.CreateClient();
        var before = await host.PasswordTokenAsync(client, user);

        await host.Services.GetRequiredService<TokenKeyRing>().RotateNowAsync(CancellationToken.None);
        var after = await host.PasswordTokenAsync(client, user);

        Assert.NotEqual(ReadToken(before.AccessToken).Kid, ReadToken(after.AccessToken).Kid);
        Assert.Equal(HttpStatusCode.OK, await CallAsync(client, before.AccessToken));
        Assert.Equal(HttpStatusCode.OK, await CallAsync(client, after.AccessToken));

        // Both keys are published, so resource servers that read the JWKS accept both tokens too.
        var kids = new JsonWebKeySet(await client.GetStringAsync("/.well-known/jwks.json")).Keys.Select(k => k.Kid).ToList();
        Assert.Contains(ReadToken(before.AccessToken).Kid, kids);
        Assert.Contains(ReadToken(after.AccessToken).Kid, kids);

        // A refresh token encrypted with the previous encryption key is still redeemed.
        await RequireTokenAsync(await PostTokenAsync(client, ("grant_type", "refresh_token"), ("refresh_token", before.RefreshToken!)));
    }

    [Fact]
    public async Task a_key_is_published_before_it_signs_and_the_schedule_creates_the_next_one_ahead()
    {
        var ring = host.Services.GetRequiredService<TokenKeyRing>();
        var settings = host.Services.GetRequiredService<IdentitySettings>();
        await ring.RefreshAsync(CancellationToken.None);
        var keys = await host.WithServicesAsync(s => s.GetRequiredService<IdentityDb>().TokenKeys.AsNoTracking().ToListAsync());
        foreach (var key in keys)
        {
            Assert.DoesNotContain("PRIVATE KEY", key.ProtectedPem);
            Assert.True(key.RetiresUtc >= key.ActiveUntilUtc + settings.AccessTokenLifetime);
            Assert.True(key.ActiveUntilUtc - key.ActiveFromUtc <= settings.KeyRotationPeriod);
        }

        // Any key that is not the first of its kind starts a propagation period (or more) after it was written.
        foreach (var later in keys.GroupBy(k => k.Use).SelectMany(g => g.OrderBy(k => k.CreatedUtc).Skip(1)).Where(k => k.ActiveFromUtc > k.CreatedUtc))
        {
            Assert.True(later.ActiveFromUtc - later.CreatedUtc >= settings.KeyPropagation);
        }

        Assert.False(File.Exists(Path.Combine(host.DataDirectory, "keys", "token-signing.pem")));
    }

    [Fact]
    public async Task two_nodes_on_the_same_database_accept_each_others_tokens_even_after_a_rotation()
    {
        var tenant = await host.CreateTenantAsync();
        var user = await host.CreateUserAsync(SaasRoles.Sales, tenant);
        await using var second = SecondNode();
        var first = host.CreateClient();
        var other = second.CreateClient();

        var fromFirst = await host.PasswordTokenAsync(first, user);
        var fromSecond = await host.PasswordTokenAsync(other, user);
        Assert.Equal(HttpStatusCode.OK, await CallAsync(other, fromFirst.AccessToken));
        Assert.Equal(HttpStatusCode.OK, await CallAsync(first, fromSecond.AccessToken));

        // The first node rotates; the second picks the keys up at its next scheduled refresh.
        await host.Services.GetRequiredService<TokenKeyRing>().RotateNowAsync(CancellationToken.None);
        await second.Services.GetRequiredService<TokenKeyRing>().RefreshAsync(CancellationToken.None);
        var rotated = await host.PasswordTokenAsync(first, user);
        Assert.Equal(HttpStatusCode.OK, await CallAsync(other, rotated.AccessToken));
        Assert.Equal(HttpStatusCode.OK, await CallAsync(other, fromFirst.AccessToken));
    }

    [Fact]
    public async Task the_issuer_never_comes_from_the_host_header()
    {
        var tenant = await host.CreateTenantAsync();
        var user = await host.CreateUserAsync(SaasRoles.Sales, tenant);
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Host = "evil.example";

        var discovery = await client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");
        Assert.Equal("http://localhost/", discovery.GetProperty("issuer").GetString());
        Assert.DoesNotContain("evil.example", discovery.GetRawText());
        Assert.Equal("http://localhost/", ReadToken((await host.PasswordTokenAsync(client, user)).AccessToken).Issuer);
    }

    [Fact]
    public async Task data_protection_keys_are_in_the_database_and_encrypted_there()
    {
        // Any protected value (the token keys already are) makes sure a data-protection key exists.
        await host.Services.GetRequiredService<TokenKeyRing>().RefreshAsync(CancellationToken.None);
        var stored = await host.WithServicesAsync(s => s.GetRequiredService<IdentityDb>().DataProtectionKeys.AsNoTracking().ToListAsync());
        Assert.NotEmpty(stored);
        Assert.All(stored, key =>
        {
            Assert.Contains("EncryptedData", key.Xml);
            Assert.DoesNotContain("<value>", key.Xml);
        });
        Assert.False(Directory.Exists(Path.Combine(host.DataDirectory, "keys", "dataprotection")));
    }
}
