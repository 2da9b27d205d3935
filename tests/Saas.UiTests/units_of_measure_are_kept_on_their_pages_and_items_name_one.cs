using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Saas.Write.Finance.Setup.Editing;
using Xunit.Abstractions;

namespace Saas.UiTests;

/// <summary>
/// Units of Measure: BC's usual units are listed, a new unit is created and described on its card, an item card
/// naming an unknown unit is refused next to Base Unit of Measure, and a unit the demo items use cannot be deleted.
/// </summary>
public sealed class units_of_measure_are_kept_on_their_pages_and_items_name_one(ITestOutputHelper output) : UiTest(output)
{
    [Fact]
    public Task an_administrator_adds_a_unit_and_an_item_uses_it() => Flow(async () =>
    {
        await Server.EnsurePersonAsync(AppServer.AdministratorOfBoth, "Administrator", AppServer.Contoso, AppServer.Fabrikam);
        await SignIn(AppServer.AdministratorOfBoth, startAt: "/unitsOfMeasure");
        await Expect(Page.GetByTestId("unit-PCS")).ToContainTextAsync("EA");
        await Expect(Page.GetByTestId("unit-HOUR")).ToBeVisibleAsync();

        await Page.GetByTestId("new").ClickAsync();
        await Page.GetByLabel("Code", new() { Exact = true }).FillAsync("roll");
        await Page.GetByLabel("Description").FillAsync("Roll");
        await Page.GetByLabel("International Standard Code").FillAsync("RO");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/unitsOfMeasure$"));
        await Page.GetByTestId("unit-ROLL").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(Page.GetByLabel("Code", new() { Exact = true })).ToHaveAttributeAsync("readonly", "");
        await Page.GetByLabel("Description").FillAsync("Roll of tape");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Page.GetByTestId("unit-ROLL")).ToContainTextAsync("Roll of tape");

        await Page.GotoAsync("/items/new");
        await Page.GetByLabel("Description").FillAsync("Packing tape");
        await Page.GetByLabel("Base Unit of Measure").FillAsync("ROLLS");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Page.Locator("[data-field-error=baseUnitOfMeasureCode]")).ToContainTextAsync("there is no unit of measure 'ROLLS'");
        await Expect(Page.GetByLabel("Base Unit of Measure")).ToHaveValueAsync("ROLLS");
        await Screenshot("item-refused");
        await Page.GetByLabel("Base Unit of Measure").FillAsync("ROLL");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/items$"));

        // Now an item's base unit: the unit stays, and the card says why.
        await Page.GotoAsync("/unitsOfMeasure");
        await Page.GetByTestId("unit-ROLL").GetByRole(AriaRole.Link).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(Page.Locator("[data-field-error=code]")).ToContainTextAsync("cannot be deleted: it is the base unit of measure of item");
        await Screenshot("delete-refused");

        await Page.GotoAsync("/unitsOfMeasure/new");
        await Page.GetByLabel("Code", new() { Exact = true }).FillAsync("SPARE");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Page.GetByTestId("unit-SPARE").GetByRole(AriaRole.Link).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/unitsOfMeasure$"));
        await Expect(Page.GetByTestId("unit-SPARE")).ToHaveCountAsync(0);

        // Fabrikam's PCS (Anna belongs there too) is not a card of Contoso's.
        await Page.GotoAsync($"/unitsOfMeasure/{SetupKeys.Id(AppServer.Fabrikam, "unitsOfMeasure", "PCS")}");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
    });
}
