using System.Net;
using Saas.Tests.Hosting;
using static Saas.Tests.Identity.IdentityHost;
using static Saas.Tests.People.PeopleSteps;

namespace Saas.Tests.People;

/// <summary>
/// Forgot password answers alike for known and unknown addresses; the reset link arrives by mail, works once and
/// sets the new password. An account locked by failed sign-ins tells its owner by mail and lands in the audit log.
/// </summary>
public sealed class passwords_are_reset_by_mail_and_lockouts_are_told(PeopleFactory factory) : IClassFixture<PeopleFactory>
{
    [Fact]
    public async Task a_reset_link_from_the_mail_sets_a_new_password_once()
    {
        var (email, contoso, anna) = await NewPersonAsync("forgetful");
        var unknown = UniqueEmail("nobody");

        var known = await PostFormAsync(factory.Browser(), "/account/forgot-password", ("email", email));
        var stranger = await PostFormAsync(factory.Browser(), "/account/forgot-password", ("email", unknown));
        Assert.Equal(known.StatusCode, stranger.StatusCode);
        Assert.Equal("/account/forgot-password?sent=1", known.Headers.Location?.OriginalString);
        Assert.Equal(known.Headers.Location, stranger.Headers.Location);

        var mail = await factory.Smtp.WaitForAsync(email, m => m.Subject == "Reset your password");
        var link = SmtpSink.LinkTo(mail, "/account/reset-password");
        var browser = factory.Browser();
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(link)).StatusCode);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + link).Query);
        var token = query["token"].ToString();

        var weak = await PostFormAsync(browser, "/account/reset-password", ("email", email), ("token", token), ("password", "short"));
        Assert.Contains("error=password", weak.Headers.Location?.OriginalString);
        var reset = await PostFormAsync(browser, "/account/reset-password", ("email", email), ("token", token), ("password", "Brand-new-password-2026"));
        Assert.Equal("/account/login?reset=done", reset.Headers.Location?.OriginalString);
        await factory.SignedInAsync(email, "contoso", "Brand-new-password-2026");
        var replay = await PostFormAsync(factory.Browser(), "/account/reset-password", ("email", email), ("token", token), ("password", "Yet-another-password-2026"));
        Assert.Contains("error=token", replay.Headers.Location?.OriginalString);

        Assert.Empty(factory.Smtp.MessagesTo(unknown));
        var audit = (await anna.AuditAsync(contoso, $"?$search={Uri.EscapeDataString(email)}&$top=50")).GetRawText();
        Assert.Contains("Password reset requested", audit);
        Assert.Contains("\"Password reset\"", audit);
    }

    [Fact]
    public async Task an_account_locked_by_failed_sign_ins_tells_its_owner_and_the_audit_log()
    {
        var (email, contoso, anna) = await NewPersonAsync("guessed");
        HttpResponseMessage last = null!;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            last = await PostTokenAsync(factory.CreateClient(), ("grant_type", "password"), ("username", email), ("password", "wrong password " + attempt));
        }

        Assert.Equal(HttpStatusCode.BadRequest, last.StatusCode);
        var mail = await factory.Smtp.WaitForAsync(email, m => m.Subject == "Your account was locked after failed sign-ins");
        Assert.Contains("/account/forgot-password", mail.TextBody);
        var audit = (await anna.AuditAsync(contoso, "?action=" + Uri.EscapeDataString("Locked out after failed sign-ins") + "&$search=" + Uri.EscapeDataString(email))).GetRawText();
        Assert.Contains(email, audit);
    }

    private async Task<(string Email, Guid Contoso, HttpClient Anna)> NewPersonAsync(string who)
    {
        var anna = await factory.SignedInAsync("anna@contoso.example", "contoso");
        var contoso = await anna.CompanyIdAsync();
        var email = UniqueEmail(who);
        (await anna.InviteAsync(contoso, email, "Sales")).EnsureSuccessStatusCode();
        Assert.Equal("/account/login?invitation=accepted", (await factory.AcceptFromMailAsync(factory.Smtp, email)).Headers.Location?.OriginalString);
        return (email, contoso, anna);
    }
}

/// <summary>Three reset requests per hour from one client: the fourth is 429 with Retry-After, whatever the address.</summary>
public sealed class password_reset_requests_are_rate_limited(password_reset_requests_are_rate_limited.Factory factory)
    : IClassFixture<password_reset_requests_are_rate_limited.Factory>
{
    public sealed class Factory : PeopleFactory
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Settings["RateLimits:PasswordReset:PermitLimit"] = "3";
            Settings["RateLimits:PasswordReset:Window"] = "01:00:00";
        }
    }

    [Fact]
    public async Task the_fourth_request_in_the_window_is_refused()
    {
        var browser = factory.Browser();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add((await PostFormAsync(browser, "/account/forgot-password", ("email", UniqueEmail("flood")))).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, (HttpStatusCode)429], answers);
        var refused = await PostFormAsync(browser, "/account/reset-password", ("email", "x@y.example"), ("token", "t"), ("password", "p"));
        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null);
    }
}
