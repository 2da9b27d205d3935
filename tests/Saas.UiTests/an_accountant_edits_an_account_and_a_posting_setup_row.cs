using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Saas.UiTests;

/// <summary>
/// Finance setup through the pages as Contoso's accountant: a new G/L account is created on its card, a bad account
/// in the general posting setup is refused next to its field with the input kept, and the new account saved into
/// the setup row shows in the matrix.
/// </summary>
public sealed class an_accountant_edits_an_account_and_a_posting_setup_row(ITestOutputHelper output) : UiTest(output)
{
    private const string Accountant = "alex@contoso.example";

    [Fact]
    public Task the_accountant_creates_an_account_and_points_the_cogs_of_a_setup_row_at_it() => Flow(async () =>
    {
        await Server.EnsurePersonAsync(Accountant, "Accountant", AppServer.Contoso);
        await SignIn(Accountant, startAt: "/accounts");

        await Page.GetByTestId("new").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/accounts/new$"));
        await Page.GetByLabel("No.").FillAsync("5020");
        await Page.GetByLabel("Name").FillAsync("Cost of Goods Sold, webshop");
        await Page.GetByLabel("Account Category").SelectOptionAsync("Cost of Goods Sold");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/accounts$"));
        var row = Page.Locator("table.list tbody tr", new() { HasText = "5020" });
        await Expect(row).ToContainTextAsync("Cost of Goods Sold, webshop");
        await Expect(row).ToContainTextAsync("Income Statement");
        await Screenshot("chart");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Posting Setup", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "General Posting Setup" }).ClickAsync();
        var domesticRetail = Page.Locator("table.list tbody tr", new() { HasText = "DOMESTIC" }).Filter(new() { HasText = "RETAIL" });
        await domesticRetail.GetByRole(AriaRole.Link).ClickAsync();

        await Page.GetByLabel("COGS Account", new() { Exact = true }).FillAsync("NO-SUCH");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Page.Locator(".field.invalid", new() { HasText = "COGS Account" }).First).ToContainTextAsync("G/L Account NO-SUCH does not exist");
        await Expect(Page.GetByLabel("COGS Account", new() { Exact = true })).ToHaveValueAsync("NO-SUCH");
        await Screenshot("refused");

        await Page.GetByLabel("COGS Account", new() { Exact = true }).FillAsync("5020");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/generalPostingSetups$"));
        var changed = Page.Locator("table.list tbody tr", new() { HasText = "DOMESTIC" }).Filter(new() { HasText = "RETAIL" });
        await Expect(changed).ToContainTextAsync("5020");
        await Screenshot("saved");
    });

    [Fact]
    public Task a_reader_sees_the_setup_without_ways_to_change_it() => Flow(async () =>
    {
        await Server.EnsurePersonAsync(AppServer.ReaderOfContoso, "ReadOnly", AppServer.Contoso);
        await SignIn(AppServer.ReaderOfContoso, startAt: "/accounts");
        await Expect(Page.Locator("table.list tbody tr", new() { HasText = "1300" })).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("new")).ToHaveCountAsync(0);
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Posting Setup", Exact = true })).ToHaveCountAsync(0);
        await Page.GotoAsync("/generalPostingSetups");
        await Page.Locator("table.list tbody tr").First.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(Page.GetByText("Your role can view the posting setup but not change it.")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToHaveCountAsync(0);
    });
}
