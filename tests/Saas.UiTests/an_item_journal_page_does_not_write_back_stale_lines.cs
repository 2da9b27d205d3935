using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Saas.UiTests;

/// <summary>
/// Two people on one journal: a line the other one changed after this page was shown is not written back with
/// the values this page still shows; the page says so and shows the current values, the other lines are saved.
/// </summary>
public sealed class an_item_journal_page_does_not_write_back_stale_lines(ITestOutputHelper output) : UiTest(output)
{
    [Fact]
    public Task a_line_changed_elsewhere_keeps_the_other_persons_quantity() => Flow(async () =>
    {
        await Server.EnsurePersonAsync(AppServer.AdministratorOfBoth, "Administrator", AppServer.Contoso, AppServer.Fabrikam);
        await SignIn(AppServer.AdministratorOfBoth, startAt: "/items");
        var itemRow = Page.Locator("table.list tbody tr", new() { HasText = "Touring bicycle" });
        var itemNumber = (await itemRow.GetByRole(AriaRole.Link).InnerTextAsync()).Trim();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Item Journal", Exact = true }).ClickAsync();
        await Page.GetByLabel("New batch name").FillAsync("stale");
        await Page.GetByRole(AriaRole.Button, new() { Name = "New Batch" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("batch=STALE$"));
        foreach (var (line, quantity) in new[] { (10000, "4"), (20000, "5") })
        {
            await Page.GetByLabel("Posting Date", new() { Exact = true }).FillAsync("2027-01-15");
            await Page.GetByLabel("Item No.", new() { Exact = true }).FillAsync(itemNumber);
            await Page.GetByLabel("Location Code", new() { Exact = true }).FillAsync("MAIN");
            await Page.GetByLabel("Quantity", new() { Exact = true }).FillAsync(quantity);
            await Page.GetByLabel("Unit Amount", new() { Exact = true }).FillAsync("800");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Add Line" }).ClickAsync();

            // The click does not wait for the page it posts to: wait for the line, so the next one is typed into that page.
            await Expect(Page.GetByLabel($"Quantity, line {line}")).ToHaveValueAsync(new Regex("^" + quantity));
        }

        // Someone else (another tab) changes line 10000 while this page still shows 4.
        var other = await Page.Context.NewPageAsync();
        await other.GotoAsync("/itemJournal?batch=STALE");
        await other.GetByLabel("Quantity, line 10000").FillAsync("9");
        await other.GetByRole(AriaRole.Button, new() { Name = "Save Lines" }).ClickAsync();
        await Expect(other.GetByTestId("message")).ToContainTextAsync("saved");

        await Page.GetByLabel("Quantity, line 20000").FillAsync("6");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save Lines" }).ClickAsync();
        await Expect(Page.GetByText("Line 10000 was changed by someone else")).ToBeVisibleAsync();
        await Expect(Page.GetByLabel("Quantity, line 10000")).ToHaveValueAsync(new Regex("^9"));

        await Page.GotoAsync("/itemJournal?batch=STALE");
        await Expect(Page.GetByLabel("Quantity, line 10000")).ToHaveValueAsync(new Regex("^9"));
        await Expect(Page.GetByLabel("Quantity, line 20000")).ToHaveValueAsync(new Regex("^6"));
        await Screenshot("stale-line-kept");
    });
}
