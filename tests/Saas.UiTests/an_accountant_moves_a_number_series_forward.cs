using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Saas.Write.Finance.Setup.Editing;
using Xunit.Abstractions;

namespace Saas.UiTests;

/// <summary>
/// No. Series as Contoso's accountant: the list shows each series' starting number, last number used and increment;
/// moving Last No. Used back is refused next to the field with the input kept, moving it forward is saved. A reader
/// has neither the menu link nor the page.
/// </summary>
public sealed class an_accountant_moves_a_number_series_forward(ITestOutputHelper output) : UiTest(output)
{
    private const string Accountant = "alex@contoso.example";

    [Fact]
    public Task the_customer_series_moves_forward_only() => Flow(async () =>
    {
        await Server.EnsurePersonAsync(Accountant, "Accountant", AppServer.Contoso);
        await SignIn(Accountant, startAt: "/");
        await Page.GetByRole(AriaRole.Link, new() { Name = "No. Series", Exact = true }).ClickAsync();
        var customers = Page.GetByTestId("series-CUST");
        await Expect(customers).ToContainTextAsync("C00010");
        await Expect(customers).ToContainTextAsync("10");
        await Screenshot("list");

        await customers.GetByRole(AriaRole.Link).ClickAsync();
        await Page.GetByLabel("Last No. Used").FillAsync("C50000");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/noSeries$"));
        await Expect(Page.GetByTestId("series-CUST")).ToContainTextAsync("C50000");

        await Page.GetByTestId("series-CUST").GetByRole(AriaRole.Link).ClickAsync();
        await Page.GetByLabel("Last No. Used").FillAsync("C00100");
        await Page.GetByLabel("Increment-by No.").FillAsync("0");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Page.Locator("[data-field-error=lastNoUsed]")).ToContainTextAsync("can only move forward");
        await Expect(Page.Locator("[data-field-error=incrementByNo]")).ToBeVisibleAsync();
        await Expect(Page.GetByLabel("Last No. Used")).ToHaveValueAsync("C00100");
        await Screenshot("refused");

        // Fabrikam's customer series is not a card of Contoso's.
        await Page.GotoAsync($"/noSeries/{SetupKeys.Id(AppServer.Fabrikam, "noSeries", "CUST")}");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
    });

    [Fact]
    public Task a_reader_has_no_number_series_page() => Flow(async () =>
    {
        await Server.EnsurePersonAsync(AppServer.ReaderOfContoso, "ReadOnly", AppServer.Contoso);
        await SignIn(AppServer.ReaderOfContoso, startAt: "/items");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "No. Series", Exact = true })).ToHaveCountAsync(0);
        await Page.GotoAsync("/noSeries");
        await Expect(Page.Locator("table.list")).ToHaveCountAsync(0);
    });
}
