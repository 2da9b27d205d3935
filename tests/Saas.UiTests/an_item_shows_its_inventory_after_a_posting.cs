using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Saas.Read.Common;
using Saas.Tenancy.Context;
using Saas.Write.Finance.Posting;
using Saas.Write.Inventory.Ledger;
using Xunit.Abstractions;

namespace Saas.UiTests;

/// <summary>
/// The inventory projection through the pages: after a posting the item list's Inventory column and the item
/// card's Inventory show the quantity on hand, and the card's figure drills down to the item ledger entries.
/// </summary>
public sealed class an_item_shows_its_inventory_after_a_posting(ITestOutputHelper output) : UiTest(output)
{
    [Fact]
    public Task the_list_and_the_card_show_the_quantity_on_hand() => Flow(async () =>
    {
        await Server.EnsurePersonAsync(AppServer.AdministratorOfBoth, "Administrator", AppServer.Contoso, AppServer.Fabrikam);
        await SignIn(AppServer.AdministratorOfBoth, startAt: "/items");
        var itemRow = Page.Locator("table.list tbody tr", new() { HasText = "Touring bicycle" });
        var itemNumber = (await itemRow.GetByRole(AriaRole.Link).InnerTextAsync()).Trim();

        // Posted the way any caller does (the journal page has its own test): 7 in, 2 out.
        await using (var scope = await Server.Services.GetRequiredService<TenantScopes>().BeginScope(AppServer.Contoso))
        {
            var date = new DateOnly(2027, 2, 1);
            var posted = await scope.Services.GetRequiredService<ItemPostingEngine>().PostAsync(new ItemPosting
            {
                Lines =
                [
                    new() { EntryType = ItemLedgerEntryType.PositiveAdjmt, ItemNo = itemNumber, LocationCode = "MAIN", Quantity = 7, UnitCost = 500, PostingDate = date },
                    new() { EntryType = ItemLedgerEntryType.NegativeAdjmt, ItemNo = itemNumber, LocationCode = "MAIN", Quantity = 2, PostingDate = date },
                ],
            });

            // Read your write by its position (as the API's X-Wait-For-Position does), then reload once: a rendered
            // page does not refresh itself, and a fixed number of timed reloads fails on a busy machine.
            var position = posted.ReadPosition ?? throw new InvalidOperationException("A posting with entries has a read position.");
            Assert.True(
                await scope.Services.GetRequiredService<ReadPositions>().WaitAsync(position, TimeSpan.FromSeconds(60)),
                $"The posting's event {position} was not projected within 60 s.");
        }

        await Page.ReloadAsync();
        var inventoryCell = itemRow.Locator("td.num").First;
        await Expect(inventoryCell).ToHaveTextAsync("5");
        await Screenshot("item-list");

        await itemRow.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(Page.GetByLabel("Inventory", new() { Exact = true })).ToHaveTextAsync("5");
        await Expect(Page.GetByLabel("Inventory", new() { Exact = true })).ToHaveAttributeAsync("title", "MAIN: 5");
        await Screenshot("item-card");

        await Page.GetByLabel("Inventory", new() { Exact = true }).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(Page.Locator("table.list tbody tr", new() { HasText = "Negative Adjmt." })).ToContainTextAsync(itemNumber);
    });
}
