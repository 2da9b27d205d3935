using System.Net;
using System.Net.Http.Json;
using Saas.Identity;
using Saas.Tests.Hosting;
using Saas.Tests.Tenants;
using static Saas.Tests.People.PeopleSteps;

namespace Saas.Tests.People;

/// <summary>
/// A reseller administrator changes who administers its companies (promote a member, demote an administrator) under
/// the company's own rule that one administrator stays, and sees, withdraws and resends the administrator invitations;
/// each change is in the company's audit log. Another partner, or someone who is no partner, reaches none of it.
/// </summary>
public abstract class resellers_manage_the_administrators_of_their_companies<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SaasFactory, IMailAndClock
{
    private SmtpSink Smtp => factory.Smtp;

    private static string Administrators(Guid companyId) => $"{Onboarding.Route}/{companyId}/administrators";

    [Fact]
    public async Task a_reseller_promotes_and_demotes_administrators_but_never_the_last_one()
    {
        var paul = await factory.SignedInAsync("paul@northwind.example");
        var company = await paul.OnboardAsync(factory, "roles");
        var admin = await factory.AcceptAndSignInAsync(company);
        var memberEmail = UniqueEmail("mona");
        (await admin.InviteAsync(company.Id, memberEmail, "Sales")).EnsureSuccessStatusCode();
        Assert.Equal("/account/login?invitation=accepted", (await factory.AcceptFromMailAsync(Smtp, memberEmail)).Headers.Location?.OriginalString);
        var memberId = (await admin.PersonAsync(company.Id, memberEmail))!.Value.GetProperty("id").GetGuid();
        var adminId = (await admin.PersonAsync(company.Id, company.AdminEmail))!.Value.GetProperty("id").GetGuid();
        var route = Administrators(company.Id);

        // The only administrator keeps the role: a problem naming the field, as on the company's own route.
        var last = await (await paul.PatchJsonAsync($"{route}/{adminId}", new { role = "Accountant" })).ProblemAsync(400);
        Assert.Contains("last administrator", last.GetProperty("errors").GetProperty("role")[0].GetString());

        // Bad input, and a change between two roles that are not Administrator (not the reseller's business): nothing happens.
        Assert.True((await (await paul.PatchJsonAsync($"{route}/{memberId}", new { role = "Owner" })).ProblemAsync(400)).GetProperty("errors").TryGetProperty("role", out _));
        Assert.True((await (await paul.PatchJsonAsync($"{route}/{memberId}", new { role = "Admin\u0001istrator" })).ProblemAsync(400)).GetProperty("errors").TryGetProperty("role", out _));
        await (await paul.PatchJsonAsync($"{route}/{memberId}", new { role = "Accountant" })).ProblemAsync(404);
        await (await paul.PatchJsonAsync($"{route}/{Guid.NewGuid()}", new { role = "Administrator" })).ProblemAsync(404);
        Assert.Equal(SaasRoles.Sales, (await admin.PersonAsync(company.Id, memberEmail))!.Value.GetProperty("role").GetString());

        var promoted = await (await paul.PatchJsonAsync($"{route}/{memberId}", new { role = "administrator" })).ReadJsonAsync();
        Assert.Equal(SaasRoles.Administrator, promoted.GetProperty("role").GetString());
        var demoted = await (await paul.PatchJsonAsync($"{route}/{adminId}", new { role = "Accountant" })).ReadJsonAsync();
        Assert.Equal(SaasRoles.Accountant, demoted.GetProperty("role").GetString());

        var administrators = await (await paul.GetAsync(route)).ReadJsonAsync();
        Assert.Equal([memberEmail], administrators.GetProperty("value").EnumerateArray().Select(p => p.GetProperty("email").GetString()!).ToList());

        // The new administrator reads who changed what, before and after.
        var mona = await factory.SignedInAsync(memberEmail, company.Identifier, NewPassword);
        var changes = (await mona.AuditAsync(company.Id, "?action=Role changed")).GetProperty("value").EnumerateArray().Reverse()
            .Select(e => (Actor: e.GetProperty("actor").GetString(), Subject: e.GetProperty("subject").GetString(), Before: e.GetProperty("before").GetString(), After: e.GetProperty("after").GetString()))
            .ToList();
        Assert.Equal(
            [
                ("paul@northwind.example", memberEmail, SaasRoles.Sales, SaasRoles.Administrator),
                ("paul@northwind.example", company.AdminEmail, SaasRoles.Administrator, SaasRoles.Accountant),
            ],
            changes);
    }

    [Fact]
    public async Task a_reseller_sees_withdraws_and_resends_the_administrator_invitations_of_its_companies()
    {
        var paul = await factory.SignedInAsync("paul@northwind.example");
        var company = await paul.OnboardAsync(factory, "invites");
        var admin = await factory.AcceptAndSignInAsync(company);
        var route = Administrators(company.Id);
        var email = UniqueEmail("ada");
        var id = (await (await paul.PostAsJsonAsync(route, new { email })).ReadJsonAsync()).GetProperty("id").GetGuid();
        var salesEmail = UniqueEmail("olaf");
        (await admin.InviteAsync(company.Id, salesEmail, "Sales")).EnsureSuccessStatusCode();

        var list = await (await paul.GetAsync($"{route}/invitations")).ReadJsonAsync();
        var row = list.InvitationFor(email)!.Value;
        Assert.Equal("Open", row.GetProperty("state").GetString());
        Assert.Equal("paul@northwind.example", row.GetProperty("invitedBy").GetString());
        Assert.Equal(SaasRoles.Administrator, row.GetProperty("role").GetString());
        Assert.Null(list.InvitationFor(salesEmail));

        // Administrator invitations only: the company's other invitations look like nothing at all.
        var salesId = (await admin.InvitationsAsync(company.Id)).InvitationFor(salesEmail)!.Value.GetProperty("id").GetGuid();
        await (await paul.PostAsync($"{route}/{salesId}/resend", null)).ProblemAsync(404);
        await (await paul.DeleteAsync($"{route}/{salesId}")).ProblemAsync(404);

        var oldLink = await Smtp.InvitationLinkAsync(email);
        Assert.True((await (await paul.PostAsync($"{route}/{id}/resend", null)).ReadJsonAsync()).GetProperty("mailSent").GetBoolean());
        var newLink = await Smtp.InvitationLinkAsync(email, except: oldLink);
        Assert.Contains("error=token", (await factory.AcceptLinkAsync(oldLink)).Headers.Location?.OriginalString);

        Assert.Equal(HttpStatusCode.NoContent, (await paul.DeleteAsync($"{route}/{id}")).StatusCode);
        Assert.Contains("error=token", (await factory.AcceptLinkAsync(newLink)).Headers.Location?.OriginalString);
        Assert.Null((await (await paul.GetAsync($"{route}/invitations")).ReadJsonAsync()).InvitationFor(email));
        Assert.Null(await admin.PersonAsync(company.Id, email));
        Assert.NotNull((await admin.InvitationsAsync(company.Id)).InvitationFor(salesEmail));

        var actions = (await admin.AuditAsync(company.Id, $"?$search={Uri.EscapeDataString(email)}")).GetProperty("value").EnumerateArray().Reverse()
            .Select(e => (Action: e.GetProperty("action").GetString(), Actor: e.GetProperty("actor").GetString())).ToList();
        Assert.Equal(
            [
                ("Invitation sent", "paul@northwind.example"),
                ("Invitation resent", "paul@northwind.example"),
                ("Invitation withdrawn", "paul@northwind.example"),
            ],
            actions);
    }

    [Fact]
    public async Task another_reseller_and_people_who_are_no_partner_reach_nothing()
    {
        var paul = await factory.SignedInAsync("paul@northwind.example");
        var company = await paul.OnboardAsync(factory, "fenced");
        var admin = await factory.AcceptAndSignInAsync(company);
        var adminId = (await admin.PersonAsync(company.Id, company.AdminEmail))!.Value.GetProperty("id").GetGuid();
        var route = Administrators(company.Id);
        var email = UniqueEmail("ines");
        var id = (await (await paul.PostAsJsonAsync(route, new { email })).ReadJsonAsync()).GetProperty("id").GetGuid();
        var audit = (await admin.AuditAsync(company.Id)).GetProperty("@odata.count").GetInt32();

        var (_, partnerEmail) = await factory.NewResellerAsync("fence");
        var partner = await factory.SignedInAsync(partnerEmail, password: Onboarding.NewPassword);
        foreach (var attempt in new Func<HttpClient, Task<HttpResponseMessage>>[]
        {
            c => c.GetAsync(route),
            c => c.GetAsync($"{route}/invitations"),
            c => c.PatchJsonAsync($"{route}/{adminId}", new { role = "ReadOnly" }),
            c => c.PatchJsonAsync($"{route}/{id}", new { role = "ReadOnly" }),
            c => c.DeleteAsync($"{route}/{id}"),
            c => c.PostAsync($"{route}/{id}/resend", null),
            c => c.DeleteAsync($"{route}/{adminId}"),
        })
        {
            var problem = await (await attempt(partner)).ProblemAsync(404);
            Assert.DoesNotContain(email, problem.GetRawText());

            // A company administrator is no partner: refused before any company is looked at.
            Assert.Equal(HttpStatusCode.Forbidden, (await attempt(admin)).StatusCode);
        }

        Assert.Equal(audit, (await admin.AuditAsync(company.Id)).GetProperty("@odata.count").GetInt32());
        Assert.Equal(SaasRoles.Administrator, (await admin.PersonAsync(company.Id, company.AdminEmail))!.Value.GetProperty("role").GetString());
        Assert.Equal("Open", (await admin.InvitationsAsync(company.Id)).InvitationFor(email)!.Value.GetProperty("state").GetString());
        Assert.Single(Smtp.MessagesTo(email));
    }
}

public sealed class resellers_manage_the_administrators_of_their_companies_on_sqlite(PeopleFactory factory)
    : resellers_manage_the_administrators_of_their_companies<PeopleFactory>(factory);

public sealed class resellers_manage_the_administrators_of_their_companies_on_postgres(PostgresPeopleFactory factory)
    : resellers_manage_the_administrators_of_their_companies<PostgresPeopleFactory>(factory);
