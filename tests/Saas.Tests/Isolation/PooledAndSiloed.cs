using Microsoft.Extensions.DependencyInjection;
using Saas.Identity;
using Saas.Identity.Users;
using Microsoft.AspNetCore.Identity;
using Saas.Tests.Hosting;
using Saas.Tests.Tenants;

namespace Saas.Tests.Isolation;

/// <summary>
/// Fresh companies for the isolation spec: A pooled (onboarded by the demo reseller), B in its own database
/// (onboarded by the operator). A's administrator is also made an administrator of B, so the spec can check
/// that one person's token for B never reaches A.
/// </summary>
public static class PooledAndSiloed
{
    public static async Task<(IsolatedCompany A, IsolatedCompany B)> OnboardAsync(SaasFactory factory)
    {
        var paul = await factory.SignedInAsync("paul@northwind.example");
        var olga = await factory.SignedInAsync("olga@operator.example");
        var pooled = await paul.OnboardAsync(factory, "pooled");
        var siloed = await olga.OnboardAsync(factory, "siloed", isolation: "Siloed");
        await factory.AcceptAndSignInAsync(pooled);
        await factory.AcceptAndSignInAsync(siloed);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var person = await scope.ServiceProvider.GetRequiredService<UserManager<SaasUser>>().FindByEmailAsync(pooled.AdminEmail);
            await scope.ServiceProvider.GetRequiredService<IdentityAdministration>().AddMembershipAsync(person!.Id, siloed.Id, SaasRoles.Administrator);
        }

        return (
            new IsolatedCompany(pooled.Id, pooled.Identifier, pooled.Name, pooled.AdminEmail, Onboarding.NewPassword),
            new IsolatedCompany(siloed.Id, siloed.Identifier, siloed.Name, siloed.AdminEmail, Onboarding.NewPassword));
    }
}
