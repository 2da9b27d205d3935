using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saas.Identity;
using Saas.Identity.Storage;
using Saas.Tests.Hosting;
using static Saas.Tests.People.PeopleSteps;

namespace Saas.Tests.People;

/// <summary>
/// A company administrator sees the invitations nobody accepted yet (open or expired), withdraws one (its link then
/// fails like a used one and no membership appears) and resends one (a new link by mail; the old one stops working).
/// Each is audited, and no other company's administrator, and no one who is not an administrator, can do the same.
/// </summary>
public abstract class administrators_withdraw_and_resend_open_invitations<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SaasFactory, IMailAndClock
{
    private SmtpSink Smtp => factory.Smtp;

    [Fact]
    public async Task an_open_invitation_is_listed_and_once_withdrawn_its_link_fails_and_nothing_else_changes()
    {
        var anna = await factory.SignedInAsync("anna@contoso.example", "contoso");
        var contoso = await anna.CompanyIdAsync();
        var email = UniqueEmail("wanda");
        (await anna.InviteAsync(contoso, email, "sales")).EnsureSuccessStatusCode();

        var row = (await anna.InvitationsAsync(contoso, $"?$search={Uri.EscapeDataString(email)}")).InvitationFor(email)!.Value;
        Assert.Equal(SaasRoles.Sales, row.GetProperty("role").GetString());
        Assert.Equal("anna@contoso.example", row.GetProperty("invitedBy").GetString());
        Assert.Equal("Open", row.GetProperty("state").GetString());
        Assert.True(row.GetProperty("expiresDateTime").GetDateTime() > row.GetProperty("sentDateTime").GetDateTime());
        var id = row.GetProperty("id").GetGuid();
        var people = (await anna.PeopleAsync(contoso)).GetProperty("@odata.count").GetInt32();

        Assert.Equal(HttpStatusCode.NoContent, (await anna.DeleteAsync($"{CompanyRoute(contoso)}/people({id})")).StatusCode);

        var refused = await factory.AcceptFromMailAsync(Smtp, email);
        var location = Uri.UnescapeDataString(refused.Headers.Location?.OriginalString ?? "").Replace('+', ' ');
        Assert.Contains("error=token", location);
        // The refusal travels as a code (text in a query string is anyone's to write); the page says it in its words.
        var page = await (await factory.Browser().GetAsync(refused.Headers.Location)).Content.ReadAsStringAsync();
        Assert.Contains("This invitation link is not valid, has expired or has already been used.", System.Net.WebUtility.HtmlDecode(page));
        Assert.Null((await anna.InvitationsAsync(contoso, $"?$search={Uri.EscapeDataString(email)}")).InvitationFor(email));
        Assert.Null(await anna.PersonAsync(contoso, email));
        Assert.Equal(people - 1, (await anna.PeopleAsync(contoso)).GetProperty("@odata.count").GetInt32());
        await (await anna.DeleteAsync($"{CompanyRoute(contoso)}/people({id})")).ProblemAsync(404);

        var audit = (await anna.AuditAsync(contoso, $"?$search={Uri.EscapeDataString(email)}")).GetProperty("value");
        Assert.Equal(2, audit.GetArrayLength());
        Assert.Equal("Invitation withdrawn", audit[0].GetProperty("action").GetString());
        Assert.Equal("anna@contoso.example", audit[0].GetProperty("actor").GetString());
        Assert.Equal(SaasRoles.Sales, audit[0].GetProperty("before").GetString());
    }

    [Fact]
    public async Task inviting_the_same_person_again_replaces_the_open_invitation()
    {
        var anna = await factory.SignedInAsync("anna@contoso.example", "contoso");
        var contoso = await anna.CompanyIdAsync();
        var email = UniqueEmail("again");
        (await anna.InviteAsync(contoso, email, "Sales")).EnsureSuccessStatusCode();
        var first = await Smtp.InvitationLinkAsync(email);
        (await anna.InviteAsync(contoso, email, "Accountant")).EnsureSuccessStatusCode();
        var second = await Smtp.InvitationLinkAsync(email, except: first);

        // One open invitation, with the newer role; the first link no longer works.
        var invitations = (await anna.InvitationsAsync(contoso, $"?$search={Uri.EscapeDataString(email)}")).GetProperty("value");
        Assert.Equal(1, invitations.GetArrayLength());
        Assert.Equal(SaasRoles.Accountant, invitations[0].GetProperty("role").GetString());
        Assert.Contains("error=token", (await factory.AcceptLinkAsync(first)).Headers.Location?.OriginalString);
        var rows = (await anna.PeopleAsync(contoso, "?$top=1000")).GetProperty("value").EnumerateArray()
            .Count(p => string.Equals(p.GetProperty("email").GetString(), email, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(1, rows);

        Assert.Equal("/account/login?invitation=accepted", (await factory.AcceptLinkAsync(second)).Headers.Location?.OriginalString);
        Assert.Equal(SaasRoles.Accountant, (await anna.PersonAsync(contoso, email))!.Value.GetProperty("role").GetString());
        var sent = (await anna.AuditAsync(contoso, $"?action=Invitation sent&$search={Uri.EscapeDataString(email)}")).GetProperty("value");
        Assert.Equal(SaasRoles.Sales, sent[0].GetProperty("before").GetString());
        Assert.Equal(SaasRoles.Accountant, sent[0].GetProperty("after").GetString());
    }

    [Fact]
    public async Task a_resent_invitation_has_a_new_link_and_the_old_one_stops_working()
    {
        var anna = await factory.SignedInAsync("anna@contoso.example", "contoso");
        var contoso = await anna.CompanyIdAsync();
        var email = UniqueEmail("rolf");
        var id = (await (await anna.InviteAsync(contoso, email, "Accountant")).ReadJsonAsync()).GetProperty("id").GetGuid();
        var oldLink = await Smtp.InvitationLinkAsync(email);

        var resent = await (await anna.PostAsync($"{CompanyRoute(contoso)}/people({id})/Microsoft.NAV.resendInvitation", null)).ReadJsonAsync();
        Assert.Equal(id, resent.GetProperty("id").GetGuid());
        Assert.True(resent.GetProperty("mailSent").GetBoolean());
        var newLink = await Smtp.InvitationLinkAsync(email, except: oldLink);

        Assert.Contains("error=token", (await factory.AcceptLinkAsync(oldLink)).Headers.Location?.OriginalString);
        Assert.Equal("/account/login?invitation=accepted", (await factory.AcceptLinkAsync(newLink)).Headers.Location?.OriginalString);
        var person = (await anna.PersonAsync(contoso, email))!.Value;
        Assert.Equal(id, person.GetProperty("id").GetGuid());
        Assert.Equal(SaasRoles.Accountant, person.GetProperty("role").GetString());
        Assert.Null((await anna.InvitationsAsync(contoso, $"?$search={Uri.EscapeDataString(email)}")).InvitationFor(email));

        var actions = (await anna.AuditAsync(contoso, $"?$search={Uri.EscapeDataString(email)}")).GetProperty("value").EnumerateArray()
            .Reverse().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["Invitation sent", "Invitation resent", "Invitation accepted"], actions);
        var entry = (await anna.AuditAsync(contoso, $"?action=Invitation resent&$search={Uri.EscapeDataString(email)}")).GetProperty("value")[0];
        Assert.StartsWith("Accountant until", entry.GetProperty("before").GetString());
        Assert.StartsWith("Accountant until", entry.GetProperty("after").GetString());
    }

    [Fact]
    public async Task an_expired_invitation_is_listed_as_expired_and_resending_renews_it()
    {
        var anna = await factory.SignedInAsync("anna@contoso.example", "contoso");
        var contoso = await anna.CompanyIdAsync();
        var email = UniqueEmail("eddy");
        var id = (await (await anna.InviteAsync(contoso, email, "Warehouse")).ReadJsonAsync()).GetProperty("id").GetGuid();
        var oldLink = await Smtp.InvitationLinkAsync(email);

        // Its week is over (set in the database: moving the clock a week would also end Anna's access token).
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
            var past = DateTime.UtcNow.AddMinutes(-1);
            Assert.Equal(1, await db.Invitations.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresUtc, past)));
        }

        var row = (await anna.InvitationsAsync(contoso, $"?$search={Uri.EscapeDataString(email)}")).InvitationFor(email)!.Value;
        Assert.Equal("Expired", row.GetProperty("state").GetString());
        Assert.Null(await anna.PersonAsync(contoso, email));
        Assert.Contains("error=token", (await factory.AcceptLinkAsync(oldLink)).Headers.Location?.OriginalString);

        (await anna.PostAsync($"{CompanyRoute(contoso)}/people({id})/Microsoft.NAV.resendInvitation", null)).EnsureSuccessStatusCode();
        var renewed = (await anna.InvitationsAsync(contoso, $"?$search={Uri.EscapeDataString(email)}")).InvitationFor(email)!.Value;
        Assert.Equal("Open", renewed.GetProperty("state").GetString());
        Assert.True(renewed.GetProperty("expiresDateTime").GetDateTime() > DateTime.UtcNow.AddDays(6));
        var newLink = await Smtp.InvitationLinkAsync(email, except: oldLink);
        Assert.Equal("/account/login?invitation=accepted", (await factory.AcceptLinkAsync(newLink)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task another_companys_administrator_and_non_administrators_cannot_see_withdraw_or_resend()
    {
        var anna = await factory.SignedInAsync("anna@contoso.example", "contoso");
        var contoso = await anna.CompanyIdAsync();
        var email = UniqueEmail("iris");
        var id = (await (await anna.InviteAsync(contoso, email, "ReadOnly")).ReadJsonAsync()).GetProperty("id").GetGuid();
        var samId = (await anna.PersonAsync(contoso, "sam@contoso.example"))!.Value.GetProperty("id").GetGuid();
        var audit = (await anna.AuditAsync(contoso)).GetProperty("@odata.count").GetInt32();

        // Frank administers Fabrikam only: Contoso's routes are refused (the company mismatch answer of every company
        // route), and Contoso's ids under Fabrikam's route are "not found".
        var frank = await factory.SignedInAsync("frank@fabrikam.example", "fabrikam");
        var fabrikam = await frank.CompanyIdAsync();
        foreach (var refused in new[]
        {
            await frank.GetAsync($"{CompanyRoute(contoso)}/invitations"),
            await frank.DeleteAsync($"{CompanyRoute(contoso)}/people({id})"),
            await frank.PostAsync($"{CompanyRoute(contoso)}/people({id})/Microsoft.NAV.resendInvitation", null),
            await frank.PatchJsonAsync($"{CompanyRoute(contoso)}/people({samId})", new { role = "Administrator" }),
        })
        {
            var problem = await refused.ProblemAsync(403);
            Assert.DoesNotContain(email, problem.GetRawText());
        }

        await (await frank.DeleteAsync($"{CompanyRoute(fabrikam)}/people({id})")).ProblemAsync(404);
        await (await frank.PostAsync($"{CompanyRoute(fabrikam)}/people({id})/Microsoft.NAV.resendInvitation", null)).ProblemAsync(404);
        Assert.Null((await frank.InvitationsAsync(fabrikam, "?$top=1000")).InvitationFor(email));

        // Nor can he grant a role in Contoso through his own company's route.
        await (await frank.PatchJsonAsync($"{CompanyRoute(fabrikam)}/people({samId})", new { role = "Administrator" })).ProblemAsync(404);

        // Sam is a Contoso member but not an administrator.
        var sam = await factory.SignedInAsync("sam@contoso.example", "contoso");
        Assert.Equal(HttpStatusCode.Forbidden, (await sam.GetAsync($"{CompanyRoute(contoso)}/invitations")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sam.DeleteAsync($"{CompanyRoute(contoso)}/people({id})")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sam.PostAsync($"{CompanyRoute(contoso)}/people({id})/Microsoft.NAV.resendInvitation", null)).StatusCode);

        // Unknown ids change nothing either.
        await (await anna.PostAsync($"{CompanyRoute(contoso)}/people({Guid.NewGuid()})/Microsoft.NAV.resendInvitation", null)).ProblemAsync(404);
        await (await anna.DeleteAsync($"{CompanyRoute(contoso)}/people({Guid.NewGuid()})")).ProblemAsync(404);

        Assert.Equal(audit, (await anna.AuditAsync(contoso)).GetProperty("@odata.count").GetInt32());
        Assert.Equal("Open", (await anna.InvitationsAsync(contoso, $"?$search={Uri.EscapeDataString(email)}")).InvitationFor(email)!.Value.GetProperty("state").GetString());
        Assert.Equal(SaasRoles.Sales, (await anna.PersonAsync(contoso, "sam@contoso.example"))!.Value.GetProperty("role").GetString());
        Assert.Single(Smtp.MessagesTo(email));
        Assert.Equal("/account/login?invitation=accepted", (await factory.AcceptFromMailAsync(Smtp, email)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task the_invitations_list_pages_and_searches_like_other_lists()
    {
        var anna = await factory.SignedInAsync("anna@contoso.example", "contoso");
        var contoso = await anna.CompanyIdAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        foreach (var who in new[] { "p1", "p2", "p3" })
        {
            (await anna.PostAsJsonAsync($"{CompanyRoute(contoso)}/people", new { email = $"{who}-{tag}@people.example", role = "ReadOnly" })).EnsureSuccessStatusCode();
        }

        var first = await anna.InvitationsAsync(contoso, $"?$search={tag}&$top=2");
        Assert.Equal(3, first.GetProperty("@odata.count").GetInt32());
        Assert.Equal(2, first.GetProperty("value").GetArrayLength());
        Assert.Equal(1, (await anna.InvitationsAsync(contoso, $"?$search={tag}&$top=2&$skip=2")).GetProperty("value").GetArrayLength());
    }
}

public sealed class administrators_withdraw_and_resend_open_invitations_on_sqlite(PeopleFactory factory)
    : administrators_withdraw_and_resend_open_invitations<PeopleFactory>(factory);

public sealed class administrators_withdraw_and_resend_open_invitations_on_postgres(PostgresPeopleFactory factory)
    : administrators_withdraw_and_resend_open_invitations<PostgresPeopleFactory>(factory);
