using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Saas.UiTests;

/// <summary>
/// A transfer order through the pages: a second location, stock at MAIN, an order MAIN → STORE through the
/// company's in-transit location, part of it shipped, part of that received; the card shows the shipped and
/// received quantities and the posted shipment is listed.
/// </summary>
public sealed class a_transfer_order_ships_partially_and_receives(ITestOutputHelper output) : UiTest(output)
{
    [Fact]
    public Task the_administrator_creates_an_order_ships_three_of_four_and_receives_two() => Flow(async () =>
    {
        await Server.EnsurePersonAsync(AppServer.AdministratorOfBoth, "Administrator", AppServer.Contoso, AppServer.Fabrikam);
        await SignIn(AppServer.AdministratorOfBoth, startAt: "/items");
        var itemRow = Page.Locator("table.list tbody tr", new() { HasText = "Touring bicycle" });
        var itemNumber = (await itemRow.GetByRole(AriaRole.Link).InnerTextAsync()).Trim();

        await Page.GotoAsync("/locations/new");
        await Page.GetByLabel("Code", new() { Exact = true }).FillAsync("STORE");
        await Page.GetByLabel("Name", new() { Exact = true }).FillAsync("City store");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/locations$"));

        // Stock to move: a positive adjustment through the item journal.
        await Page.GotoAsync("/itemJournal");
        await Page.GetByLabel("Item No.", new() { Exact = true }).FillAsync(itemNumber);
        await Page.GetByLabel("Location Code", new() { Exact = true }).FillAsync("MAIN");
        await Page.GetByLabel("Quantity", new() { Exact = true }).FillAsync("4");
        await Page.GetByLabel("Unit Amount", new() { Exact = true }).FillAsync("800");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add Line" }).ClickAsync();
        await Expect(Page.GetByTestId("journal-line-10000")).ToContainTextAsync(itemNumber);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Post", Exact = true }).ClickAsync();
        await Expect(Page.GetByTestId("posted")).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Transfer Orders" }).ClickAsync();
        await Expect(Page.GetByTestId("empty-state")).ToBeVisibleAsync();
        await Page.GetByTestId("new").ClickAsync();
        await Page.GetByLabel("Transfer-from Code").FillAsync("MAIN");
        await Page.GetByLabel("Transfer-to Code").FillAsync("MAIN");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Page.Locator("[data-field-error='transferToCode']")).ToContainTextAsync("must differ");

        await Page.GetByLabel("Transfer-to Code").FillAsync("STORE");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Page.Locator("h1")).ToContainTextAsync("Transfer Order TO");
        // The lines grid is about editing, not the hand-over from the prerendered page: wait until it is live.
        await ExpectInteractive(Page.GetByLabel("Item No., new line", new() { Exact = true }));
        await Page.GetByLabel("Item No., new line").FillAsync(itemNumber);
        await Page.GetByLabel("Quantity, new line").FillAsync("4");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Page.GetByLabel("Qty. to Ship, line 10000")).ToHaveValueAsync("4");

        await Page.GetByLabel("Qty. to Ship, line 10000").FillAsync("3");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Post Shipment" }).ClickAsync();
        await Expect(Page.GetByTestId("posted")).ToContainTextAsync("TS00001 was posted");
        await Expect(Page.GetByTestId("shipped-10000")).ToHaveTextAsync("3");
        await Expect(Page.GetByLabel("Qty. to Ship, line 10000")).ToHaveValueAsync("1");
        await Expect(Page.GetByLabel("Qty. to Receive, line 10000")).ToHaveValueAsync("3");
        await Screenshot("shipped");

        await Page.GetByLabel("Qty. to Receive, line 10000").FillAsync("5");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Post Receipt" }).ClickAsync();
        await Expect(Page.Locator("[data-field-error='lines[10000].qtyToReceive']")).ToContainTextAsync("not yet received (3)");

        await Page.GetByLabel("Qty. to Receive, line 10000").FillAsync("2");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Post Receipt" }).ClickAsync();
        await Expect(Page.GetByTestId("posted")).ToContainTextAsync("TR00001 was posted");
        await Expect(Page.GetByTestId("received-10000")).ToHaveTextAsync("2");
        await Screenshot("received");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Posted Transfers", Exact = true }).ClickAsync();
        await Expect(Page.GetByTestId("posted-transfers")).ToContainTextAsync("TS00001");
        await Expect(Page.GetByTestId("posted-transfers")).ToContainTextAsync($"{itemNumber} × 3");
    });
}
