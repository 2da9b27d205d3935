using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Saas.Read.Common;
using Saas.Tenancy.Context;
using Saas.Write.Finance.Posting;
using Saas.Write.Inventory.Ledger;
using Xunit.Abstractions;

namespace Saas.UiTests;

/// <summary>
/// The document page pattern on its first document, the transfer order: an editable lines grid with New Line,
/// Insert Line and Delete Line (buttons and keyboard), live totals, the Item Availability FactBox of the selected
/// line, and every refusal shown at once next to its field with the focus on the first. Run at a desktop width and
/// at a phone width, where the grid scrolls inside its panel and the FactBox goes below it.
/// </summary>
public sealed class a_document_page_edits_its_lines_like_business_central(ITestOutputHelper output) : UiTest(output)
{
    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public Task lines_are_added_inserted_deleted_and_refused_all_at_once(int width, int height) => Flow(async () =>
    {
        await Page.SetViewportSizeAsync(width, height);
        await Server.EnsurePersonAsync(AppServer.AdministratorOfBoth, "Administrator", AppServer.Contoso, AppServer.Fabrikam);
        await SignIn(AppServer.AdministratorOfBoth, startAt: "/items");
        var touring = await ItemNumberAsync("Touring bicycle");
        var city = await ItemNumberAsync("City bicycle");
        var helmet = await ItemNumberAsync("Bicycle helmet");
        await StockAtMainAsync((touring, 10), (city, 7));

        // An order from MAIN to a second location (made once per server: the theory's cases share it).
        await Page.GotoAsync("/locations");
        if (await Page.Locator("table.list tbody tr", new() { HasText = "STORE" }).CountAsync() == 0)
        {
            await Page.GotoAsync("/locations/new");
            await Page.GetByLabel("Code", new() { Exact = true }).FillAsync("STORE");
            await Page.GetByLabel("Name", new() { Exact = true }).FillAsync("City store");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(Page).ToHaveURLAsync(new Regex("/locations$"));
        }

        await Page.GotoAsync("/transferOrders/new");
        await Page.GetByLabel("Transfer-from Code").FillAsync("MAIN");
        await Page.GetByLabel("Transfer-to Code").FillAsync("STORE");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Page.Locator("h1")).ToContainTextAsync("Transfer Order TO");
        var card = Page.Url;

        // Two lines typed in one go: the blank line, then New Line for a second one; the totals follow the typing.
        // The lines grid is about editing, not the hand-over from the prerendered page: wait until it is live.
        await ExpectInteractive(Page.GetByLabel("Item No., new line", new() { Exact = true }));
        await Page.GetByLabel("Item No., new line", new() { Exact = true }).FillAsync(touring);
        await Page.GetByLabel("Quantity, new line", new() { Exact = true }).FillAsync("4");
        await Page.GetByRole(AriaRole.Button, new() { Name = "New Line" }).ClickAsync();
        var second = Page.GetByLabel("Item No., new line 2", new() { Exact = true });
        await Expect(second).ToBeFocusedAsync();
        await second.FillAsync(city);
        await second.PressAsync("Escape"); // closes the lookup's list, keeps the typed number
        await Page.GetByLabel("Quantity, new line 2", new() { Exact = true }).FillAsync("2");
        await Expect(Page.GetByTestId("total-quantity")).ToHaveTextAsync("6");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Page.GetByLabel("Qty. to Ship, line 10000")).ToHaveValueAsync("4");
        await Expect(Page.GetByLabel("Qty. to Ship, line 20000")).ToHaveValueAsync("2");

        // The FactBox shows what the selected line's item has on hand where it leaves from.
        await Page.GetByLabel("Quantity, line 20000").ClickAsync();
        await Expect(Page.GetByTestId("item-availability")).ToContainTextAsync(city);
        await Expect(Page.GetByTestId("inventory-at-location")).ToContainTextAsync("7");

        // Insert Line by keyboard (Ctrl+Insert) above line 20000; Enter moves on instead of submitting the card.
        await Page.GetByLabel("Quantity, line 20000").PressAsync("Control+Insert");
        var inserted = Page.GetByLabel("Item No., new line 2", new() { Exact = true });
        await Expect(inserted).ToBeFocusedAsync();
        await inserted.FillAsync(helmet);
        await inserted.PressAsync("Escape");
        await Page.GetByLabel("Quantity, new line 2", new() { Exact = true }).FillAsync("1");
        await Page.GetByLabel("Quantity, new line 2", new() { Exact = true }).PressAsync("Enter");
        await Expect(Page).ToHaveURLAsync(card);
        await Expect(Page.GetByTestId("total-quantity")).ToHaveTextAsync("7");

        // Delete Line on a saved line marks it; Save deletes it and saves the inserted line between the others.
        await Page.GetByLabel("Quantity, line 10000").ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Delete Line" }).ClickAsync();
        await Expect(Page.GetByTestId("deleted-line-10000")).ToContainTextAsync("deleted when you save");
        await Expect(Page.GetByTestId("total-quantity")).ToHaveTextAsync("3");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Page.GetByTestId("transfer-line-10000")).ToHaveCountAsync(0);
        var rows = Page.GetByTestId("transfer-lines").Locator("tbody tr[data-testid^='transfer-line-']");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(0)).ToHaveAttributeAsync("data-testid", "transfer-line-15000");
        await Expect(rows.Nth(0)).ToContainTextAsync(helmet);
        await Expect(rows.Nth(1)).ToHaveAttributeAsync("data-testid", "transfer-line-20000");

        // Two wrong lines at once: both refusals next to their fields, the focus on the first, nothing lost.
        await Page.GetByLabel("Quantity, line 15000").FillAsync("abc");
        await Page.GetByLabel("Qty. to Ship, line 20000").FillAsync("99");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Page.Locator("[data-field-error='lines[15000].quantity']")).ToContainTextAsync("not a number");
        await Expect(Page.Locator("[data-field-error='lines[20000].qtyToShip']")).ToContainTextAsync("outstanding quantity");
        var first = Page.GetByLabel("Quantity, line 15000");
        await Expect(first).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(first).ToHaveAttributeAsync("aria-describedby", new Regex(".+-quantity-error"));
        await Expect(first).ToBeFocusedAsync();
        await Expect(first).ToHaveValueAsync("abc");
        await Expect(Page.GetByLabel("Qty. to Ship, line 20000")).ToHaveValueAsync("99");

        // At a phone's width the page itself does not scroll sideways: the grid scrolls inside its panel.
        var overflow = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        var widest = overflow <= 0 ? "" : await Page.EvaluateAsync<string>(
            "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)"
            + ".slice(0, 6).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')");
        Assert.True(overflow <= 0, $"The page scrolls sideways by {overflow} px at {width} px: {widest}");
        await Screenshot($"document-lines-{width}");
    });

    private async Task<string> ItemNumberAsync(string name)
    {
        await Page.GotoAsync("/items");
        var row = Page.Locator("table.list tbody tr", new() { HasText = name });
        return (await row.GetByRole(AriaRole.Link).First.InnerTextAsync()).Trim();
    }

    private async Task StockAtMainAsync(params (string Item, decimal Quantity)[] stock)
    {
        await using var scope = await Server.Services.GetRequiredService<TenantScopes>().BeginScope(AppServer.Contoso);
        var posted = await scope.Services.GetRequiredService<ItemPostingEngine>().PostAsync(new ItemPosting
        {
            Lines = stock.Select(s => new ItemPostingLine
            {
                EntryType = ItemLedgerEntryType.PositiveAdjmt, ItemNo = s.Item, LocationCode = "MAIN", Quantity = s.Quantity, UnitCost = 100,
                PostingDate = new DateOnly(2027, 2, 1),
            }).ToList(),
        });
        var position = posted.ReadPosition ?? throw new InvalidOperationException("A posting with entries has a read position.");
        Assert.True(await scope.Services.GetRequiredService<ReadPositions>().WaitAsync(position, TimeSpan.FromSeconds(60)),
            $"The stock posting {position} was not projected within 60 s.");
    }
}
