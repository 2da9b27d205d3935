using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Saas.Tests.Identity.TwoFactor;
using Xunit.Abstractions;

namespace Saas.UiTests;

/// <summary>
/// Contoso's administrator requires two-factor sign-in; a colleague signing in next is sent to set it up (QR code and
/// key), turns it on with a code from the app, keeps the recovery codes, and from then on signs in with a code.
/// </summary>
public sealed class an_administrator_requires_two_factor_sign_in_and_a_colleague_sets_it_up(ITestOutputHelper output) : UiTest(output)
{
    [Fact]
    public Task requirement_setup_and_second_step_through_the_pages() => Flow(async () =>
    {
        await SignIn("anna@contoso.example");
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Sign-in security" }).ClickAsync();
        await Page.GetByTestId("require-two-factor").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Page.GetByTestId("sign-in-message")).ToContainTextAsync("now required");
        await Screenshot("required");

        var colleague = await Page.Context.Browser!.NewPageAsync(new BrowserNewPageOptions { BaseURL = Server.BaseAddress.ToString() });
        await colleague.GotoAsync("/account/login?returnUrl=%2Fitems");
        await colleague.GetByLabel("E-mail").FillAsync("alex@contoso.example");
        await colleague.GetByLabel("Password").FillAsync(AppServer.DemoPassword);
        await colleague.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        // Alex signs in to Contoso (the first company) and is sent to set it up before anything else opens.
        await Expect(colleague).ToHaveURLAsync(new Regex("/account/two-factor/setup$"));
        await Expect(colleague.GetByText("Your company requires two-factor sign-in")).ToBeVisibleAsync();
        await Expect(colleague.GetByRole(AriaRole.Img, new() { Name = "QR code to add Trade to your authenticator app" })).ToBeVisibleAsync();
        var key = (await colleague.GetByTestId("authenticator-key").InnerTextAsync()).Replace(" ", "");
        await colleague.GetByLabel("Code").FillAsync(Totp.Code(key, Totp.StepNow));
        await colleague.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        await Expect(colleague.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);
        await Screenshot("recovery-codes");

        await colleague.GetByRole(AriaRole.Link, new() { Name = "Continue" }).ClickAsync();
        await Expect(colleague).ToHaveURLAsync(new Regex("/items$"));
        await Expect(colleague.GetByTestId("company-name")).ToHaveTextAsync("Contoso Trading");
        await colleague.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await colleague.GotoAsync("/account/login?returnUrl=%2Fitems");
        await colleague.GetByLabel("E-mail").FillAsync("alex@contoso.example");
        await colleague.GetByLabel("Password").FillAsync(AppServer.DemoPassword);
        await colleague.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(colleague).ToHaveURLAsync(new Regex("/account/two-factor$"));
        await colleague.GetByLabel("Code").FillAsync(Totp.Code(key, Totp.StepNow + 1));
        await colleague.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await Expect(colleague).ToHaveURLAsync(new Regex("/items$"));
        await Expect(colleague.GetByTestId("company-name")).ToHaveTextAsync("Contoso Trading");
    });
}
