using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Saas.UiTests;

/// <summary>
/// The whole tenant promise through the browser: a person who works for two companies creates an item in
/// one, and the other company never shows it, however the person switches back and forth.
/// </summary>
public sealed class a_user_of_two_companies_sees_each_company_own_items(ITestOutputHelper output) : UiTest(output)
{
    [Fact]
    public Task an_item_created_in_one_company_is_missing_in_the_other_and_back_again() => Flow(async () =>
    {
        await Server.EnsurePersonAsync(AppServer.AdministratorOfBoth, "Administrator", AppServer.Contoso, AppServer.Fabrikam);
        await SignIn(AppServer.AdministratorOfBoth, startAt: "/items");
        await Expect(Page).ToHaveURLAsync(new Regex("/items$"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Items", Exact = true })).ToBeVisibleAsync();

        var first = await CompanyName();
        var companies = await Page.Locator("select[name=tenantId] option").AllInnerTextsAsync();
        Assert.True(companies.Count >= 2, $"Both companies should be offered in the switcher, saw: {string.Join(", ", companies)}");
        var second = companies.First(c => c != first);

        // A number neither company has, so "not in the list" can only mean isolation, not a name clash.
        var number = "UI-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        await Page.GetByTestId("new").ClickAsync();
        await Page.GetByLabel("No.", new() { Exact = true }).FillAsync(number);
        await Page.GetByLabel("Description").FillAsync("Touring bicycle (UI test)");
        await Page.GetByLabel("Unit Price").FillAsync("1234.5");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        // Saving waits for the read side, so the list shown right after the redirect already has the row.
        await Expect(Page).ToHaveURLAsync(new Regex("/items$"));
        var row = Page.Locator("table.list tbody tr", new() { HasText = number });
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("1,234.50");
        await Screenshot("items-after-create");
        var card = await row.GetByRole(AriaRole.Link).GetAttributeAsync("href") ?? throw new InvalidOperationException("The row has no link to its card.");

        await SwitchTo(second);
        await Page.GotoAsync("/items?q=" + number);
        await Expect(Page.GetByTestId("empty-state")).ToBeVisibleAsync();
        await Expect(Page.Locator("table.list tbody tr", new() { HasText = number })).ToHaveCountAsync(0);
        await Screenshot("items-in-other-company");

        // Even the card's own address shows nothing of the other company.
        await Page.GotoAsync(card);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
        await Expect(Page.GetByText(number)).ToHaveCountAsync(0);

        await SwitchTo(first);
        await Page.GotoAsync("/items?q=" + number);
        await Expect(Page.Locator("table.list tbody tr", new() { HasText = number })).ToBeVisibleAsync();
        await Page.GotoAsync(card);
        await Expect(Page.GetByLabel("No.", new() { Exact = true })).ToHaveValueAsync(number);
    });

    private async Task SwitchTo(string company)
    {
        await Page.Locator("select[name=tenantId]").SelectOptionAsync(new SelectOptionValue { Label = company });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Switch" }).ClickAsync();
        await Expect(Page.GetByTestId("company-name")).ToHaveTextAsync(company);
    }

    private async Task<string> CompanyName() => (await Page.GetByTestId("company-name").InnerTextAsync()).Trim();
}
