using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Saas.UiTests;

/// <summary>
/// The Item Categories list shows the tree (a child under its parent, indented); the card creates, moves and deletes
/// categories, and a category with children is refused next to its code with BC's reason.
/// </summary>
public sealed class item_categories_are_kept_as_a_tree_on_their_pages(ITestOutputHelper output) : UiTest(output)
{
    [Fact]
    public Task an_administrator_builds_a_small_tree_and_cannot_delete_a_parent() => Flow(async () =>
    {
        await Server.EnsurePersonAsync(AppServer.AdministratorOfBoth, "Administrator", AppServer.Contoso, AppServer.Fabrikam);
        await SignIn(AppServer.AdministratorOfBoth, startAt: "/itemCategories");

        await Page.GetByTestId("new").ClickAsync();
        await Page.GetByLabel("Code", new() { Exact = true }).FillAsync("furniture");
        await Page.GetByLabel("Description").FillAsync("Furniture");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/itemCategories$"));

        await Page.GotoAsync("/itemCategories/new");
        await Page.GetByLabel("Code", new() { Exact = true }).FillAsync("CHAIRS");
        await Page.GetByLabel("Description").FillAsync("Office chairs");
        await Page.GetByLabel("Parent Category").SelectOptionAsync("FURNITURE");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/itemCategories$"));

        var parent = Page.GetByTestId("category-FURNITURE");
        var child = Page.GetByTestId("category-CHAIRS");
        await Expect(parent).ToHaveAttributeAsync("data-depth", "0");
        await Expect(child).ToHaveAttributeAsync("data-depth", "1");
        await Expect(child).ToContainTextAsync("FURNITURE");
        await Expect(Page.Locator("table.list tbody tr").Nth(await IndexOfAsync("FURNITURE") + 1)).ToHaveAttributeAsync("data-testid", "category-CHAIRS");
        await Screenshot("tree");

        // BC: a category with children cannot be deleted; the reason stands next to the code.
        await parent.GetByRole(AriaRole.Link).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(Page.Locator("[data-field-error=code]")).ToContainTextAsync("has child categories");
        await Screenshot("refused");

        // A search shows matching rows flat, parent named.
        await Page.GotoAsync("/itemCategories?q=chairs");
        await Expect(Page.Locator("table.list tbody tr")).ToHaveCountAsync(1);
        await Page.GetByTestId("category-CHAIRS").GetByRole(AriaRole.Link).ClickAsync();
        await Page.GetByLabel("Parent Category").SelectOptionAsync("");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Page.GetByTestId("category-CHAIRS")).ToHaveAttributeAsync("data-depth", "0");

        await Page.GetByTestId("category-FURNITURE").GetByRole(AriaRole.Link).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/itemCategories$"));
        await Expect(Page.GetByTestId("category-FURNITURE")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task a_reader_sees_the_categories_without_ways_to_change_them() => Flow(async () =>
    {
        await Server.EnsureItemCategoryAsync(AppServer.Contoso, "TOOLS", "Tools");
        await Server.EnsurePersonAsync(AppServer.ReaderOfContoso, "ReadOnly", AppServer.Contoso);
        await SignIn(AppServer.ReaderOfContoso, startAt: "/itemCategories");
        await Expect(Page.GetByTestId("new")).ToHaveCountAsync(0);
        await Page.GetByTestId("category-TOOLS").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(Page.GetByText("Your role can view item categories but not change them.")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Delete" })).ToHaveCountAsync(0);
    });

    private async Task<int> IndexOfAsync(string code)
    {
        var ids = await Page.Locator("table.list tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.testid)");
        return Array.IndexOf(ids, $"category-{code}");
    }
}
