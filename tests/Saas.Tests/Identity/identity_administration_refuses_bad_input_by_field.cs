using Microsoft.Extensions.DependencyInjection;
using Saas.Identity;

namespace Saas.Tests.Identity;

public sealed class identity_administration_refuses_bad_input_by_field(IdentityHost host) : IClassFixture<IdentityHost>
{
    private Task<IdentityValidationException> Refused(Func<IdentityAdministration, Task> action) =>
        Assert.ThrowsAsync<IdentityValidationException>(() =>
            host.WithServicesAsync<bool>(async s =>
            {
                await action(s.GetRequiredService<IdentityAdministration>());
                return true;
            }));

    [Fact]
    public async Task weak_passwords_invalid_emails_duplicates_and_unknown_roles_name_their_field()
    {
        var tenant = await host.CreateTenantAsync();
        var user = await host.CreateUserAsync(SaasRoles.Sales, tenant);

        Assert.Equal("password", (await Refused(a => a.CreateUserAsync($"weak-{IdentityHost.Unique()}@example.test", "Weak", "short"))).Field);
        Assert.Equal("email", (await Refused(a => a.CreateUserAsync("not-an-email", "Nobody", IdentityHost.Password))).Field);
        Assert.Equal("email", (await Refused(a => a.CreateUserAsync(user.Email!.ToUpperInvariant(), "Twin", IdentityHost.Password))).Field);
        Assert.Equal("role", (await Refused(a => a.AddMembershipAsync(user.Id, tenant.Id, "Superuser"))).Field);
        Assert.Equal("role", (await Refused(a => a.AddMembershipAsync(user.Id, tenant.Id, SaasRoles.Operator))).Field);
        Assert.Equal("tenantId", (await Refused(a => a.AddMembershipAsync(user.Id, Guid.NewGuid(), SaasRoles.Sales))).Field);
        Assert.Equal("resellerId", (await Refused(a => a.AddResellerAdminAsync(user.Id, Guid.NewGuid()))).Field);
        Assert.Equal("userId", (await Refused(a => a.MakeOperatorAsync(Guid.NewGuid()))).Field);
    }

    [Fact]
    public async Task adding_a_membership_twice_changes_the_role_instead_of_duplicating_it()
    {
        var tenant = await host.CreateTenantAsync();
        var user = await host.CreateUserAsync(SaasRoles.Sales, tenant);

        var memberships = await host.WithServicesAsync(async s =>
        {
            var administration = s.GetRequiredService<IdentityAdministration>();
            await administration.AddMembershipAsync(user.Id, tenant.Id, SaasRoles.Administrator);
            return await administration.ListMembershipsAsync(user.Id);
        });

        var only = Assert.Single(memberships);
        Assert.Equal(SaasRoles.Administrator, only.Role);
        Assert.Equal(tenant.Identifier, only.TenantIdentifier);
    }

    [Fact]
    public async Task an_operator_token_carries_the_operator_claim()
    {
        var user = await host.WithServicesAsync(async s =>
        {
            var administration = s.GetRequiredService<IdentityAdministration>();
            var created = await administration.CreateUserAsync($"ops-{IdentityHost.Unique()}@example.test", "Ops", IdentityHost.Password);
            await administration.MakeOperatorAsync(created.Id);
            return created;
        });

        var jwt = IdentityHost.ReadToken((await host.PasswordTokenAsync(host.CreateClient(), user)).AccessToken);

        Assert.Equal("true", jwt.GetClaim(SaasClaims.Operator).Value);
        Assert.False(jwt.TryGetClaim(SaasClaims.TenantId, out _));
    }
}
