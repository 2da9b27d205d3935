using Microsoft.Playwright;

namespace Saas.UiTests;

/// <summary>
/// Debian's Chromium driven by Playwright. The browser is the system's (SAAS_TEST_CHROMIUM), never one
/// Playwright downloads: the test must run offline.
/// </summary>
public sealed class BrowserSession : IAsyncLifetime
{
    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("SAAS_TEST_CHROMIUM") is { Length: > 0 } configured
            ? configured
            : "/usr/bin/chromium";
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = Arguments,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
    }
}
