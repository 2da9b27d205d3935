using Saas.Identity;
using Saas.Tenancy.Catalog;
using static Saas.Tests.Identity.IdentityHost;

namespace Saas.Tests.Identity;

public sealed class tokens_are_refused_for_tenants_the_user_cannot_enter(IdentityHost host) : IClassFixture<IdentityHost>
{
    [Fact]
    public async Task asking_for_a_tenant_the_user_is_not_a_member_of_is_invalid_grant()
    {
        var own = await host.CreateTenantAsync();
        var foreign = await host.CreateTenantAsync();
        var user = await host.CreateUserAsync(SaasRoles.Administrator, own);
        var client = host.CreateClient();

        foreach (var key in new[] { foreign.Identifier, foreign.Id.ToString(), "does-not-exist" })
        {
            var error = await RequireErrorAsync(
                await PostTokenAsync(client, ("grant_type", "password"), ("username", user.Email!), ("password", Password), ("tenant", key)), 400);
            Assert.Equal("invalid_grant", error.Error);
            Assert.Contains("not a member", error.Description);
        }
    }

    [Fact]
    public async Task a_suspended_tenant_gets_no_tokens_and_the_default_skips_it()
    {
        var suspended = await host.CreateTenantAsync(TenantStatus.Suspended);
        var active = await host.CreateTenantAsync();
        var user = await host.CreateUserAsync(SaasRoles.Accountant, suspended, active);
        var client = host.CreateClient();

        var error = await RequireErrorAsync(
            await PostTokenAsync(client, ("grant_type", "password"), ("username", user.Email!), ("password", Password), ("tenant", suspended.Identifier)), 400);
        Assert.Equal("invalid_grant", error.Error);
        Assert.Contains("suspended", error.Description);

        var defaulted = ReadToken((await host.PasswordTokenAsync(client, user)).AccessToken);
        Assert.Equal(active.Id.ToString(), defaulted.GetClaim(SaasClaims.TenantId).Value);
    }

    [Fact]
    public async Task a_user_whose_only_tenant_is_suspended_gets_no_token()
    {
        var tenant = await host.CreateTenantAsync();
        var user = await host.CreateUserAsync(SaasRoles.Sales, tenant);
        await host.SetStatusAsync(tenant, TenantStatus.Suspended);

        var error = await RequireErrorAsync(
            await PostTokenAsync(host.CreateClient(), ("grant_type", "password"), ("username", user.Email!), ("password", Password)), 400);

        Assert.Contains("suspended", error.Description);
    }
}
