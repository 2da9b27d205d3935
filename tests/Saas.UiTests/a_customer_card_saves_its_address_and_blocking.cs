using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Saas.UiTests;

/// <summary>
/// The address block is a shared part of the customer, vendor and location cards; what is typed there must
/// reach the handler, come back on the card, and blocking must show in the list with BC's word.
/// </summary>
public sealed class a_customer_card_saves_its_address_and_blocking(ITestOutputHelper output) : UiTest(output)
{
    [Fact]
    public Task a_new_customer_keeps_its_address_and_shows_as_blocked_for_invoices() => Flow(async () =>
    {
        await Server.EnsurePersonAsync(AppServer.AdministratorOfBoth, "Administrator", AppServer.Contoso, AppServer.Fabrikam);
        await SignIn(AppServer.AdministratorOfBoth, startAt: "/customers/new");

        await Page.GetByLabel("Name").FillAsync("Adatum Bikes");
        await Page.GetByLabel("Address", new() { Exact = true }).FillAsync("Main Street 1");
        await Page.GetByLabel("City").FillAsync("Oslo");
        await Page.GetByLabel("Email").FillAsync("orders@adatum.example");
        await Page.GetByLabel("Credit Limit (LCY)").FillAsync("25000");
        await Page.GetByLabel("Blocked").SelectOptionAsync("Invoice");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex("/customers$"));
        var row = Page.Locator("table.list tbody tr", new() { HasText = "Adatum Bikes" });
        await Expect(row).ToContainTextAsync("Oslo");
        await Expect(row).ToContainTextAsync("25,000.00");
        await Expect(row).ToContainTextAsync("Invoice");
        await Screenshot("list");

        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(Page.GetByLabel("Address", new() { Exact = true })).ToHaveValueAsync("Main Street 1");
        await Expect(Page.GetByLabel("Email")).ToHaveValueAsync("orders@adatum.example");
        await Expect(Page.GetByText("This customer is blocked (Invoice)")).ToBeVisibleAsync();
        await Screenshot("card");
    });
}
