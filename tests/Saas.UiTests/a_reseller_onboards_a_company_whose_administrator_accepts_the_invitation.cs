using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Saas.UiTests;

/// <summary>
/// A partner creates a company, its first administrator joins through the invitation link and lands in the
/// new (empty) company; the partner can suspend and reactivate it, and sees only its own companies.
/// </summary>
public sealed class a_reseller_onboards_a_company_whose_administrator_accepts_the_invitation(ITestOutputHelper output) : UiTest(output)
{
    private const string Partner = "paul@northwind.example";

    [Fact]
    public Task onboarding_invitation_and_suspension_through_the_pages() => Flow(async () =>
    {
        await SignIn(Partner);
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Tenants" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Tenants", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.Locator("table.list tbody tr", new() { HasText = "contoso" })).ToBeVisibleAsync();

        var identifier = "adatum-" + Guid.NewGuid().ToString("N")[..6];
        await Page.GetByTestId("new").ClickAsync();
        await Page.GetByLabel("Name").FillAsync("Adatum Cycles");
        await Page.GetByLabel("Identifier").FillAsync(identifier);
        await Page.GetByLabel("Currency Code").FillAsync("SEK");
        await Page.GetByLabel("First administrator").FillAsync("ada@adatum.example");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create company" }).ClickAsync();
        await Expect(Page.GetByTestId("onboarded")).ToContainTextAsync("Adatum Cycles");
        var invitation = (await Page.GetByTestId("invitation-link").InnerTextAsync()).Trim();
        await Screenshot("onboarded");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Back to tenants" }).ClickAsync();
        var row = Page.Locator("table.list tbody tr", new() { HasText = identifier });
        await row.GetByRole(AriaRole.Button, new() { Name = "Suspend Adatum Cycles" }).ClickAsync();
        await Expect(Page.GetByTestId("tenant-message")).ToContainTextAsync("is suspended");
        await Expect(row).ToContainTextAsync("Suspended");
        await Screenshot("suspended");
        await row.GetByRole(AriaRole.Button, new() { Name = "Reactivate Adatum Cycles" }).ClickAsync();
        await Expect(row).ToContainTextAsync("Active");

        // The first administrator's invitation waits on the company's Administrators page until it is accepted.
        await row.GetByRole(AriaRole.Link, new() { Name = "Administrators of Adatum Cycles" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Administrators", Exact = true })).ToBeVisibleAsync();
        var waiting = Page.GetByTestId("invitation-row").Filter(new() { HasText = "ada@adatum.example" });
        await Expect(waiting).ToContainTextAsync("Open");
        await Expect(waiting.GetByRole(AriaRole.Button, new() { Name = "Withdraw the invitation to ada@adatum.example" })).ToBeVisibleAsync();

        // The new administrator, in a browser of their own, follows the link from the e-mail.
        var newcomer = await Page.Context.Browser!.NewPageAsync(new BrowserNewPageOptions { BaseURL = Server.BaseAddress.ToString() });
        await newcomer.GotoAsync(invitation);
        await Expect(newcomer.GetByRole(AriaRole.Heading, new() { Name = "Join Adatum Cycles" })).ToBeVisibleAsync();
        await newcomer.GetByLabel("Your name").FillAsync("Ada Adatum");
        await newcomer.GetByLabel("Password").FillAsync(AppServer.DemoPassword);
        await newcomer.GetByRole(AriaRole.Button, new() { Name = "Accept invitation" }).ClickAsync();
        await Expect(newcomer).ToHaveURLAsync(new Regex("/account/login"));
        await Expect(newcomer.GetByText("Your invitation is accepted.")).ToBeVisibleAsync();
        await newcomer.GetByLabel("E-mail").FillAsync("ada@adatum.example");
        await newcomer.GetByLabel("Password").FillAsync(AppServer.DemoPassword);
        await newcomer.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(newcomer.GetByTestId("company-name")).ToHaveTextAsync("Adatum Cycles");
        await Expect(newcomer.GetByTestId("tile-items")).ToContainTextAsync("0");

        await Page.ReloadAsync();
        await Expect(Page.GetByTestId("administrator-row").Filter(new() { HasText = "ada@adatum.example" })).ToContainTextAsync("Active");
        await Expect(waiting).ToHaveCountAsync(0);

        // The partner may move an administrator to another role, but never the company's last one.
        await Page.GetByLabel("Role of ada@adatum.example", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Accountant" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Change role of ada@adatum.example" }).ClickAsync();
        await Expect(Page.GetByTestId("administrators-message")).ToContainTextAsync("last administrator");
        await Expect(Page.GetByTestId("administrator-row").Filter(new() { HasText = "ada@adatum.example" })).ToHaveCountAsync(1);
    });
}
