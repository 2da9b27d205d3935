using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Saas.UiTests;

/// <summary>
/// Issue 10: axe-core finds no serious or critical violation on the main pages, on a desktop (1366 px) and on a phone
/// (390 px); invalid fields say so to assistive technology and point at their message, and a sorted column says
/// which way it sorts.
/// </summary>
public sealed class the_main_pages_pass_an_automated_accessibility_check(ITestOutputHelper output) : UiTest(output)
{
    private static readonly int[] Widths = [1366, 390];

    [Fact]
    public Task main_pages_have_no_serious_violations_at_desktop_and_phone_widths() => Flow(async () =>
    {
        await Axe.InstallAsync(Page.Context);
        var found = new List<string>();

        async Task Check(string name)
        {
            foreach (var width in Widths)
            {
                await Page.SetViewportSizeAsync(width, 860);
                found.AddRange((await Axe.SeriousViolationsAsync(Page)).Select(v => $"{name} at {width}px: {v}"));
            }
        }

        await Page.GotoAsync("/account/login");
        await Check("sign-in");

        await SignIn(AppServer.AdministratorOfBoth, startAt: "/items");
        var itemCard = await Page.Locator("table.list tbody tr a").First.GetAttributeAsync("href");
        var pages = new[]
        {
            "/", "/items", itemCard!, "/itemLedgerEntries", "/trialBalance", "/itemJournal", "/transferOrders/new", "/people",
        };
        foreach (var page in pages)
        {
            await Page.GotoAsync(page);
            await Check(page);
        }

        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    });

    [Fact]
    public Task an_invalid_field_points_at_its_message_and_a_sorted_column_says_its_order() => Flow(async () =>
    {
        await SignIn(AppServer.AdministratorOfBoth, startAt: "/items/new");
        await Page.GetByLabel("Description").FillAsync("");
        await Page.GetByLabel("Unit Price").FillAsync("not a number");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        var price = Page.GetByLabel("Unit Price");
        await Expect(price).ToHaveAttributeAsync("aria-invalid", "true");
        var describedBy = await price.GetAttributeAsync("aria-describedby");
        Assert.False(string.IsNullOrEmpty(describedBy));
        await Expect(Page.Locator($"[id='{describedBy!.Split(' ')[0]}']")).ToHaveAttributeAsync("data-field-error", "unitPrice");
        await Expect(Page.GetByLabel("Base Unit of Measure")).Not.ToHaveAttributeAsync("aria-invalid", new Regex("."));

        await Page.GotoAsync("/items");
        var header = Page.Locator("th").Filter(new() { HasText = "Description" });
        await header.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(Page.Locator("th").Filter(new() { HasText = "Description" })).ToHaveAttributeAsync("aria-sort", "ascending");
        await Page.Locator("th").Filter(new() { HasText = "Description" }).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(Page.Locator("th").Filter(new() { HasText = "Description" })).ToHaveAttributeAsync("aria-sort", "descending");
        await Expect(Page.Locator("th[aria-sort]")).ToHaveCountAsync(1);
    });
}
