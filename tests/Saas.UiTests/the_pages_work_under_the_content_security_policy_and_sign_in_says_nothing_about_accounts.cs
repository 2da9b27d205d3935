using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Saas.UiTests;

/// <summary>
/// Issue 9 in a real browser: every page keeps working under the strict content security policy (no inline script,
/// no inline style: Chromium would report each blocked one on the console), and the sign-in page answers an unknown
/// e-mail exactly as a wrong password, until both are held back alike.
/// </summary>
public sealed class the_pages_work_under_the_content_security_policy_and_sign_in_says_nothing_about_accounts(ITestOutputHelper output)
    : UiTest(output)
{
    [Fact]
    public Task signed_in_pages_render_without_a_single_policy_violation() => Flow(async () =>
    {
        var violations = new List<string>();
        Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };

        await SignIn(AppServer.AdministratorOfBoth, startAt: "/items");
        foreach (var page in new[] { "/items", "/customers", "/locations", "/transferOrders", "/itemJournal", "/trialBalance" })
        {
            var response = await Page.GotoAsync(page);
            Assert.Equal("DENY", await response!.HeaderValueAsync("x-frame-options"));
        }

        var css = await Page.EvaluateAsync<int>("() => document.styleSheets.length");
        Assert.True(css >= 1, "the stylesheet did not load");

        // The company switcher submits on change through its script file (no inline handler).
        await Page.GotoAsync("/items");
        var switcher = Page.Locator("#tenant-switcher");
        var current = await switcher.InputValueAsync();
        var other = (await switcher.Locator("option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)")).First(v => v != current);
        var posted = await Page.RunAndWaitForResponseAsync(
            () => switcher.SelectOptionAsync(other), response => response.Url.Contains("/account/switch-tenant", StringComparison.Ordinal));
        Assert.Equal(302, posted.Status);
        await Expect(Page.Locator("#tenant-switcher")).ToHaveValueAsync(other);
        Assert.Empty(violations);
    });

    [Fact]
    public Task an_unknown_email_and_a_wrong_password_read_the_same() => Flow(async () =>
    {
        async Task<string> Attempt(string email)
        {
            await Page.GotoAsync("/account/login");
            await Page.GetByLabel("E-mail").FillAsync(email);
            await Page.GetByLabel("Password").FillAsync("not the password");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
            await Expect(Page).ToHaveURLAsync(new Regex("/account/login\\?error="));
            return await Page.GetByTestId("login-error").InnerTextAsync();
        }

        var wrong = await Attempt(AppServer.AdministratorOfBoth);
        var unknown = await Attempt($"nobody-{Guid.NewGuid():N}@example.test");

        Assert.Equal(wrong, unknown);
        Assert.Contains("not correct", wrong);
        await Screenshot("unknown-email");
    });
}
