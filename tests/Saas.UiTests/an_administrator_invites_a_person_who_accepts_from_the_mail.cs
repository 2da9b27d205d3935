using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Saas.UiTests;

/// <summary>
/// Anna invites a new person on the People page; the mail (the embedded default writes it to the demo mail page)
/// carries a one-time link; the person accepts and signs in; Anna changes the role and locks the person, and the
/// audit log shows each step.
/// </summary>
public sealed class an_administrator_invites_a_person_who_accepts_from_the_mail(ITestOutputHelper output) : UiTest(output)
{
    [Fact]
    public Task invite_mail_accept_change_role_lock_and_audit_through_the_pages() => Flow(async () =>
    {
        var email = $"newbie-{Guid.NewGuid():N}"[..14] + "@contoso.example";
        await SignIn("anna@contoso.example");
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "People", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "People", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("person-row").Filter(new() { HasText = "sam@contoso.example" })).ToContainTextAsync("Active");

        await Page.GetByLabel("E-mail").FillAsync(email);
        await Page.Locator("select[name='Invite.Role']").SelectOptionAsync("Warehouse");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Expect(Page.GetByTestId("people-message")).ToContainTextAsync($"Invitation sent to {email}");
        var row = Page.GetByTestId("person-row").Filter(new() { HasText = email });
        await Expect(row).ToContainTextAsync("Invited");
        await Screenshot("invited");

        // The person, in a browser of their own, reads the mail and follows its link.
        var newcomer = await Page.Context.Browser!.NewPageAsync(new BrowserNewPageOptions { BaseURL = Server.BaseAddress.ToString() });
        await newcomer.GotoAsync("/demo/mail");
        var mail = newcomer.GetByTestId("mail").Filter(new() { HasText = email });
        await Assertions.Expect(mail).ToContainTextAsync("You are invited to Contoso Trading");
        await mail.GetByTestId("mail-link").ClickAsync();
        await Assertions.Expect(newcomer).ToHaveURLAsync(new Regex("/account/invitation"));
        await Assertions.Expect(newcomer.GetByTestId("invitation-summary")).ToContainTextAsync($"Contoso Trading as Warehouse, with the e-mail address {email}");
        await newcomer.GetByLabel("Your name").FillAsync("Nora Newcomer");
        await newcomer.GetByLabel("Password").FillAsync(AppServer.DemoPassword);
        await newcomer.GetByRole(AriaRole.Button, new() { Name = "Accept invitation" }).ClickAsync();
        await Assertions.Expect(newcomer.GetByText("Your invitation is accepted.")).ToBeVisibleAsync();
        await newcomer.GetByLabel("E-mail").FillAsync(email);
        await newcomer.GetByLabel("Password").FillAsync(AppServer.DemoPassword);
        await newcomer.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(newcomer.GetByTestId("company-name")).ToHaveTextAsync("Contoso Trading");

        await Page.ReloadAsync();
        await Expect(row).ToContainTextAsync("Active");
        await row.GetByLabel($"Role of {email}", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Sales" });
        await row.GetByRole(AriaRole.Button, new() { Name = $"Change role of {email}" }).ClickAsync();
        await Expect(Page.GetByTestId("people-message")).ToContainTextAsync($"{email} is now Sales");
        await row.GetByRole(AriaRole.Button, new() { Name = $"Lock {email}" }).ClickAsync();
        await Expect(Page.GetByTestId("people-message")).ToContainTextAsync("is locked out of this company");
        await Expect(row).ToContainTextAsync("Locked");
        await Screenshot("locked");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Audit Log" }).ClickAsync();
        var entries = Page.GetByTestId("audit-row").Filter(new() { HasText = email });
        await Expect(entries.Filter(new() { HasText = "Invitation sent" })).ToHaveCountAsync(1);
        await Expect(entries.Filter(new() { HasText = "Invitation accepted" })).ToHaveCountAsync(1);
        await Expect(entries.Filter(new() { HasText = "Role changed" })).ToContainTextAsync("Warehouse");
        await Expect(entries.Filter(new() { HasText = "Locked" })).ToHaveCountAsync(1);
    });

    [Fact]
    public Task an_administrator_withdraws_an_invitation_and_its_link_then_fails() => Flow(async () =>
    {
        var email = $"withdrawn-{Guid.NewGuid():N}"[..17] + "@contoso.example";
        await SignIn("anna@contoso.example");
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "People", Exact = true }).ClickAsync();
        await Page.GetByLabel("E-mail").FillAsync(email);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Expect(Page.GetByTestId("people-message")).ToContainTextAsync($"Invitation sent to {email}");

        var invitation = Page.GetByTestId("invitation-row").Filter(new() { HasText = email });
        await Expect(invitation).ToContainTextAsync("Open");
        await Expect(invitation).ToContainTextAsync("anna@contoso.example");
        await invitation.GetByRole(AriaRole.Button, new() { Name = $"Withdraw the invitation to {email}" }).ClickAsync();
        await Expect(Page.GetByTestId("people-message")).ToContainTextAsync("The invitation is withdrawn");
        await Expect(invitation).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("person-row").Filter(new() { HasText = email })).ToHaveCountAsync(0);
        await Screenshot("withdrawn");

        // The link in the mail that already went out no longer lets anyone in.
        var newcomer = await Page.Context.Browser!.NewPageAsync(new BrowserNewPageOptions { BaseURL = Server.BaseAddress.ToString() });
        await newcomer.GotoAsync("/demo/mail");
        await newcomer.GetByTestId("mail").Filter(new() { HasText = email }).GetByTestId("mail-link").ClickAsync();
        await Assertions.Expect(newcomer.GetByTestId("invitation-error")).ToContainTextAsync("This invitation link is not valid, has expired or has already been used.");
        await Assertions.Expect(newcomer.GetByLabel("Password")).ToHaveCountAsync(0);

        await Page.GetByRole(AriaRole.Link, new() { Name = "Audit Log" }).ClickAsync();
        await Expect(Page.GetByTestId("audit-row").Filter(new() { HasText = email }).Filter(new() { HasText = "Invitation withdrawn" })).ToHaveCountAsync(1);
    });

    [Fact]
    public Task a_sales_person_is_offered_neither_people_nor_the_audit_log() => Flow(async () =>
    {
        await SignIn("sam@contoso.example");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "People", Exact = true })).ToHaveCountAsync(0);
        await Page.GotoAsync("/people");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "People", Exact = true })).ToHaveCountAsync(0);
    });
}
