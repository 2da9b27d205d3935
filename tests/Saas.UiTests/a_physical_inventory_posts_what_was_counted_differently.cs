using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Saas.UiTests;

/// <summary>
/// BC's physical inventory through the pages: a batch of its own, Calculate Inventory fills the expected
/// quantity, the count is entered, posting books only the difference as a negative adjustment.
/// </summary>
public sealed class a_physical_inventory_posts_what_was_counted_differently(ITestOutputHelper output) : UiTest(output)
{
    [Fact]
    public Task the_administrator_counts_one_bicycle_less_than_the_books_say() => Flow(async () =>
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

        await Page.GetByRole(AriaRole.Link, new() { Name = "Phys. Inventory Journal" }).ClickAsync();
        await Page.GetByLabel("New batch name").FillAsync("week1");
        await Page.GetByLabel("New batch description").FillAsync("Count of week 1");
        await Page.GetByRole(AriaRole.Button, new() { Name = "New Batch" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/physInventoryJournal\\?batch=WEEK1$"));
        await Expect(Page.GetByTestId("empty-state")).ToContainTextAsync("Calculate Inventory");

        var calculate = Page.GetByTestId("calculate");
        await calculate.GetByLabel("Posting Date", new() { Exact = true }).FillAsync("2027-01-20");
        await calculate.GetByRole(AriaRole.Button, new() { Name = "Calculate Inventory" }).ClickAsync();
        var line = Page.GetByTestId("journal-line-10000");
        await Expect(line).ToContainTextAsync(itemNumber);
        await Expect(Page.GetByLabel("Qty. (Phys. Inventory), line 10000")).ToHaveValueAsync("4.00");
        await Page.GetByLabel("Qty. (Phys. Inventory), line 10000").FillAsync("3");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Post", Exact = true }).ClickAsync();
        await Expect(Page.GetByTestId("posted")).ToContainTextAsync("1 item ledger entry");
        await Expect(Page.GetByTestId("posted-entries").GetByTestId("result-item-ledger-entries")).ToContainTextAsync("Negative Adjmt.");
        await Expect(Page).ToHaveURLAsync(new Regex("batch=WEEK1"));
        await Screenshot("posted");
    });
}
