using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Saas.UiTests;

/// <summary>
/// Background jobs from the browser: the menu leads an administrator to the jobs page, a rebuild started there opens
/// the job's page, which follows its progress until it has succeeded; an audit log export started with a filter
/// ends with a download; both are then found (and filtered) in the jobs list.
/// </summary>
public sealed class an_administrator_follows_a_background_job_from_the_menu_to_its_end(ITestOutputHelper output) : UiTest(output)
{
    // The job page reloads itself every second while the job runs; a rebuild on a busy machine takes a while.
    private static readonly LocatorAssertionsToHaveTextOptions UntilDone = new() { Timeout = 120_000 };

    [Fact]
    public Task a_rebuild_and_an_export_run_to_their_end_and_are_listed() => Flow(async () =>
    {
        await Server.EnsurePersonAsync(AppServer.AdministratorOfBoth, "Administrator", AppServer.Contoso, AppServer.Fabrikam);
        await SignIn(AppServer.AdministratorOfBoth);

        await Page.Locator("#main-menu").GetByRole(AriaRole.Link, new() { Name = "Background Jobs" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/jobs$"));
        await Page.GetByTestId("start-rebuild").ClickAsync();

        // The job's own page: its status and progress, until the rebuild has succeeded with every step counted.
        await Expect(Page).ToHaveURLAsync(new Regex("/jobs/[0-9a-f-]{36}$"));
        var rebuildUrl = Page.Url;
        await Expect(Page.GetByTestId("job-status")).ToHaveTextAsync(new Regex("Running|Succeeded"));
        await Expect(Page.GetByTestId("job-status")).ToHaveTextAsync("Succeeded", UntilDone);
        await Expect(Page.GetByTestId("job-progress")).ToHaveTextAsync(new Regex(@"^(\d+) of \1 \(100 %\)$"));
        await Expect(Page.GetByTestId("job-message")).ToContainTextAsync("Rebuilt");
        await Expect(Page.GetByTestId("cancel-job")).ToHaveCountAsync(0);
        await Screenshot("rebuild-done");

        // An export of the audit log as the page filters it.
        await Page.GotoAsync("/auditLog?f.action=" + Uri.EscapeDataString("Invitation*"));
        await Page.GetByTestId("export-csv").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/jobs/[0-9a-f-]{36}$"));
        await Expect(Page.GetByTestId("job-status")).ToHaveTextAsync("Succeeded", UntilDone);
        await Expect(Page.GetByTestId("download")).ToBeVisibleAsync();

        // Both are in the jobs list, newest first, and the list filters like every other.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Your jobs" }).ClickAsync();
        var rows = Page.GetByTestId("job-row");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(0)).ToContainTextAsync("Audit log export");
        await Expect(rows.Nth(1)).ToContainTextAsync("Rebuild lists");
        await Expect(rows.Nth(1)).ToContainTextAsync("Succeeded");

        await Page.GetByTestId("filter-pane").Locator("summary").ClickAsync();
        await Page.Locator("input[data-filter=kind]").FillAsync("rebuild*");
        await Page.Locator("input[data-filter=started]").FillAsync("t");
        await Page.GetByTestId("apply-filters").ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.Nth(0)).ToContainTextAsync("Rebuild lists");
        await Screenshot("jobs-filtered");
        await rows.Nth(0).Locator("a").ClickAsync();
        await Expect(Page).ToHaveURLAsync(rebuildUrl);
        await Expect(Page.GetByTestId("job-status")).ToHaveTextAsync("Succeeded");
    });
}
