using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Saas.UiTests;

/// <summary>
/// The chart of accounts has the lists' filter pane: a range of account numbers or alternatives narrow it to exactly
/// those accounts, a flag filter takes Yes/No, and a bad value is told next to its field.
/// </summary>
public sealed class the_chart_of_accounts_is_filtered_by_a_number_range(ITestOutputHelper output) : UiTest(output)
{
    [Fact]
    public Task an_accountant_filters_the_accounts_by_a_range_and_by_alternatives() => Flow(async () =>
    {
        await Server.EnsurePersonAsync(AppServer.AdministratorOfBoth, "Administrator", AppServer.Contoso, AppServer.Fabrikam);
        await SignIn(AppServer.AdministratorOfBoth, startAt: "/accounts");
        var rows = Page.Locator("table[data-testid=accounts] tbody tr");

        // The default chart's inventory accounts: 1300 Inventory, 1310 interim, 1320 in transit.
        await Page.GetByTestId("filter-pane").Locator("summary").ClickAsync();
        await Page.Locator("input[data-filter=number]").FillAsync("1300..1320");
        await Page.GetByTestId("apply-filters").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"f\.number=1300\.\.1320"));
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.Nth(0).Locator("td").First).ToHaveTextAsync("1300");
        await Expect(rows.Nth(1).Locator("td").First).ToHaveTextAsync("1310");
        await Expect(rows.Nth(2).Locator("td").First).ToHaveTextAsync("1320");
        await Expect(Page.GetByTestId("pager-summary")).ToHaveTextAsync("1–3 of 3");
        await Screenshot("accounts-range");

        // Alternatives, combined with a flag filter; the sort header keeps the filters.
        await Page.GotoAsync("/accounts?f.number=1100|4000|6000&f.blocked=No&sort=number");
        await Expect(rows).ToHaveCountAsync(3);
        await Page.Locator("th a", new() { HasText = "No." }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("sort=-number"));
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.Nth(0).Locator("td").First).ToHaveTextAsync("6000");
        await Expect(rows.Nth(2).Locator("td").First).ToHaveTextAsync("1100");

        await Page.GotoAsync("/accounts?f.blocked=perhaps");
        await Expect(Page.Locator("[data-field-error=blocked]")).ToContainTextAsync("neither Yes nor No");
        await Expect(rows).ToHaveCountAsync(0);
    });
}
