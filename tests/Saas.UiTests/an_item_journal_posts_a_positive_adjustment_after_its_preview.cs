using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Saas.UiTests;

/// <summary>
/// The posting core through the pages: a line stored in the item journal's batch, a preview shows the entries and
/// writes nothing, posting writes them and empties the batch, the item ledger shows the entry and the trial
/// balance stays balanced.
/// </summary>
public sealed class an_item_journal_posts_a_positive_adjustment_after_its_preview(ITestOutputHelper output) : UiTest(output)
{
    [Fact]
    public Task the_administrator_previews_posts_and_sees_the_entry_and_a_balanced_trial_balance() => Flow(async () =>
    {
        await Server.EnsurePersonAsync(AppServer.AdministratorOfBoth, "Administrator", AppServer.Contoso, AppServer.Fabrikam);
        await SignIn(AppServer.AdministratorOfBoth, startAt: "/items");

        var itemRow = Page.Locator("table.list tbody tr", new() { HasText = "Touring bicycle" });
        var itemNumber = (await itemRow.GetByRole(AriaRole.Link).InnerTextAsync()).Trim();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Item Journal", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/itemJournal$"));
        await Expect(Page.GetByTestId("empty-state")).ToContainTextAsync("The journal is empty");

        // A line is stored in the batch first; a refused one keeps what was typed, with the reason next to the field.
        await Page.GetByLabel("Posting Date", new() { Exact = true }).FillAsync("2027-01-15");
        await Page.GetByLabel("Item No.", new() { Exact = true }).FillAsync(itemNumber);
        await Page.GetByLabel("Location Code", new() { Exact = true }).FillAsync("NOWHERE");
        await Page.GetByLabel("Quantity", new() { Exact = true }).FillAsync("4");
        await Page.GetByLabel("Unit Amount", new() { Exact = true }).FillAsync("800");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add Line" }).ClickAsync();
        await Expect(Page.Locator("[data-field-error='add.locationCode']")).ToContainTextAsync("no location");
        await Expect(Page.GetByLabel("Item No.", new() { Exact = true })).ToHaveValueAsync(itemNumber);
        await Page.GetByLabel("Location Code", new() { Exact = true }).FillAsync("MAIN");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add Line" }).ClickAsync();
        await Expect(Page.GetByTestId("journal-line-10000")).ToContainTextAsync(itemNumber);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Preview Posting" }).ClickAsync();
        var preview = Page.GetByTestId("preview");
        await Expect(preview.GetByTestId("result-item-ledger-entries")).ToContainTextAsync(itemNumber);
        await Expect(preview.GetByTestId("result-value-entries")).ToContainTextAsync("3,200.00");
        await Expect(preview.GetByTestId("result-gl-entries")).ToContainTextAsync("3,200.00");
        // The preview keeps the line for posting and writes nothing.
        await Expect(Page.GetByTestId("journal-line-10000")).ToContainTextAsync(itemNumber);
        await Screenshot("preview");

        await Page.GotoAsync(new Uri(Server.BaseAddress, "/itemLedgerEntries").ToString());
        await Expect(Page.GetByTestId("empty-state")).ToBeVisibleAsync();

        // The stored line is still there after leaving the page: post it.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Item Journal", Exact = true }).ClickAsync();
        await Expect(Page.GetByLabel("Quantity, line 10000")).ToHaveValueAsync("4.00");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Post", Exact = true }).ClickAsync();
        await Expect(Page.GetByTestId("posted")).ToContainTextAsync("1 item ledger entry");
        await Expect(Page.GetByTestId("empty-state")).ToContainTextAsync("The journal is empty");
        await Screenshot("posted");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Item Ledger Entries" }).First.ClickAsync();
        var entry = Page.Locator("table.list tbody tr", new() { HasText = itemNumber });
        await Expect(entry).ToContainTextAsync("Positive Adjmt.");
        await Expect(entry).ToContainTextAsync("2027-01-15");
        await Expect(entry).ToContainTextAsync("3,200.00");
        await Screenshot("item-ledger");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Trial Balance" }).First.ClickAsync();
        await Expect(Page.GetByTestId("balanced")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("total-debit")).ToHaveTextAsync("3,200.00");
        await Expect(Page.GetByTestId("total-credit")).ToHaveTextAsync("3,200.00");
        await Screenshot("trial-balance");
    });
}
