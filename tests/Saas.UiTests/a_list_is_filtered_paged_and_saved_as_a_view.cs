using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Saas.Read.Common;
using Saas.Tenancy.Context;
using Saas.Write.Inventory;
using Xunit.Abstractions;

namespace Saas.UiTests;

/// <summary>
/// The lists work like a business application's: the filter pane takes BC's expressions (a bad one is told next to its
/// field), the page size is a click, and the filters are kept as a named view that opens the same list again.
/// </summary>
public sealed class a_list_is_filtered_paged_and_saved_as_a_view(ITestOutputHelper output) : UiTest(output)
{
    [Fact]
    public Task a_price_range_is_filtered_the_page_size_changed_and_the_view_saved_and_reopened() => Flow(async () =>
    {
        await Server.EnsurePersonAsync(AppServer.AdministratorOfBoth, "Administrator", AppServer.Contoso, AppServer.Fabrikam);
        await using (var scope = await Server.Services.GetRequiredService<TenantScopes>().BeginScope(AppServer.Contoso))
        {
            Guid position = default;
            foreach (var (number, price) in new[] { ("FLT-1", 5m), ("FLT-2", 15m), ("FLT-3", 25m), ("FLT-4", 35m) })
            {
                position = (await scope.Services.GetRequiredService<CreateItemHandler>()
                    .HandleAsync(new CreateItem { Number = number, DisplayName = "Filter test " + number, UnitPrice = price })).ReadPosition;
            }

            Assert.True(await scope.Services.GetRequiredService<ReadPositions>().WaitAsync(position, TimeSpan.FromSeconds(60)));
        }

        await SignIn(AppServer.AdministratorOfBoth, startAt: "/items");
        var rows = Page.Locator("table.list tbody tr");

        await Page.GetByTestId("filter-pane").Locator("summary").ClickAsync();
        await Page.Locator("input[data-filter=number]").FillAsync("flt-*");
        await Page.Locator("input[data-filter=unitPrice]").FillAsync("10..30");
        await Page.GetByTestId("apply-filters").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"f\.unitPrice=10\.\.30"));
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(0)).ToContainTextAsync("FLT-2");
        await Expect(rows.Nth(1)).ToContainTextAsync("FLT-3");

        // The page size travels in the address with the filters.
        await Page.Locator("a[data-page-size='50']").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("top=50"));
        await Expect(Page).ToHaveURLAsync(new Regex(@"f\.unitPrice="));
        await Expect(rows).ToHaveCountAsync(2);
        await Screenshot("items-filtered");

        await Page.GetByTestId("saved-views").Locator("summary").ClickAsync();
        await Page.GetByLabel("View name").FillAsync("Mid-priced FLT");
        await Page.GetByTestId("save-view").ClickAsync();
        await Expect(Page.GetByTestId("saved-view")).ToHaveTextAsync("Mid-priced FLT");

        // A bad expression is told next to its filter; the page still works.
        await Page.GotoAsync("/items?f.unitPrice=ten");
        await Expect(Page.Locator("[data-field-error=unitPrice]")).ToContainTextAsync("not a number");
        await Expect(Page.Locator("input[data-filter=unitPrice]")).ToHaveValueAsync("ten");
        await Screenshot("items-bad-filter");

        await Page.GotoAsync("/items");
        await Page.GetByTestId("saved-views").Locator("summary").ClickAsync();
        await Page.GetByTestId("saved-view").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("top=50"));
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(Page.Locator("input[data-filter=unitPrice]")).ToHaveValueAsync("10..30");

        await Page.GetByTestId("saved-views").Locator("summary").ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Delete view Mid-priced FLT" }).ClickAsync();
        await Expect(Page.GetByTestId("saved-view")).ToHaveCountAsync(0);
    });
}
