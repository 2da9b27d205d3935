using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Saas.UiTests;

/// <summary>
/// Issue 10: at 390 px (a phone) the bar folds the account actions and the menu behind "Menu", so Sign out and every
/// page stay reachable; no main page scrolls sideways, at 390 px or at 1366 px (wide tables scroll inside their panel);
/// the first Tab reaches "Skip to content", which moves the focus to the page.
/// </summary>
public sealed class the_layout_works_on_a_phone_and_on_a_desktop(ITestOutputHelper output) : UiTest(output)
{
    private static readonly string[] MainPages =
        ["/", "/items", "/customers", "/itemLedgerEntries", "/valueEntries", "/generalLedgerEntries", "/trialBalance", "/itemJournal",
         "/transferOrders", "/transferOrders/new", "/postedTransfers", "/people", "/accounts"];

    [Fact]
    public Task on_a_phone_the_menu_reaches_every_page_and_sign_out_and_nothing_scrolls_sideways() => Flow(async () =>
    {
        await Page.SetViewportSizeAsync(390, 844);
        await Page.GotoAsync("/account/login");
        await AssertNoSidewaysScroll("sign-in at 390px");
        await SignIn(AppServer.AdministratorOfBoth);

        // Folded: neither the menu nor Sign out is shown until Menu is pressed.
        var signOut = Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" });
        var items = Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Items", Exact = true });
        await Expect(signOut).Not.ToBeVisibleAsync();
        await Expect(items).Not.ToBeVisibleAsync();
        await Page.GetByTestId("menu-button").ClickAsync();
        await Expect(signOut).ToBeVisibleAsync();
        await items.ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/items$"));

        foreach (var page in MainPages)
        {
            await Page.GotoAsync(page);
            await AssertNoSidewaysScroll($"{page} at 390px");
        }

        await Screenshot("phone-items");
        await Page.GotoAsync("/items");
        await Page.GetByTestId("menu-button").ClickAsync();
        await Screenshot("phone-menu");
        await signOut.ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/account/login"));
    });

    [Fact]
    public Task on_a_desktop_nothing_scrolls_sideways_and_the_skip_link_comes_first() => Flow(async () =>
    {
        await Page.SetViewportSizeAsync(1366, 860);
        await SignIn(AppServer.AdministratorOfBoth);
        await Expect(Page.GetByTestId("menu-button")).Not.ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();

        foreach (var page in MainPages)
        {
            await Page.GotoAsync(page);
            await AssertNoSidewaysScroll($"{page} at 1366px");
        }

        await Page.GotoAsync("/items");
        await Page.Keyboard.PressAsync("Tab");
        var skip = Page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" });
        await Expect(skip).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("main#content")).ToBeFocusedAsync();
    });

    private async Task AssertNoSidewaysScroll(string where)
    {
        var widths = await Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var (scroll, client) = (widths[0], widths[1]);
        Assert.True(scroll <= client, $"{where}: the page is {scroll}px wide in a {client}px window");
    }
}
