using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Saas.UiTests;

/// <summary>
/// The whole tenant promise through the browser: a person who works for two companies creates an item in
/// one, and the other company never shows it, however the person switches back and forth.
/// </summary>
public sealed class a_user_of_two_companies_sees_each_company_own_items(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Email = AppServer.AdministratorOfBoth;

    private readonly AppServer server = new();
    private readonly BrowserSession browser = new();
    private IPage page = null!;

    public async Task InitializeAsync()
    {
        await server.InitializeAsync();
        await browser.InitializeAsync();
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 860 },
        });
        context.SetDefaultTimeout(15_000);
        page = await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task an_item_created_in_one_company_is_missing_in_the_other_and_back_again()
    {
        try
        {
            await RunFlow();
        }
        catch
        {
            await Screenshot("failure");
            foreach (var line in server.Log.Lines)
            {
                output.WriteLine(line);
            }

            throw;
        }
    }

    private async Task RunFlow()
    {
        // Signing in starts at a protected page: the app must send us to the sign-in form and back.
        await page.GotoAsync("/items");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await page.GetByLabel("E-mail").FillAsync(Email);
        await page.GetByLabel("Password").FillAsync(AppServer.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Items", Exact = true })).ToBeVisibleAsync();

        var first = await CompanyName();
        var companies = await page.Locator("select[name=tenantId] option").AllInnerTextsAsync();
        Assert.True(companies.Count >= 2, $"Anna should see both companies in the switcher, saw: {string.Join(", ", companies)}");
        var second = companies.First(c => c != first);

        // A number neither company has, so "not in the list" can only mean isolation, not a name clash.
        var number = "UI-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        await page.GetByTestId("new").ClickAsync();
        await page.GetByLabel("No.", new() { Exact = true }).FillAsync(number);
        await page.GetByLabel("Description").FillAsync("Touring bicycle (UI test)");
        await page.GetByLabel("Unit Price").FillAsync("1234.5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Items", Exact = true })).ToBeVisibleAsync();
        var row = page.Locator("table.list tbody tr", new() { HasText = number });
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("1,234.50");
        await Screenshot("items-after-create");

        await SwitchTo(second);
        await page.GotoAsync("/items?q=" + number);
        await Expect(page.GetByTestId("empty-state")).ToBeVisibleAsync();
        await Expect(page.Locator("table.list tbody tr", new() { HasText = number })).ToHaveCountAsync(0);
        await Screenshot("items-in-other-company");

        await SwitchTo(first);
        await page.GotoAsync("/items?q=" + number);
        await Expect(page.Locator("table.list tbody tr", new() { HasText = number })).ToBeVisibleAsync();
    }

    private async Task SwitchTo(string company)
    {
        await page.Locator("select[name=tenantId]").SelectOptionAsync(new SelectOptionValue { Label = company });
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch" }).ClickAsync();
        await Expect(page.GetByTestId("company-name")).ToHaveTextAsync(company);
    }

    private async Task<string> CompanyName() => (await page.GetByTestId("company-name").InnerTextAsync()).Trim();

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static IPageAssertions Expect(IPage target) => Assertions.Expect(target);

    private async Task Screenshot(string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{nameof(a_user_of_two_companies_sees_each_company_own_items)}-{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"Screenshot: {path}");
    }
}
