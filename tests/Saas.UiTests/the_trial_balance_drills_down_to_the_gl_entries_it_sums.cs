using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using Accounts = Saas.Write.Finance.Setup.DefaultFinanceSetup.Accounts;

namespace Saas.UiTests;

/// <summary>
/// BC's drill-down on the trial balance: a net change opens the G/L entries of that account in the trial balance's
/// date range, a balance-sheet account's balance those up to the range's end, and the entries shown add up to the
/// amount that was clicked. The chart of accounts' balance opens every entry of the account.
/// </summary>
public sealed class the_trial_balance_drills_down_to_the_gl_entries_it_sums(ITestOutputHelper output) : UiTest(output)
{
    [Fact]
    public Task an_accountant_opens_the_entries_behind_net_change_and_balance() => Flow(async () =>
    {
        await Server.EnsurePersonAsync(AppServer.AdministratorOfBoth, "Administrator", AppServer.Contoso, AppServer.Fabrikam);
        await SignIn(AppServer.AdministratorOfBoth, startAt: "/items");
        var company = (await Page.GetByTestId("company-name").InnerTextAsync()).Trim();
        var companyId = company.Contains("Contoso", StringComparison.Ordinal) ? AppServer.Contoso : AppServer.Fabrikam;
        var itemRow = Page.Locator("table.list tbody tr", new() { HasText = "Touring bicycle" });
        var item = (await itemRow.GetByRole(AriaRole.Link).InnerTextAsync()).Trim();

        // One posting in January, one in February (outside the range) and one in December before it.
        await Postings.AdjustAsync(Server, companyId, item, 4, 800, new DateOnly(2027, 1, 15));
        await Postings.AdjustAsync(Server, companyId, item, 1, 800, new DateOnly(2027, 2, 10));
        await Postings.AdjustAsync(Server, companyId, item, 2, 100, new DateOnly(2026, 12, 20));

        await Page.GotoAsync("/trialBalance");
        await Page.GetByLabel("From", new() { Exact = true }).FillAsync("2027-01-01");
        await Page.GetByLabel("To", new() { Exact = true }).FillAsync("2027-01-31");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        var inventory = Page.GetByTestId($"account-{Accounts.Inventory}");
        await Expect(inventory.GetByTestId("debit")).ToHaveTextAsync("3,200.00");
        await Expect(inventory.GetByTestId("balance")).ToHaveTextAsync("3,400.00");
        await Screenshot("trial-balance");

        // Net change: the account's entries in January, adding up to the debit.
        await inventory.GetByTestId("debit").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"/generalLedgerEntries\\?account={Accounts.Inventory}&from=2027-01-01&to=2027-01-31$"));
        Assert.Equal(3200m, await SumOfAmountsAsync(expectedRows: 1));
        await Page.GoBackAsync();

        // The other side of the same postings, a credit.
        var counter = Page.GetByTestId($"account-{Accounts.InventoryAdjustment}");
        var credit = ParseAmount(await counter.GetByTestId("credit").InnerTextAsync());
        await counter.GetByTestId("credit").ClickAsync();
        Assert.Equal(-credit, await SumOfAmountsAsync(expectedRows: 1));
        await Page.GoBackAsync();

        // A balance-sheet account's balance: every entry up to the end of the range, February's not included.
        await inventory.GetByTestId("balance").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"/generalLedgerEntries\\?account={Accounts.Inventory}&to=2027-01-31$"));
        Assert.Equal(3400m, await SumOfAmountsAsync(expectedRows: 2));
        await Screenshot("balance-entries");

        // The chart of accounts' balance: all of the account's entries.
        await Page.GotoAsync("/accounts");
        var balance = Page.GetByTestId($"balance-{Accounts.Inventory}");
        await Expect(balance).ToHaveTextAsync("4,200.00");
        await balance.ClickAsync();
        Assert.Equal(4200m, await SumOfAmountsAsync(expectedRows: 3));
    });

    private async Task<decimal> SumOfAmountsAsync(int expectedRows)
    {
        var rows = Page.Locator("table.list tbody tr");
        await Expect(rows).ToHaveCountAsync(expectedRows);
        var amounts = await rows.Locator("td:nth-child(6)").AllInnerTextsAsync(); // Amount
        return amounts.Sum(ParseAmount);
    }

    private static decimal ParseAmount(string text) => decimal.Parse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture);
}
