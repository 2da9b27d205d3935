using Microsoft.Extensions.DependencyInjection;
using Saas.Identity;
using static Saas.Tests.Identity.IdentityHost;

namespace Saas.Tests.Identity;

public sealed class password_grant_signs_in_members_and_locks_out_after_five_failures(IdentityHost host) : IClassFixture<IdentityHost>
{
    [Fact]
    public async Task a_member_gets_an_access_token_for_the_first_membership_with_the_role_held_there()
    {
        var first = await host.CreateTenantAsync();
        var second = await host.CreateTenantAsync();
        var user = await host.CreateUserAsync(SaasRoles.Sales, first);
        await host.WithServicesAsync(s => s.GetRequiredService<IdentityAdministration>().AddMembershipAsync(user.Id, second.Id, SaasRoles.Warehouse));
        var client = host.CreateClient();

        var token = await host.PasswordTokenAsync(client, user);

        Assert.Equal("Bearer", token.TokenType);
        Assert.InRange(token.ExpiresIn, 890, 900); // OpenIddict counts from the moment it answers
        Assert.False(string.IsNullOrEmpty(token.RefreshToken));
        var jwt = ReadToken(token.AccessToken);
        Assert.Equal(user.Id.ToString(), jwt.Subject);
        Assert.Equal(first.Id.ToString(), jwt.GetClaim(SaasClaims.TenantId).Value);
        Assert.Equal(first.Identifier, jwt.GetClaim(SaasClaims.Tenant).Value);
        Assert.Equal(SaasRoles.Sales, jwt.GetClaim(SaasClaims.Role).Value);
        Assert.Equal(user.Email, jwt.GetClaim(SaasClaims.Email).Value);
        Assert.Equal("saas-api", Assert.Single(jwt.Audiences));
        // The issuer is configured or derived at start, never the Host header; OpenIddict writes it as a URI (ADR 011).
        Assert.Equal("http://localhost/", jwt.Issuer);
        Assert.InRange(jwt.ValidTo - jwt.IssuedAt, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        Assert.False(jwt.TryGetClaim(SaasClaims.Operator, out _));

        var bySlug = ReadToken((await host.PasswordTokenAsync(client, user, second.Identifier)).AccessToken);
        Assert.Equal(second.Id.ToString(), bySlug.GetClaim(SaasClaims.TenantId).Value);
        Assert.Equal(SaasRoles.Warehouse, bySlug.GetClaim(SaasClaims.Role).Value);

        var byId = ReadToken((await host.PasswordTokenAsync(client, user, second.Id.ToString())).AccessToken);
        Assert.Equal(second.Id.ToString(), byId.GetClaim(SaasClaims.TenantId).Value);
    }

    [Fact]
    public async Task a_wrong_password_or_an_unknown_user_is_invalid_grant_without_telling_which()
    {
        var tenant = await host.CreateTenantAsync();
        var user = await host.CreateUserAsync(SaasRoles.Accountant, tenant);
        var client = host.CreateClient();

        var wrongPassword = await RequireErrorAsync(
            await PostTokenAsync(client, ("grant_type", "password"), ("username", user.Email!), ("password", "not the password")), 400);
        var unknownUser = await RequireErrorAsync(
            await PostTokenAsync(client, ("grant_type", "password"), ("username", "nobody@example.test"), ("password", Password)), 400);

        Assert.Equal("invalid_grant", wrongPassword.Error);
        Assert.Equal(wrongPassword, unknownUser);
    }

    /// <summary>
    /// ADR 012 replaced account lockout by throttling per source: five failures from one address block that account
    /// from that address (the right password too), with the same words an unknown account gets, and without locking
    /// the account itself (a stranger must not be able to lock a person out of their own devices).
    /// </summary>
    [Fact]
    public async Task five_failures_block_the_account_from_that_address_in_the_same_words_as_an_unknown_one()
    {
        var tenant = await host.CreateTenantAsync();
        var user = await host.CreateUserAsync(SaasRoles.ReadOnly, tenant);
        var client = host.CreateClient();
        var unknown = $"nobody-{Unique()}@example.test";

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await RequireErrorAsync(await PostTokenAsync(client, ("grant_type", "password"), ("username", user.Email!), ("password", "guess " + attempt)), 400);
            await RequireErrorAsync(await PostTokenAsync(client, ("grant_type", "password"), ("username", unknown), ("password", "guess " + attempt)), 400);
        }

        var blocked = await RequireErrorAsync(
            await PostTokenAsync(client, ("grant_type", "password"), ("username", user.Email!), ("password", Password)), 400);
        Assert.Equal("invalid_grant", blocked.Error);
        Assert.Contains("Too many failed sign-ins", blocked.Description);
        var unknownBlocked = await RequireErrorAsync(
            await PostTokenAsync(client, ("grant_type", "password"), ("username", unknown), ("password", Password)), 400);
        Assert.Equal(blocked, unknownBlocked);

        var lockoutEnd = await host.WithServicesAsync(async s =>
        {
            var users = s.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Saas.Identity.Users.SaasUser>>();
            return await users.GetLockoutEndDateAsync((await users.FindByIdAsync(user.Id.ToString()))!);
        });
        Assert.Null(lockoutEnd);
    }

    [Fact]
    public async Task a_reseller_admin_without_memberships_gets_a_token_without_a_tenant()
    {
        var reseller = await host.CreateResellerAsync();
        var user = await host.WithServicesAsync(async s =>
        {
            var administration = s.GetRequiredService<IdentityAdministration>();
            var created = await administration.CreateUserAsync($"partner-{Unique()}@example.test", "Partner", Password);
            await administration.AddResellerAdminAsync(created.Id, reseller.Id);
            return created;
        });

        var jwt = ReadToken((await host.PasswordTokenAsync(host.CreateClient(), user)).AccessToken);

        Assert.False(jwt.TryGetClaim(SaasClaims.TenantId, out _));
        Assert.False(jwt.TryGetClaim(SaasClaims.Role, out _));
        Assert.Equal(reseller.Id.ToString(), jwt.GetClaim(SaasClaims.ResellerId).Value);
    }

    [Fact]
    public async Task a_user_without_any_membership_gets_no_token()
    {
        var user = await host.WithServicesAsync(s =>
            s.GetRequiredService<IdentityAdministration>().CreateUserAsync($"loner-{Unique()}@example.test", "Loner", Password));

        var error = await RequireErrorAsync(
            await PostTokenAsync(host.CreateClient(), ("grant_type", "password"), ("username", user.Email!), ("password", Password)), 400);

        Assert.Equal("invalid_grant", error.Error);
    }
}
