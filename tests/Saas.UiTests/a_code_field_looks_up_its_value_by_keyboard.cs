using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Saas.UiTests;

/// <summary>
/// BC's lookup on a code field, as a keyboard user meets it on the item card: typing narrows the company's
/// item categories, the arrow keys move, Enter picks without submitting the card, Save keeps the pick. The lookup
/// runs in an interactive circuit, so it is also where the circuit's company must hold: another company's
/// categories are never offered.
/// </summary>
public sealed class a_code_field_looks_up_its_value_by_keyboard(ITestOutputHelper output) : UiTest(output)
{
    [Fact]
    public Task the_item_category_is_picked_by_typing_and_the_arrow_keys() => Flow(async () =>
    {
        await Server.EnsurePersonAsync(AppServer.AdministratorOfBoth, "Administrator", AppServer.Contoso, AppServer.Fabrikam);
        await Server.EnsureItemCategoryAsync(AppServer.Contoso, "CHAIR", "Office chairs");
        await Server.EnsureItemCategoryAsync(AppServer.Contoso, "CHAIRPART", "Chair parts");
        await Server.EnsureItemCategoryAsync(AppServer.Contoso, "DESK", "Desks");
        await Server.EnsureItemCategoryAsync(AppServer.Fabrikam, "CHAIRFAB", "Fabrikam's chairs");

        await SignIn(AppServer.AdministratorOfBoth, startAt: "/items");
        await Page.Locator("table.list tbody tr", new() { HasText = "Touring bicycle" }).GetByRole(AriaRole.Link).ClickAsync();
        var field = Page.GetByRole(AriaRole.Combobox, new() { Name = "Item Category Code" });
        await Expect(field).ToBeVisibleAsync();
        await ExpectInteractive(field);

        await field.ClickAsync();
        await field.FillAsync("");
        await field.PressSequentiallyAsync("cha", Typing);
        var choices = Page.GetByRole(AriaRole.Listbox, new() { Name = "item category" });
        await Expect(choices.GetByRole(AriaRole.Option)).ToHaveCountAsync(2);
        await Expect(choices).ToContainTextAsync("Office chairs");
        await Expect(choices).Not.ToContainTextAsync("CHAIRFAB");
        await Expect(field).ToHaveAttributeAsync("aria-expanded", "true");

        // The first match is highlighted; one step down is the second, Enter picks it and closes the list.
        await Expect(choices.GetByRole(AriaRole.Option, new() { Selected = true })).ToContainTextAsync("CHAIR");
        await field.PressAsync("ArrowDown");
        await Expect(choices.GetByRole(AriaRole.Option, new() { Selected = true })).ToContainTextAsync("CHAIRPART");
        await field.PressAsync("Enter");
        await Expect(field).ToHaveValueAsync("CHAIRPART");
        await Expect(field).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(Page).ToHaveURLAsync(new Regex("/items/[0-9a-f-]{36}$")); // Enter did not submit the card

        // Escape closes a list without changing the value; the lookup's button shows the whole list.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Choose item category" }).ClickAsync();
        await Expect(choices.GetByRole(AriaRole.Option)).ToHaveCountAsync(3);
        await field.PressAsync("Escape");
        await Expect(choices).ToHaveCountAsync(0);
        await Expect(field).ToHaveValueAsync("CHAIRPART");
        await Screenshot("lookup-picked");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/items$"));
        await Page.Locator("table.list tbody tr", new() { HasText = "Touring bicycle" }).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Combobox, new() { Name = "Item Category Code" })).ToHaveValueAsync("CHAIRPART");
    });
}
