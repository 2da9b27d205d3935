using System.Net;
using Saas.Identity;
using Saas.Tests.Hosting;
using static Saas.Tests.Finance.FinanceSetupClient;

namespace Saas.Tests.Finance;

/// <summary>Everyone in the company reads the finance setup; only Administrators and Accountants change it (BC's finance roles).</summary>
public sealed class finance_setup_role_matrix(SaasFactory factory) : IClassFixture<SaasFactory>
{
    public static TheoryData<string, string> People() => new()
    {
        { "anna@contoso.example", SaasRoles.Administrator },
        { "sam@contoso.example", SaasRoles.Sales },
        { "pia@contoso.example", SaasRoles.Purchasing },
        { "will@contoso.example", SaasRoles.Warehouse },
        { "alex@contoso.example", SaasRoles.Accountant },
        { "rita@contoso.example", SaasRoles.ReadOnly },
    };

    [Theory]
    [MemberData(nameof(People))]
    public async Task each_role_reads_the_setup_and_only_finance_roles_change_it(string email, string role)
    {
        var person = await AsAsync(factory, email);
        var allowed = role is SaasRoles.Administrator or SaasRoles.Accountant;
        foreach (var list in new[] { "accounts", "generalPostingSetups", "inventoryPostingSetups", "vatPostingSetups", "vatProductPostingGroups", "generalLedgerSetup" })
        {
            Assert.Equal(HttpStatusCode.OK, (await person.Http.GetAsync(Url(list))).StatusCode);
        }

        var created = await person.PostAsync("accounts", $$"""{ "number": "{{Unique("R")}}", "displayName": "Role {{role}}", "category": "Expense" }""");
        Assert.Equal(allowed ? HttpStatusCode.Created : HttpStatusCode.Forbidden, created.StatusCode);
        var group = await person.PostAsync("inventoryPostingGroups", $$"""{ "code": "{{Unique("R")}}" }""");
        Assert.Equal(allowed ? HttpStatusCode.Created : HttpStatusCode.Forbidden, group.StatusCode);

        var row = (await person.GetAsync("generalPostingSetups?$search=RETAIL"))["value"]![0]!;
        var patch = await person.PatchAsync($"generalPostingSetups({row["id"]})", $$"""{ "cogsAccount": "{{(string?)row["cogsAccount"]}}" }""");
        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, patch.StatusCode);
        var setup = await person.PatchAsync("generalLedgerSetup", """{ "allowNegativeInventory": false }""");
        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, setup.StatusCode);
        var delete = await person.Http.DeleteAsync(Url($"generalPostingSetups({Guid.NewGuid()})"));
        Assert.Equal(allowed ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden, delete.StatusCode);
    }
}
