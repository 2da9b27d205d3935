using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Saas.Read.Common;
using Saas.Tenancy.Context;
using Saas.Write.Inventory;
using Xunit.Abstractions;

namespace Saas.UiTests;

/// <summary>
/// Posted transfer shipments have the lists' filter pane: a posting-date range keeps the shipments of those days,
/// a number filter one shipment, and the filters are saved as a view of the shipments' list.
/// </summary>
public sealed class posted_transfers_are_filtered_by_a_posting_date_range(ITestOutputHelper output) : UiTest(output)
{
    [Fact]
    public Task the_shipments_of_a_date_range_are_shown_and_kept_as_a_view() => Flow(async () =>
    {
        await Server.EnsurePersonAsync(AppServer.AdministratorOfBoth, "Administrator", AppServer.Contoso, AppServer.Fabrikam);
        await using (var scope = await Server.Services.GetRequiredService<TenantScopes>().BeginScope(AppServer.Contoso))
        {
            var created = await scope.Services.GetRequiredService<CreateItemHandler>().HandleAsync(new CreateItem { Number = "PTF-1", DisplayName = "Shipped" });
            Assert.True(await scope.Services.GetRequiredService<ReadPositions>().WaitAsync(created.ReadPosition, TimeSpan.FromSeconds(60)));
        }

        await Postings.AdjustAsync(Server, AppServer.Contoso, "PTF-1", 10, 5, new DateOnly(2027, 1, 2));
        var early = await Postings.ShipAsync(Server, AppServer.Contoso, "PTF-1", 1, new DateOnly(2027, 1, 5), "PTF-A");
        var late = await Postings.ShipAsync(Server, AppServer.Contoso, "PTF-1", 2, new DateOnly(2027, 1, 20), "PTF-B");

        await SignIn(AppServer.AdministratorOfBoth, startAt: "/postedTransfers");
        var rows = Page.Locator("table[data-testid=posted-transfers] tbody tr");
        await Page.GetByTestId("filter-pane").Locator("summary").ClickAsync();
        await Page.Locator("input[data-filter=postingDate]").FillAsync("2027-01-01..2027-01-10");
        await Page.Locator("input[data-filter=transferFromCode]").FillAsync("main");
        await Page.GetByTestId("apply-filters").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"f\.postingDate=2027-01-01\.\.2027-01-10"));
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.Nth(0)).ToContainTextAsync(early.DocumentNo);
        await Expect(rows.Nth(0)).ToContainTextAsync("2027-01-05");
        await Screenshot("posted-shipments-filtered");

        await Page.GetByTestId("saved-views").Locator("summary").ClickAsync();
        await Page.GetByLabel("View name").FillAsync("Early January");
        await Page.GetByTestId("save-view").ClickAsync();
        await Expect(Page.GetByTestId("saved-view")).ToHaveTextAsync("Early January");

        await Page.GotoAsync("/postedTransfers?f.postingDate=2027-01-11..");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.Nth(0)).ToContainTextAsync(late.DocumentNo);

        // The view opens the same filtered list again; the receipts' list has views of its own.
        await Page.GotoAsync("/postedTransfers");
        await Page.GetByTestId("saved-views").Locator("summary").ClickAsync();
        await Page.GetByTestId("saved-view").ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.Nth(0)).ToContainTextAsync(early.DocumentNo);
        await Page.GotoAsync("/postedTransferReceipts");
        await Expect(Page.GetByTestId("saved-view")).ToHaveCountAsync(0);
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Posted Transfer Receipts");
    });
}
