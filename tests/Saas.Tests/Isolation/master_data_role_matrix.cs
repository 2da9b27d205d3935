using System.Net;
using System.Net.Http.Json;
using Saas.Identity;
using Saas.Tests.Hosting;
using Saas.Web.Startup;

namespace Saas.Tests.Isolation;

/// <summary>
/// The role matrix over the real master-data API, as the demo people of Contoso (one per role): everyone
/// reads every list; each kind of card is created only by the roles BC gives that job to.
/// </summary>
public sealed class master_data_role_matrix(SaasFactory factory) : IClassFixture<SaasFactory>
{
    private static readonly DemoCompany Contoso = DemoData.Companies[0];

    /// <summary>Who may create what (everyone else gets 403).</summary>
    private static readonly Dictionary<string, string[]> Writers = new()
    {
        ["items"] = [SaasRoles.Administrator, SaasRoles.Purchasing, SaasRoles.Warehouse],
        ["customers"] = [SaasRoles.Administrator, SaasRoles.Sales, SaasRoles.Accountant],
        ["vendors"] = [SaasRoles.Administrator, SaasRoles.Purchasing, SaasRoles.Accountant],
        ["locations"] = [SaasRoles.Administrator, SaasRoles.Warehouse],
    };

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
    public async Task each_role_reads_every_list_and_creates_only_its_own_cards(string email, string role)
    {
        Assert.Contains(DemoData.People, p => p.Email == email && p.Memberships.Contains(("contoso", role)));
        var client = await factory.SignedInAsync(email, Contoso.Identifier);
        var root = $"/api/v2.0/companies({Contoso.Id})";
        foreach (var (resource, writers) in Writers)
        {
            var list = await client.GetAsync($"{root}/{resource}");
            Assert.True(list.StatusCode == HttpStatusCode.OK, $"{role} GET {resource}: {(int)list.StatusCode}");

            var expected = writers.Contains(role) ? HttpStatusCode.Created : HttpStatusCode.Forbidden;
            var created = await client.PostAsJsonAsync($"{root}/{resource}", NewCard(resource, role));
            Assert.True(
                created.StatusCode == expected,
                $"{role} POST {resource}: expected {(int)expected}, got {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        }
    }

    private static object NewCard(string resource, string role)
    {
        var unique = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        return resource == "locations"
            ? new { code = "L" + unique, displayName = $"Matrix {role}" }
            : new { displayName = $"Matrix {role} {unique}" };
    }
}
