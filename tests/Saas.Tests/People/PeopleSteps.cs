using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Saas.Tests.Hosting;
using static Saas.Tests.Identity.IdentityHost;

namespace Saas.Tests.People;

/// <summary>Steps of the people tests, taken as real people take them: through the API, the mail and the account forms.</summary>
public static class PeopleSteps
{
    public const string NewPassword = "A-new-person-2026!";

    public static string CompanyRoute(Guid companyId) => $"/api/v2.0/companies({companyId})";

    public static string UniqueEmail(string who) => $"{who}-{Guid.NewGuid():N}"[..(who.Length + 11)] + "@people.example";

    public static async Task<Guid> CompanyIdAsync(this HttpClient signedIn)
    {
        var tenants = await (await signedIn.GetAsync("/account/tenants")).ReadJsonAsync();
        return Guid.Parse(tenants.GetProperty("currentTenantId").GetString()!);
    }

    public static async Task<JsonElement> PeopleAsync(this HttpClient admin, Guid companyId, string query = "") =>
        await (await admin.GetAsync($"{CompanyRoute(companyId)}/people{query}")).ReadJsonAsync();

    public static async Task<JsonElement?> PersonAsync(this HttpClient admin, Guid companyId, string email)
    {
        var people = await admin.PeopleAsync(companyId, "?$top=1000");
        foreach (var person in people.GetProperty("value").EnumerateArray())
        {
            if (string.Equals(person.GetProperty("email").GetString(), email, StringComparison.OrdinalIgnoreCase))
            {
                return person;
            }
        }

        return null;
    }

    public static async Task<JsonElement> AuditAsync(this HttpClient admin, Guid companyId, string query = "") =>
        await (await admin.GetAsync($"{CompanyRoute(companyId)}/auditEntries{query}")).ReadJsonAsync();

    public static HttpClient Browser(this SaasFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>The invited person opens the link from the mail that arrived and chooses a password.</summary>
    public static async Task<HttpResponseMessage> AcceptFromMailAsync(this SaasFactory factory, SmtpSink smtp, string email, string password = NewPassword)
    {
        var message = await smtp.WaitForAsync(email, m => m.Subject?.StartsWith("You are invited", StringComparison.Ordinal) == true);
        var link = SmtpSink.LinkTo(message, "/account/invitation");
        var browser = factory.Browser();
        var page = await browser.GetAsync(link);
        Assert.True(page.IsSuccessStatusCode, $"{(int)page.StatusCode} for {link}");
        return await PostFormAsync(browser, "/account/accept-invitation", ("token", SmtpSink.TokenOf(link)), ("password", password));
    }

    public static async Task<JsonElement> InvitationsAsync(this HttpClient admin, Guid companyId, string query = "") =>
        await (await admin.GetAsync($"{CompanyRoute(companyId)}/invitations{query}")).ReadJsonAsync();

    /// <summary>The row of the not yet accepted invitation for the address in a list answer, or null.</summary>
    public static JsonElement? InvitationFor(this JsonElement list, string email) =>
        list.GetProperty("value").EnumerateArray()
            .Where(i => string.Equals(i.GetProperty("email").GetString(), email, StringComparison.OrdinalIgnoreCase))
            .Select(i => (JsonElement?)i).FirstOrDefault();

    /// <summary>The invitation link in a mail that arrived for the address, other than <paramref name="except"/> (an earlier link).</summary>
    public static async Task<string> InvitationLinkAsync(this SmtpSink smtp, string email, string? except = null)
    {
        var message = await smtp.WaitForAsync(email, m => m.Subject?.StartsWith("You are invited", StringComparison.Ordinal) == true
            && SmtpSink.LinkTo(m, "/account/invitation") != except);
        return SmtpSink.LinkTo(message, "/account/invitation");
    }

    /// <summary>The invited person opens this link and chooses a password.</summary>
    public static async Task<HttpResponseMessage> AcceptLinkAsync(this SaasFactory factory, string link, string password = NewPassword)
    {
        var browser = factory.Browser();
        var page = await browser.GetAsync(link);
        Assert.True(page.IsSuccessStatusCode, $"{(int)page.StatusCode} for {link}");
        return await PostFormAsync(browser, "/account/accept-invitation", ("token", SmtpSink.TokenOf(link)), ("password", password));
    }

    /// <summary>PATCH with a JSON body (people are not versioned records: no If-Match).</summary>
    public static Task<HttpResponseMessage> PatchJsonAsync<T>(this HttpClient client, string url, T body) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Patch, url) { Content = JsonContent.Create(body) });

    public static Task<HttpResponseMessage> InviteAsync(this HttpClient admin, Guid companyId, string email, string role) =>
        admin.PostAsJsonAsync($"{CompanyRoute(companyId)}/people", new { email, role });

    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement;
    }
}
