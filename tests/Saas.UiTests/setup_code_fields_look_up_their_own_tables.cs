using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Saas.Tenancy.Context;
using Saas.Write.Setup;
using Xunit.Abstractions;

namespace Saas.UiTests;

/// <summary>
/// The code fields that point at setup tables look them up as the item category does: the item's base unit of
/// measure, a posting setup's posting groups and G/L accounts, and a transfer order's locations. These lookups read
/// the setup tables themselves (no read model), so they are also where the circuit's company must hold: a unit of
/// measure that only another company has is never offered.
/// </summary>
public sealed class setup_code_fields_look_up_their_own_tables(ITestOutputHelper output) : UiTest(output)
{
    [Fact]
    public Task units_posting_groups_accounts_and_locations_are_picked_by_keyboard() => Flow(async () =>
    {
        await Server.EnsurePersonAsync(AppServer.AdministratorOfBoth, "Administrator", AppServer.Contoso, AppServer.Fabrikam);
        await using (var fabrikam = await Server.Services.GetRequiredService<TenantScopes>().BeginScope(AppServer.Fabrikam))
        {
            await fabrikam.Services.GetRequiredService<UnitsOfMeasure>()
                .CreateAsync(new UnitOfMeasureChange { Code = "PIECEFAB", Description = "Fabrikam's piece", InternationalStandardCode = "" });
        }

        // Base Unit of Measure: "pie" finds the piece by its description, never Fabrikam's.
        await SignIn(AppServer.AdministratorOfBoth, startAt: "/items");
        await Page.Locator("table.list tbody tr", new() { HasText = "Touring bicycle" }).GetByRole(AriaRole.Link).ClickAsync();
        var unit = Page.GetByRole(AriaRole.Combobox, new() { Name = "Base Unit of Measure" });
        await PickAsync(unit, "pie", "unit of measure", "PCS");
        await Expect(Page.GetByRole(AriaRole.Listbox)).ToHaveCountAsync(0);
        await unit.PressSequentiallyAsync("X", Typing);
        await Expect(Page.GetByRole(AriaRole.Listbox, new() { Name = "unit of measure" })).ToContainTextAsync("No unit of measure matches");
        await unit.FillAsync("PCS");

        // A new general posting setup: the product group by the start of its code, an account by its number.
        await Page.GotoAsync("/generalPostingSetups/new");
        await PickAsync(Page.GetByRole(AriaRole.Combobox, new() { Name = "Gen. Prod. Posting Group" }), "ret", "gen. product posting group", "RETAIL");
        var salesAccount = Page.GetByRole(AriaRole.Combobox, new() { Name = "Sales Account", Exact = true });
        await PickAsync(salesAccount, "4010", "G/L account", "4010");
        await Expect(Page).ToHaveURLAsync(new Regex("/generalPostingSetups/new$")); // Enter picked, it did not submit

        // A new transfer order: locations are looked up (in-transit ones only where an in-transit code goes), and the
        // company's one in-transit location is proposed.
        await Page.GotoAsync("/transferOrders/new");
        var inTransit = Page.GetByRole(AriaRole.Combobox, new() { Name = "In-Transit Code" });
        var proposed = await inTransit.InputValueAsync();
        Assert.NotEqual("", proposed);
        await PickAsync(Page.GetByRole(AriaRole.Combobox, new() { Name = "Transfer-from Code" }), "mai", "location", "MAIN");
        await inTransit.FillAsync("");
        await inTransit.PressSequentiallyAsync(proposed[..1], Typing);
        var transitChoices = Page.GetByRole(AriaRole.Listbox, new() { Name = "in-transit location" });
        await Expect(transitChoices).ToContainTextAsync(proposed);
        await Expect(transitChoices).Not.ToContainTextAsync("MAIN");
    });

    /// <summary>Types into a lookup, waits for the choice to be offered and highlighted, and picks it with Enter.</summary>
    private async Task PickAsync(ILocator field, string typed, string listName, string code)
    {
        await ExpectInteractive(field);
        await field.ClickAsync();
        await field.FillAsync("");
        await field.PressSequentiallyAsync(typed, Typing);
        var choices = Page.GetByRole(AriaRole.Listbox, new() { Name = listName });
        await Expect(choices.GetByRole(AriaRole.Option, new() { Selected = true })).ToContainTextAsync(code);
        await Expect(choices).Not.ToContainTextAsync("FAB");
        await field.PressAsync("Enter");
        await Expect(field).ToHaveValueAsync(code);
        await Expect(field).ToHaveAttributeAsync("aria-expanded", "false");
    }
}
