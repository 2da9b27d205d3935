using System.Net;
using System.Net.Http.Json;
using Saas.Identity;
using Saas.Tests.Hosting;
using static Saas.Tests.People.PeopleSteps;

namespace Saas.Tests.People;

/// <summary>
/// A company administrator invites a person by e-mail (the mail really arrives over SMTP), the person accepts through
/// the link, and the administrator changes the role, locks, unlocks and removes them; each step is in the audit log.
/// </summary>
public abstract class company_administrators_manage_their_people<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SaasFactory, IMailAndClock
{
    private SmtpSink Smtp => factory.Smtp;

    private MovableClock Clock => factory.Clock;

    [Fact]
    public async Task invite_accept_change_role_lock_unlock_and_remove_are_each_audited()
    {
        var anna = await factory.SignedInAsync("anna@contoso.example", "contoso");
        var contoso = await anna.CompanyIdAsync();
        var email = UniqueEmail("nina");

        var invited = await (await anna.InviteAsync(contoso, email, "warehouse")).ReadJsonAsync();
        Assert.Equal("Invited", invited.GetProperty("status").GetString());
        Assert.Equal(SaasRoles.Warehouse, invited.GetProperty("role").GetString());
        Assert.True(invited.GetProperty("mailSent").GetBoolean());
        var pending = (await anna.PersonAsync(contoso, email))!.Value;
        Assert.Equal("Invited", pending.GetProperty("status").GetString());

        // Invited is not a member: no token for the company before acceptance.
        var accepted = await factory.AcceptFromMailAsync(Smtp, email);
        Assert.Equal("/account/login?invitation=accepted", accepted.Headers.Location?.OriginalString);
        var nina = await factory.SignedInAsync(email, "contoso", NewPassword);
        var person = (await anna.PersonAsync(contoso, email))!.Value;
        Assert.Equal("Active", person.GetProperty("status").GetString());
        Assert.Equal(SaasRoles.Warehouse, person.GetProperty("role").GetString());
        Assert.NotEqual(JsonValueKindNull, person.GetProperty("lastSignInDateTime").ValueKind);
        var personId = person.GetProperty("id").GetGuid();
        var personRoute = $"{CompanyRoute(contoso)}/people({personId})";

        var changed = await (await anna.PatchJsonAsync(personRoute, new { role = "Accountant" })).ReadJsonAsync();
        Assert.Equal(SaasRoles.Accountant, changed.GetProperty("role").GetString());

        var locked = await (await anna.PostAsync($"{personRoute}/Microsoft.NAV.lock", null)).ReadJsonAsync();
        Assert.Equal("Locked", locked.GetProperty("status").GetString());
        var refused = await factory.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = email, ["password"] = NewPassword, ["tenant"] = "contoso",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        var unlocked = await (await anna.PostAsync($"{personRoute}/Microsoft.NAV.unlock", null)).ReadJsonAsync();
        Assert.Equal("Active", unlocked.GetProperty("status").GetString());
        await factory.SignedInAsync(email, "contoso", NewPassword);

        Assert.Equal(HttpStatusCode.NoContent, (await anna.DeleteAsync(personRoute)).StatusCode);
        Assert.Null(await anna.PersonAsync(contoso, email));
        (await anna.DeleteAsync(personRoute)).EnsureSuccessStatusCodeIsNot();

        var audit = await anna.AuditAsync(contoso, $"?$search={Uri.EscapeDataString(email)}&$top=100");
        var entries = audit.GetProperty("value").EnumerateArray().Reverse().Select(e =>
            (Action: e.GetProperty("action").GetString(), Actor: e.GetProperty("actor").GetString(), Before: e.GetProperty("before").GetString(), After: e.GetProperty("after").GetString())).ToList();
        Assert.Equal(
            [
                ("Invitation sent", "anna@contoso.example", null, "Warehouse"),
                ("Invitation accepted", email, null, "Warehouse"),
                ("Role changed", "anna@contoso.example", "Warehouse", "Accountant"),
                ("Locked", "anna@contoso.example", "Active", "Locked"),
                ("Unlocked", "anna@contoso.example", "Locked", "Active"),
                ("Removed from company", "anna@contoso.example", "Accountant", null),
            ],
            entries);
        Assert.Equal(6, audit.GetProperty("@odata.count").GetInt32());
        var onlyLocks = await anna.AuditAsync(contoso, $"?action=Locked&$search={Uri.EscapeDataString(email)}");
        Assert.Equal(1, onlyLocks.GetProperty("@odata.count").GetInt32());
        _ = nina;
    }

    [Fact]
    public async Task an_invitation_link_works_once_and_not_after_it_expires()
    {
        var anna = await factory.SignedInAsync("anna@contoso.example", "contoso");
        var contoso = await anna.CompanyIdAsync();
        var late = UniqueEmail("late");
        (await anna.InviteAsync(contoso, late, "Sales")).EnsureSuccessStatusCode();
        Clock.Offset = TimeSpan.FromDays(8);
        try
        {
            var expired = await factory.AcceptFromMailAsync(Smtp, late);
            Assert.Contains("error=token", expired.Headers.Location?.OriginalString);
        }
        finally
        {
            Clock.Offset = TimeSpan.Zero;
        }

        var replayed = UniqueEmail("replay");
        (await anna.InviteAsync(contoso, replayed, "Sales")).EnsureSuccessStatusCode();
        Assert.Equal("/account/login?invitation=accepted", (await factory.AcceptFromMailAsync(Smtp, replayed)).Headers.Location?.OriginalString);
        Assert.Contains("error=token", (await factory.AcceptFromMailAsync(Smtp, replayed, "Another-password-2026")).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task bad_input_is_a_problem_naming_the_field_and_nothing_is_written()
    {
        var anna = await factory.SignedInAsync("anna@contoso.example", "contoso");
        var contoso = await anna.CompanyIdAsync();
        var before = (await anna.AuditAsync(contoso)).GetProperty("@odata.count").GetInt32();
        var people = (await anna.PeopleAsync(contoso)).GetProperty("@odata.count").GetInt32();

        Assert.True((await (await anna.InviteAsync(contoso, "not an address", "Sales")).ProblemAsync(400)).GetProperty("errors").TryGetProperty("email", out _));
        Assert.True((await (await anna.InviteAsync(contoso, "a\u0001b@x.example", "Sales")).ProblemAsync(400)).GetProperty("errors").TryGetProperty("email", out _));
        Assert.True((await (await anna.InviteAsync(contoso, UniqueEmail("x"), "Owner")).ProblemAsync(400)).GetProperty("errors").TryGetProperty("role", out _));
        Assert.True((await (await anna.InviteAsync(contoso, "sam@contoso.example", "Sales")).ProblemAsync(400)).GetProperty("errors").TryGetProperty("email", out _));
        var text = await anna.PostAsync($"{CompanyRoute(contoso)}/people", new StringContent("{\"email\":\"x@y.example\"}", System.Text.Encoding.UTF8, "text/plain"));
        await text.ProblemAsync(400);
        var unknownField = await anna.PostAsJsonAsync($"{CompanyRoute(contoso)}/people", new { email = UniqueEmail("u"), role = "Sales", admin = true });
        await unknownField.ProblemAsync(400);

        var samId = (await anna.PersonAsync(contoso, "sam@contoso.example"))!.Value.GetProperty("id").GetGuid();
        var badRole = await anna.PatchJsonAsync($"{CompanyRoute(contoso)}/people({samId})", new { role = "Operator" });
        Assert.True((await badRole.ProblemAsync(400)).GetProperty("errors").TryGetProperty("role", out _));
        await (await anna.PatchJsonAsync($"{CompanyRoute(contoso)}/people({Guid.NewGuid()})", new { role = "Sales" })).ProblemAsync(404);
        await (await anna.GetAsync($"{CompanyRoute(contoso)}/auditEntries?from=yesterday")).ProblemAsync(400);
        await (await anna.GetAsync($"{CompanyRoute(contoso)}/auditEntries?action=Deleted")).ProblemAsync(400);

        Assert.Equal(before, (await anna.AuditAsync(contoso)).GetProperty("@odata.count").GetInt32());
        Assert.Equal(people, (await anna.PeopleAsync(contoso)).GetProperty("@odata.count").GetInt32());
        Assert.Equal(SaasRoles.Sales, (await anna.PersonAsync(contoso, "sam@contoso.example"))!.Value.GetProperty("role").GetString());
    }

    [Fact]
    public async Task the_last_administrator_cannot_be_removed_locked_or_demoted()
    {
        var frank = await factory.SignedInAsync("frank@fabrikam.example", "fabrikam");
        var fabrikam = await frank.CompanyIdAsync();

        // Fabrikam has two administrators (Anna, Frank): Frank may demote Anna once, never the last one.
        var annaId = (await frank.PersonAsync(fabrikam, "anna@contoso.example"))!.Value.GetProperty("id").GetGuid();
        var frankId = (await frank.PersonAsync(fabrikam, "frank@fabrikam.example"))!.Value.GetProperty("id").GetGuid();
        (await frank.PatchJsonAsync($"{CompanyRoute(fabrikam)}/people({annaId})", new { role = "ReadOnly" })).EnsureSuccessStatusCode();
        try
        {
            foreach (var attempt in new[]
            {
                await frank.PatchJsonAsync($"{CompanyRoute(fabrikam)}/people({frankId})", new { role = "Sales" }),
                await frank.PostAsync($"{CompanyRoute(fabrikam)}/people({frankId})/Microsoft.NAV.lock", null),
                await frank.DeleteAsync($"{CompanyRoute(fabrikam)}/people({frankId})"),
            })
            {
                var problem = await attempt.ProblemAsync(400);
                Assert.Contains("last administrator", problem.GetRawText());
            }

            Assert.Equal(SaasRoles.Administrator, (await frank.PersonAsync(fabrikam, "frank@fabrikam.example"))!.Value.GetProperty("role").GetString());
        }
        finally
        {
            (await frank.PatchJsonAsync($"{CompanyRoute(fabrikam)}/people({annaId})", new { role = "Administrator" })).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task only_administrators_and_only_people_manage_people()
    {
        var sam = await factory.SignedInAsync("sam@contoso.example", "contoso");
        var contoso = await sam.CompanyIdAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await sam.GetAsync($"{CompanyRoute(contoso)}/people")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sam.GetAsync($"{CompanyRoute(contoso)}/auditEntries")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sam.InviteAsync(contoso, UniqueEmail("s"), "Administrator")).StatusCode);

        // An Administrator API client reads, but cannot invite: a leaked secret must not mint lasting human admins.
        var anna = await factory.SignedInAsync("anna@contoso.example", "contoso");
        var client = await (await anna.PostAsJsonAsync($"{CompanyRoute(contoso)}/apiClients", new { displayName = "robot", role = "Administrator" })).ReadJsonAsync();
        var robot = factory.CreateClient();
        var token = await (await robot.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = client.GetProperty("clientId").GetString()!, ["client_secret"] = client.GetProperty("clientSecret").GetString()!,
        }))).ReadJsonAsync();
        robot.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("access_token").GetString());
        (await robot.GetAsync($"{CompanyRoute(contoso)}/people")).EnsureSuccessStatusCode();
        await (await robot.InviteAsync(contoso, UniqueEmail("robot"), "Administrator")).ProblemAsync(403);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}

internal static class ResponseChecks
{
    public static void EnsureSuccessStatusCodeIsNot(this HttpResponseMessage response) =>
        Assert.False(response.IsSuccessStatusCode, $"expected a refusal, got {(int)response.StatusCode}");
}

public sealed class company_administrators_manage_their_people_on_sqlite(PeopleFactory factory)
    : company_administrators_manage_their_people<PeopleFactory>(factory);

public sealed class company_administrators_manage_their_people_on_postgres(PostgresPeopleFactory factory)
    : company_administrators_manage_their_people<PostgresPeopleFactory>(factory);
