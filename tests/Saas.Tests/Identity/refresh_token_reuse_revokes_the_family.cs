using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saas.Identity;
using OpenIddict.EntityFrameworkCore.Models;
using Saas.Identity.Storage;
using static Saas.Tests.Identity.IdentityHost;

namespace Saas.Tests.Identity;

public sealed class refresh_token_reuse_revokes_the_family(IdentityHost host) : IClassFixture<IdentityHost>
{
    private static Task<HttpResponseMessage> Refresh(HttpClient client, string refreshToken) =>
        PostTokenAsync(client, ("grant_type", "refresh_token"), ("refresh_token", refreshToken));

    [Fact]
    public async Task each_refresh_returns_a_new_refresh_token_for_the_same_tenant()
    {
        var first = await host.CreateTenantAsync();
        var second = await host.CreateTenantAsync();
        var user = await host.CreateUserAsync(SaasRoles.Purchasing, first, second);
        var client = host.CreateClient();
        var signIn = await host.PasswordTokenAsync(client, user, second.Identifier);

        var refreshed = await RequireTokenAsync(await Refresh(client, signIn.RefreshToken!));

        Assert.NotEqual(signIn.RefreshToken, refreshed.RefreshToken);
        Assert.Equal(second.Id.ToString(), ReadToken(refreshed.AccessToken).GetClaim(SaasClaims.TenantId).Value);

        // OpenIddict's token store: both refresh tokens belong to one authorization (the family), the first one
        // redeemed; the store never holds a usable token.
        var stored = await host.WithServicesAsync(s => s.GetRequiredService<IdentityDb>().Set<OpenIddictEntityFrameworkCoreToken>()
            .Where(t => t.Subject == user.Id.ToString() && t.Type!.EndsWith("refresh_token")).Include(t => t.Authorization).ToListAsync());
        Assert.Equal(2, stored.Count);
        Assert.Single(stored.Select(t => t.Authorization!.Id).Distinct());
        Assert.Single(stored, t => t.Status == "redeemed");
        Assert.DoesNotContain(stored, t => t.Payload == signIn.RefreshToken || t.Payload == refreshed.RefreshToken || t.ReferenceId == refreshed.RefreshToken);
    }

    [Fact]
    public async Task presenting_a_consumed_token_again_revokes_every_token_of_the_sign_in()
    {
        var tenant = await host.CreateTenantAsync();
        var user = await host.CreateUserAsync(SaasRoles.Sales, tenant);
        var client = host.CreateClient();
        var signIn = await host.PasswordTokenAsync(client, user);
        var second = await RequireTokenAsync(await Refresh(client, signIn.RefreshToken!));

        var replay = await RequireErrorAsync(await Refresh(client, signIn.RefreshToken!), 400);
        Assert.Equal("invalid_grant", replay.Error);

        // The legitimate holder's newer token dies with the family: the thief and the user both sign in again.
        var descendant = await RequireErrorAsync(await Refresh(client, second.RefreshToken!), 400);
        Assert.Equal("invalid_grant", descendant.Error);

        // So do the family's access tokens: the API checks the token store on every call.
        using var call = new HttpRequestMessage(HttpMethod.Get, "/account/tenants");
        call.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", second.AccessToken);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await client.SendAsync(call)).StatusCode);

        // Another sign-in is another family and is untouched.
        var other = await host.PasswordTokenAsync(client, user);
        await RequireTokenAsync(await Refresh(client, other.RefreshToken!));
    }

    [Fact]
    public async Task refresh_is_refused_once_the_membership_is_gone_or_the_tenant_is_suspended()
    {
        var tenant = await host.CreateTenantAsync();
        var user = await host.CreateUserAsync(SaasRoles.Sales, tenant);
        var client = host.CreateClient();
        var signIn = await host.PasswordTokenAsync(client, user);

        await host.SetStatusAsync(tenant, Saas.Tenancy.Catalog.TenantStatus.Suspended);

        Assert.Equal("invalid_grant", (await RequireErrorAsync(await Refresh(client, signIn.RefreshToken!), 400)).Error);
    }

    [Fact]
    public async Task an_unknown_refresh_token_is_invalid_grant()
    {
        var error = await RequireErrorAsync(await Refresh(host.CreateClient(), "made-up"), 400);
        Assert.Equal("invalid_grant", error.Error);
    }
}
