using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Saas.UiTests;

/// <summary>
/// One fresh server and one browser page per test class. On failure a test leaves a full-page screenshot in
/// the test output directory (screenshots/) and the server's warnings in the test output.
/// </summary>
public abstract class UiTest(ITestOutputHelper output) : IAsyncLifetime
{
    // Playwright's assertions wait 5 s by default; a busy two-core machine (CI runs the UI tests beside the rest of
    // the suite) can take longer to start a circuit or render a page. The wait ends as soon as the page is right.
    static UiTest() => Assertions.SetDefaultExpectTimeout(15_000);

    protected AppServer Server { get; } = new();

    private readonly BrowserSession browser = new();

    protected IPage Page { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        await browser.InitializeAsync();
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 860 },
        });
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(30_000);
        Page = await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        await Server.DisposeAsync();
    }

    /// <summary>Runs a browser flow; on failure records what the page and the server looked like.</summary>
    protected async Task Flow(Func<Task> steps)
    {
        try
        {
            await steps();
        }
        catch
        {
            await Screenshot("failure");
            foreach (var line in Server.Log.Lines)
            {
                output.WriteLine(line);
            }

            throw;
        }
    }

    /// <summary>Signs in through the real form, starting from a protected page as a user would.</summary>
    protected async Task SignIn(string email, string startAt = "/")
    {
        await Page.GotoAsync(startAt);
        await Expect(Page).ToHaveURLAsync(new Regex("/account/login"));
        await Page.GetByLabel("E-mail").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(AppServer.DemoPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(Page).Not.ToHaveURLAsync(new Regex("/account/login"));
    }

    protected async Task Screenshot(string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{GetType().Name}-{name}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"Screenshot: {path}");
    }

    /// <summary>
    /// A person's typing pace (about eight keys a second) for interactive fields: each key is a round trip to the
    /// circuit, and at a script's pace (no pause at all) a busy server's render can overtake the keys still in flight.
    /// </summary>
    protected static readonly LocatorPressSequentiallyOptions Typing = new() { Delay = 120 };

    /// <summary>
    /// Waits until an island's input is live (its circuit is up and it has left its prerendered form). Typing before
    /// that is kept by forms.js, but the lookup tests are about the interactive behaviour, not the hand-over.
    /// </summary>
    protected static Task ExpectInteractive(ILocator input) => Expect(input).Not.ToHaveAttributeAsync("data-prerendered", "");

    protected static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    protected static IPageAssertions Expect(IPage page) => Assertions.Expect(page);
}
