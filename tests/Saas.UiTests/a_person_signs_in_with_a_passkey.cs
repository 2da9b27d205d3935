using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Saas.UiTests;

/// <summary>
/// Alex adds a passkey (Chromium's virtual authenticator: a platform authenticator that verifies the user), signs in
/// with it from the sign-in page without e-mail or password, passes a company's two-factor requirement with it after a
/// password, and after removing it is refused with it. WebAuthn needs a domain, not an IP address, so this browser
/// context reaches the server as <c>localhost</c>.
/// </summary>
public sealed class a_person_signs_in_with_a_passkey(ITestOutputHelper output) : UiTest(output)
{
    [Fact]
    public Task add_sign_in_second_step_and_remove_through_the_pages() => Flow(async () =>
    {
        var address = new UriBuilder(Server.BaseAddress) { Host = "localhost" }.Uri;
        var context = await Page.Context.Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = address.ToString() });
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(30_000);
        var alex = await context.NewPageAsync();
        var cdp = await context.NewCDPSessionAsync(alex);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });

        await PasswordSignIn(alex);
        await Expect(alex).ToHaveURLAsync(new Regex("/items$"));
        await alex.GetByRole(AriaRole.Link, new() { Name = "Passkeys" }).ClickAsync();
        await Expect(alex.GetByTestId("no-passkeys")).ToBeVisibleAsync();
        await alex.GetByLabel("Name").FillAsync("Alex's laptop");
        await alex.GetByTestId("add-passkey").ClickAsync();
        await Expect(alex.GetByTestId("passkey-message")).ToContainTextAsync("Alex's laptop");
        await Expect(alex.GetByTestId("passkey-row")).ToHaveCountAsync(1);
        await Expect(alex.GetByTestId("passkey-row")).ToContainTextAsync("Alex's laptop");

        // Signed out, the sign-in page's passkey button signs Alex in: no e-mail address, no password.
        await alex.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await alex.GotoAsync("/account/login?returnUrl=%2Fitems");
        await alex.GetByTestId("passkey-sign-in").ClickAsync();
        await Expect(alex).ToHaveURLAsync(new Regex("/items$"));
        await Expect(alex.GetByTestId("company-name")).ToHaveTextAsync("Contoso Trading");
        await alex.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        // Contoso requires two-factor sign-in; Alex has no authenticator app, but the passkey passes the second step.
        await SignIn("anna@contoso.example");
        await Page.GotoAsync("/company/sign-in");
        await Page.GetByTestId("require-two-factor").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Page.GetByTestId("sign-in-message")).ToContainTextAsync("now required");
        await PasswordSignIn(alex);
        await Expect(alex).ToHaveURLAsync(new Regex("/account/two-factor$"));
        await alex.GetByTestId("two-factor-passkey").ClickAsync();
        await Expect(alex).ToHaveURLAsync(new Regex("/items$"));
        await Expect(alex.GetByTestId("company-name")).ToHaveTextAsync("Contoso Trading");

        // Removed, the passkey (still on the device) signs no one in.
        await alex.GotoAsync("/account/passkeys");
        await alex.GetByRole(AriaRole.Button, new() { Name = "Remove passkey Alex's laptop" }).ClickAsync();
        await Expect(alex.GetByTestId("no-passkeys")).ToBeVisibleAsync();
        await alex.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await alex.GotoAsync("/account/login?returnUrl=%2Fitems");
        await alex.GetByTestId("passkey-sign-in").ClickAsync();
        await Expect(alex.GetByTestId("login-error")).ToContainTextAsync("did not sign you in");
        await context.CloseAsync();
    });

    private static async Task PasswordSignIn(IPage page)
    {
        await page.GotoAsync("/account/login?returnUrl=%2Fitems");
        await page.GetByLabel("E-mail").FillAsync("alex@contoso.example");
        await page.GetByLabel("Password").FillAsync(AppServer.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }
}
