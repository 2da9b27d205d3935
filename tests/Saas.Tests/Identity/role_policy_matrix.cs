using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Saas.Identity;

namespace Saas.Tests.Identity;

/// <summary>
/// Who may do what, written out as a table on purpose (not derived from <see cref="SaasPolicies"/>), so a
/// change to a policy has to change this table too.
/// </summary>
public sealed class role_policy_matrix(IdentityHost host) : IClassFixture<IdentityHost>
{
    // Columns: Administrator, Accountant, Sales, Purchasing, Warehouse, ReadOnly, role-without-tenant, ResellerAdmin, Operator, anonymous
    private static readonly string[] Callers =
        ["Administrator", "Accountant", "Sales", "Purchasing", "Warehouse", "ReadOnly", "RoleWithoutTenant", "ResellerAdmin", "Operator", "Anonymous"];

    private static readonly (string Policy, string Allowed)[] Table =
    [
        (SaasPolicies.TenantMember,   "Y Y Y Y Y Y . . . ."),
        (SaasPolicies.ItemsWrite,     "Y . . Y Y . . . . ."),
        (SaasPolicies.CustomersWrite, "Y Y Y . . . . . . ."),
        (SaasPolicies.VendorsWrite,   "Y Y . Y . . . . . ."),
        (SaasPolicies.LocationsWrite, "Y . . . Y . . . . ."),
        (SaasPolicies.TenantAdmin,    "Y . . . . . . . . ."),
        (SaasPolicies.FinanceSetup,   "Y Y . . . . . . . ."),
        (SaasPolicies.InventoryValue, "Y Y . . . . . . . ."),
        (SaasPolicies.Reseller,       ". . . . . . . Y . ."),
        (SaasPolicies.Operator,       ". . . . . . . . Y ."),
    ];

    public static TheoryData<string, string, bool> Cases()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var (policy, allowed) in Table)
        {
            var marks = allowed.Split(' ');
            for (var i = 0; i < Callers.Length; i++)
            {
                data.Add(policy, Callers[i], marks[i] == "Y");
            }
        }

        return data;
    }

    private static ClaimsPrincipal Principal(string caller)
    {
        if (caller == "Anonymous")
        {
            return new ClaimsPrincipal(new ClaimsIdentity());
        }

        var claims = new List<Claim> { new(SaasClaims.Subject, Guid.NewGuid().ToString()) };
        switch (caller)
        {
            case "RoleWithoutTenant":
                claims.Add(new(SaasClaims.Role, SaasRoles.Administrator));
                break;
            case "ResellerAdmin":
                claims.Add(new(SaasClaims.ResellerId, Guid.NewGuid().ToString()));
                break;
            case "Operator":
                claims.Add(new(SaasClaims.Operator, "true"));
                break;
            default:
                claims.Add(new(SaasClaims.TenantId, Guid.NewGuid().ToString()));
                claims.Add(new(SaasClaims.Role, caller));
                break;
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test", SaasClaims.Name, SaasClaims.Role));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task policy_admits_exactly_the_roles_in_the_table(string policy, string caller, bool allowed)
    {
        var authorization = host.Services.GetRequiredService<IAuthorizationService>();

        var result = await authorization.AuthorizeAsync(Principal(caller), resource: null, policy);

        Assert.Equal(allowed, result.Succeeded);
    }

    [Fact]
    public void the_table_covers_every_policy_and_every_tenant_role()
    {
        Assert.Equal(
            SaasPolicies.TenantPolicyRoles.Keys.Append(SaasPolicies.Reseller).Append(SaasPolicies.Operator).Order(),
            Table.Select(row => row.Policy).Order());
        Assert.Subset(Callers.ToHashSet(), SaasRoles.TenantRoles.ToHashSet());
    }
}
