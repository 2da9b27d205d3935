using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Saas.UiTests;

/// <summary>
/// BC's revaluation journal through the pages: stock is counted in through the item journal, Calculate Inventory
/// Value shows what it is worth, the revalued value is entered (a wrong one is refused next to its field and
/// kept), posting books the difference as a Revaluation value entry and the trial balance stays balanced.
/// </summary>
public sealed class a_revaluation_journal_revalues_what_is_on_inventory(ITestOutputHelper output) : UiTest(output)
{
    [Fact]
    public Task the_administrator_calculates_the_inventory_value_enters_a_lower_one_and_posts() => Flow(async () =>
    {
        await Server.EnsurePersonAsync(AppServer.AdministratorOfBoth, "Administrator", AppServer.Contoso, AppServer.Fabrikam);
        await SignIn(AppServer.AdministratorOfBoth, startAt: "/items");
        var itemRow = Page.Locator("table.list tbody tr", new() { HasText = "Touring bicycle" });
        var itemNumber = (await itemRow.GetByRole(AriaRole.Link).InnerTextAsync()).Trim();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Item Journal", Exact = true }).ClickAsync();
        await Page.GetByLabel("Posting Date", new() { Exact = true }).FillAsync("2027-01-15");
        await Page.GetByLabel("Item No.", new() { Exact = true }).FillAsync(itemNumber);
        await Page.GetByLabel("Location Code", new() { Exact = true }).FillAsync("MAIN");
        await Page.GetByLabel("Quantity", new() { Exact = true }).FillAsync("4");
        await Page.GetByLabel("Unit Amount", new() { Exact = true }).FillAsync("800");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add Line" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Post", Exact = true }).ClickAsync();
        await Expect(Page.GetByTestId("posted")).ToContainTextAsync("1 item ledger entry");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Revaluation Journal" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/revaluationJournal$"));
        await Expect(Page.GetByTestId("empty-state")).ToContainTextAsync("Calculate Inventory Value");
        await Page.GetByLabel("Posting Date", new() { Exact = true }).FillAsync("2027-01-20");
        await Page.GetByLabel("Item No.", new() { Exact = true }).FillAsync(itemNumber);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Calculate Inventory Value" }).ClickAsync();
        var line = Page.GetByTestId("journal-line-10000");
        await Expect(line).ToContainTextAsync("3,200.00");
        await Screenshot("calculated");

        await Page.GetByLabel("Inventory Value (Revalued), line 10000").FillAsync("lots");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save Lines" }).ClickAsync();
        await Expect(Page.Locator("[data-field-error='itemJournalLines[10000].inventoryValueRevalued']")).ToContainTextAsync("not a number");
        await Expect(Page.GetByLabel("Inventory Value (Revalued), line 10000")).ToHaveValueAsync("lots");

        await Page.GetByLabel("Inventory Value (Revalued), line 10000").FillAsync("2800");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save Lines" }).ClickAsync();
        await Expect(Page.GetByLabel("Unit Cost (Revalued), line 10000")).ToHaveValueAsync("700.00");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Post", Exact = true }).ClickAsync();
        await Expect(Page.GetByTestId("posted")).ToContainTextAsync("1 value entry");
        await Expect(Page.GetByTestId("posted-entries").GetByTestId("result-value-entries")).ToContainTextAsync("-400.00");
        await Expect(Page.GetByTestId("empty-state")).ToBeVisibleAsync();
        await Screenshot("posted");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Trial Balance" }).First.ClickAsync();
        await Expect(Page.GetByTestId("balanced")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("total-debit")).ToHaveTextAsync("2,800.00"); // inventory after the revaluation
        await Expect(Page.GetByTestId("total-credit")).ToHaveTextAsync("2,800.00");
    });
}
