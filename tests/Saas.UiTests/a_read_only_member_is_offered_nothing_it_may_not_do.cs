using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Saas.UiTests;

/// <summary>
/// Navigation and actions follow the role in the active company: a read-only member can open every list
/// and card but is offered no "New", no "Save", no company switch (one company) and no partner pages.
/// </summary>
public sealed class a_read_only_member_is_offered_nothing_it_may_not_do(ITestOutputHelper output) : UiTest(output)
{
    [Fact]
    public Task lists_and_cards_are_read_only_for_the_reader() => Flow(async () =>
    {
        await Server.EnsurePersonAsync(AppServer.ReaderOfContoso, "ReadOnly", AppServer.Contoso);
        await SignIn(AppServer.ReaderOfContoso);

        await Expect(Page.GetByTestId("company-name")).ToHaveTextAsync("Contoso Trading");
        await Expect(Page.GetByTestId("tile-items")).ToBeVisibleAsync();
        await Expect(Page.Locator("nav").GetByRole(AriaRole.Link, new() { Name = "Tenants" })).ToHaveCountAsync(0);
        await Expect(Page.Locator("select[name=tenantId]")).ToHaveCountAsync(0);
        await Screenshot("home");

        foreach (var list in new[] { "Items", "Customers", "Vendors", "Locations" })
        {
            await Page.Locator("nav").GetByRole(AriaRole.Link, new() { Name = list }).ClickAsync();
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = list, Exact = true })).ToBeVisibleAsync();
            await Expect(Page.GetByTestId("new")).ToHaveCountAsync(0);
        }

        // Typing the address of a new card by hand shows the card, but without anything that saves.
        await Page.GotoAsync("/items/new");
        await Expect(Page.GetByText("Your role can view items but not change them.")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToHaveCountAsync(0);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/account/login"));
        await Page.GotoAsync("/items");
        await Expect(Page).ToHaveURLAsync(new Regex("/account/login"));
    });
}
