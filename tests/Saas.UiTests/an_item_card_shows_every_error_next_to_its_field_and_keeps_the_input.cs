using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Saas.UiTests;

/// <summary>
/// A refused save must not cost the user their typing: every problem is shown at its field after one Save,
/// and every value comes back exactly as typed, including the ones that could not be read as numbers.
/// </summary>
public sealed class an_item_card_shows_every_error_next_to_its_field_and_keeps_the_input(ITestOutputHelper output) : UiTest(output)
{
    [Fact]
    public Task a_refused_save_marks_the_fields_and_a_corrected_save_lands_in_the_list() => Flow(async () =>
    {
        await Server.EnsurePersonAsync(AppServer.AdministratorOfBoth, "Administrator", AppServer.Contoso, AppServer.Fabrikam);
        await Server.EnsureItemCategoryAsync(AppServer.Contoso, "FURNITURE", "Furniture");
        await SignIn(AppServer.AdministratorOfBoth, startAt: "/items/new");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "New item" })).ToBeVisibleAsync();

        await Page.GetByLabel("No.", new() { Exact = true }).FillAsync("1000"); // the demo's Touring bicycle has it
        await Page.GetByLabel("Item Category Code").FillAsync("FURNITURE");
        await Page.GetByLabel("Unit Price").FillAsync("12,x");
        await Page.GetByLabel("Unit Cost").FillAsync("-5");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(Page.GetByTestId("form-errors")).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-field-error=unitPrice]")).ToContainTextAsync("is not a number");
        await Expect(Page.Locator("[data-field-error=displayName]")).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-field-error=unitCost]")).ToBeVisibleAsync();
        // The taken number is reported with the rest, not only after every other error is fixed.
        await Expect(Page.Locator("[data-field-error=number]")).ToContainTextAsync("Item 1000 already exists");
        await Expect(Page.GetByLabel("Unit Price")).ToHaveValueAsync("12,x");
        await Expect(Page.GetByLabel("Unit Cost")).ToHaveValueAsync("-5");
        await Expect(Page.GetByLabel("Item Category Code")).ToHaveValueAsync("FURNITURE");
        await Screenshot("refused");

        await Page.GetByLabel("No.", new() { Exact = true }).FillAsync("");
        await Page.GetByLabel("Description").FillAsync("Oak desk");
        await Page.GetByLabel("Unit Price").FillAsync("1,250.00");
        await Page.GetByLabel("Unit Cost").FillAsync("800");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        // No number typed: the ITEM number series supplies one, and the row is in the list at once.
        await Expect(Page).ToHaveURLAsync(new Regex("/items$"));
        var row = Page.Locator("table.list tbody tr", new() { HasText = "Oak desk" });
        await Expect(row).ToContainTextAsync("1,250.00");
        await Expect(row).ToContainTextAsync("800.00");

        // Blocking is one click on the card; the list marks the row.
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Block" }).ClickAsync();
        await Expect(Page.GetByText("This item is blocked")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Unblock" })).ToBeVisibleAsync();
        await Screenshot("blocked");
        await Page.GotoAsync("/items?q=Oak");
        await Expect(Page.Locator("table.list tbody tr", new() { HasText = "Oak desk" })).ToContainTextAsync("Blocked");
    });
}
