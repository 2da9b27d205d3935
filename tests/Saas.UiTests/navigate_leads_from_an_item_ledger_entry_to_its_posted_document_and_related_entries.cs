using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Saas.UiTests;

/// <summary>
/// BC's Navigate and drill-downs through the pages: an item ledger entry of a posted transfer shipment links to the
/// shipment's card (header and lines, read only) and to Navigate, which shows the shipment and counts every entry it
/// wrote, each count opening exactly those entries; the entry leads on to its value entries and a value entry to its
/// G/L entries. The same card's address in the other company is the not-found page.
/// </summary>
public sealed class navigate_leads_from_an_item_ledger_entry_to_its_posted_document_and_related_entries(ITestOutputHelper output) : UiTest(output)
{
    [Fact]
    public Task the_administrator_follows_a_shipment_entry_to_its_document_and_its_value_and_gl_entries() => Flow(async () =>
    {
        await Server.EnsurePersonAsync(AppServer.AdministratorOfBoth, "Administrator", AppServer.Contoso, AppServer.Fabrikam);
        await SignIn(AppServer.AdministratorOfBoth, startAt: "/items");
        var company = (await Page.GetByTestId("company-name").InnerTextAsync()).Trim();
        var companyId = company.Contains("Contoso", StringComparison.Ordinal) ? AppServer.Contoso : AppServer.Fabrikam;
        var itemRow = Page.Locator("table.list tbody tr", new() { HasText = "Touring bicycle" });
        var item = (await itemRow.GetByRole(AriaRole.Link).InnerTextAsync()).Trim();

        await Postings.AdjustAsync(Server, companyId, item, 5, 800, new DateOnly(2027, 1, 15));
        var shipment = await Postings.ShipAsync(Server, companyId, item, 3, new DateOnly(2027, 1, 16), "STORE");

        // The entry that left MAIN names the shipment: its document number opens the shipment's card.
        await Page.GotoAsync("/itemLedgerEntries?document=" + shipment.DocumentNo);
        var leaving = Page.Locator("table.list tbody tr", new() { HasText = "MAIN" });
        await Expect(leaving).ToContainTextAsync("-3");
        await leaving.GetByRole(AriaRole.Link, new() { Name = shipment.DocumentNo, Exact = true }).ClickAsync();
        await Expect(Page.Locator("h1")).ToHaveTextAsync($"Posted Transfer Shipment {shipment.DocumentNo}");
        await Expect(Page.Locator("#f-postingDate")).ToHaveTextAsync("2027-01-16");
        await Expect(Page.Locator("#f-transferToCode")).ToHaveTextAsync("STORE");
        var line = Page.GetByTestId("posted-line-10000");
        await Expect(line).ToContainTextAsync(item);
        await Expect(line).ToContainTextAsync("Touring bicycle");
        await Expect(line.Locator("td").Last).ToHaveTextAsync("3");
        await Expect(Page.Locator("main input, main select, main textarea")).ToHaveCountAsync(0); // nothing to change on a posted document
        await Screenshot("shipment-card");
        var card = Page.Url;

        // Navigate from the entry: the shipment on top, then every table the shipment wrote to.
        await Page.GoBackAsync();
        await leaving.GetByRole(AriaRole.Link, new() { Name = "Navigate", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/navigate\\?document=" + shipment.DocumentNo + "&postingDate=2027-01-16$"));
        await Expect(Page.GetByTestId("navigate-document")).ToContainTextAsync("Posted Transfer Shipment");
        await Expect(Page.GetByTestId("navigate-document").GetByRole(AriaRole.Link, new() { Name = shipment.DocumentNo })).ToHaveAttributeAsync("href", new Uri(card).AbsolutePath);
        await Expect(Page.GetByTestId("related-ile")).ToContainTextAsync("2");
        await Expect(Page.GetByTestId("related-register")).ToContainTextAsync("1");
        var glCount = int.Parse((await Page.GetByTestId("related-gl").Locator("td").Last.InnerTextAsync()).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        await Screenshot("navigate");

        await Page.GetByTestId("related-ile").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(Page.Locator("table.list tbody tr")).ToHaveCountAsync(2);
        await Expect(Page.GetByTestId("pager-summary")).ToHaveTextAsync("1–2 of 2");
        await Page.GoBackAsync();
        await Page.GetByTestId("related-gl").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(Page.Locator("table.list tbody tr")).ToHaveCountAsync(glCount);
        foreach (var row in await Page.Locator("table.list tbody tr").AllAsync())
        {
            await Expect(row).ToContainTextAsync(shipment.DocumentNo);
        }

        // Related entries: the entry that arrived in transit → its value entries → the G/L entries of one of them.
        await Page.GotoAsync("/itemLedgerEntries?document=" + shipment.DocumentNo);
        var arriving = Page.Locator("table.list tbody tr", new() { HasText = "IN-TRANSIT" });
        var entryNo = (await arriving.Locator("td").First.InnerTextAsync()).Trim();
        await arriving.GetByRole(AriaRole.Link, new() { Name = "Value Entries", Exact = true }).ClickAsync();
        await Expect(Page.GetByTestId("linked-entries")).ToContainTextAsync($"item ledger entry {entryNo}");
        var values = Page.Locator("table.list tbody tr");
        await Expect(values).ToHaveCountAsync(1);
        await Expect(values.First.GetByRole(AriaRole.Link, new() { Name = entryNo, Exact = true })).ToBeVisibleAsync();
        var cost = (await values.First.Locator("td").Nth(9).InnerTextAsync()).Trim(); // Cost Amount (Actual)
        Assert.Equal("2,400.00", cost);
        await values.First.GetByRole(AriaRole.Link, new() { Name = "G/L Entries", Exact = true }).ClickAsync();
        await Expect(Page.GetByTestId("linked-entries")).ToContainTextAsync("G/L entries posted for value entry");
        var gl = Page.Locator("table.list tbody tr");
        await Expect(gl).ToHaveCountAsync(2);
        var amounts = await gl.Locator("td:nth-child(6)").AllInnerTextsAsync(); // Amount: inventory in transit and its counterpart
        Assert.Equal(["-2,400.00", "2,400.00"], amounts.Select(a => a.Trim()).Order(StringComparer.Ordinal));
        await Screenshot("gl-of-value-entry");

        // The card of another company's document is not found, and shows nothing of it.
        var other = (await Page.Locator("select[name=tenantId] option").AllInnerTextsAsync()).First(c => c.Trim() != company);
        await Page.Locator("select[name=tenantId]").SelectOptionAsync(new SelectOptionValue { Label = other });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Switch" }).ClickAsync();
        await Expect(Page.GetByTestId("company-name")).ToHaveTextAsync(other.Trim());
        await Page.GotoAsync(card);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
        await Expect(Page.GetByText(shipment.DocumentNo)).ToHaveCountAsync(0);
        await Page.GotoAsync("/navigate?document=" + shipment.DocumentNo);
        await Expect(Page.GetByTestId("empty-state")).ToBeVisibleAsync();
    });
}
