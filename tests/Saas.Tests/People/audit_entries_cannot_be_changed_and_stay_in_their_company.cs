using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saas.Identity;
using Saas.Identity.Storage;
using Saas.Tests.Hosting;
using static Saas.Tests.People.PeopleSteps;

namespace Saas.Tests.People;

/// <summary>
/// The audit log is append-only and per company: no route writes to it, the database refuses UPDATE and DELETE
/// even from the application's own context, and a company administrator reads and changes only their own company.
/// </summary>
public abstract class audit_entries_cannot_be_changed_and_stay_in_their_company<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SaasFactory
{
    [Fact]
    public async Task no_route_changes_an_entry_and_the_database_refuses_updates_and_deletes()
    {
        var anna = await factory.SignedInAsync("anna@contoso.example", "contoso");
        var contoso = await anna.CompanyIdAsync();
        (await anna.InviteAsync(contoso, UniqueEmail("audited"), "Sales")).EnsureSuccessStatusCode();
        var before = (await anna.AuditAsync(contoso, "?$top=1000")).GetRawText();
        var entry = (await anna.AuditAsync(contoso)).GetProperty("value")[0].GetProperty("id").GetGuid();

        var auditRoutes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true && e.RoutePattern.RawText.Contains("audit", StringComparison.OrdinalIgnoreCase))
            .SelectMany(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"])
            .Distinct().ToList();
        Assert.Equal(["GET"], auditRoutes);

        foreach (var method in new[] { "POST", "PUT", "PATCH", "DELETE" })
        {
            foreach (var url in new[] { $"{CompanyRoute(contoso)}/auditEntries", $"{CompanyRoute(contoso)}/auditEntries({entry})" })
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(new { action = "Nothing happened" }) };
                request.Headers.TryAddWithoutValidation("If-Match", "*");
                var response = await anna.SendAsync(request);
                Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"{method} {url}: {(int)response.StatusCode}");
            }
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
            await Assert.ThrowsAnyAsync<DbException>(() => db.AuditEntries.Where(e => e.Id == entry).ExecuteUpdateAsync(s => s.SetProperty(e => e.Action, "Nothing happened")));
            await Assert.ThrowsAnyAsync<DbException>(() => db.AuditEntries.Where(e => e.Id == entry).ExecuteDeleteAsync());
        }

        Assert.Equal(before, (await anna.AuditAsync(contoso, "?$top=1000")).GetRawText());
    }

    [Fact]
    public async Task a_company_administrator_never_reads_or_grants_anything_in_another_company()
    {
        var anna = await factory.SignedInAsync("anna@contoso.example", "contoso");
        var contoso = await anna.CompanyIdAsync();
        var frank = await factory.SignedInAsync("frank@fabrikam.example", "fabrikam");
        var fabrikam = await frank.CompanyIdAsync();
        var secret = UniqueEmail("contoso-only");
        (await anna.InviteAsync(contoso, secret, "Accountant")).EnsureSuccessStatusCode();
        var sam = (await anna.PersonAsync(contoso, "sam@contoso.example"))!.Value.GetProperty("id").GetGuid();

        var attempts = new List<HttpResponseMessage>
        {
            await frank.GetAsync($"{CompanyRoute(contoso)}/people"),
            await frank.GetAsync($"{CompanyRoute(contoso)}/auditEntries"),
            await frank.GetAsync($"{CompanyRoute(contoso)}/auditEntries/Microsoft.NAV.exportCsv"),
            await frank.InviteAsync(contoso, UniqueEmail("planted"), "Administrator"),
            await frank.PatchJsonAsync($"{CompanyRoute(contoso)}/people({sam})", new { role = "Administrator" }),
            await frank.PostAsync($"{CompanyRoute(contoso)}/people({sam})/Microsoft.NAV.lock", null),
            await frank.DeleteAsync($"{CompanyRoute(contoso)}/people({sam})"),

            // Contoso's person id under Frank's own company: not found there.
            await frank.PatchJsonAsync($"{CompanyRoute(fabrikam)}/people({sam})", new { role = "Administrator" }),
            await frank.DeleteAsync($"{CompanyRoute(fabrikam)}/people({sam})"),
        };
        using (var header = new HttpRequestMessage(HttpMethod.Patch, $"{CompanyRoute(contoso)}/people({sam})") { Content = JsonContent.Create(new { role = "Administrator" }) })
        {
            header.Headers.Add("X-Tenant", "contoso");
            attempts.Add(await frank.SendAsync(header));
        }

        foreach (var response in attempts)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound,
                $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri}: {(int)response.StatusCode} {body}");
            Assert.DoesNotContain("Contoso", body);
            Assert.DoesNotContain("sam@contoso", body);
        }

        Assert.Equal(SaasRoles.Sales, (await anna.PersonAsync(contoso, "sam@contoso.example"))!.Value.GetProperty("role").GetString());
        Assert.Equal("Active", (await anna.PersonAsync(contoso, "sam@contoso.example"))!.Value.GetProperty("status").GetString());
        Assert.DoesNotContain(secret, (await frank.AuditAsync(fabrikam, "?$top=1000")).GetRawText());
        Assert.DoesNotContain(secret, (await frank.PeopleAsync(fabrikam, "?$top=1000")).GetRawText());
        Assert.Contains(secret, (await anna.AuditAsync(contoso, "?$top=1000")).GetRawText());
    }

    [Fact]
    public async Task the_csv_export_keeps_formula_like_text_as_text()
    {
        var anna = await factory.SignedInAsync("anna@contoso.example", "contoso");
        var contoso = await anna.CompanyIdAsync();
        var formula = "=cmd" + Guid.NewGuid().ToString("N")[..6] + "@evil.example";
        (await anna.InviteAsync(contoso, formula, "ReadOnly")).EnsureSuccessStatusCode();

        var export = await anna.GetAsync($"{CompanyRoute(contoso)}/auditEntries/Microsoft.NAV.exportCsv?action={Uri.EscapeDataString("Invitation sent")}");
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var lines = (await export.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Occurred (UTC),Actor,Action,Person,Before,After", lines[0]);
        var row = Assert.Single(lines, l => l.Contains(formula[1..], StringComparison.Ordinal));
        Assert.Contains(",'" + formula + ",", row);
        Assert.DoesNotContain("," + formula, row);
        Assert.All(lines.Skip(1), l => Assert.Contains(",Invitation sent,", l));
    }
}

public sealed class audit_entries_cannot_be_changed_and_stay_in_their_company_on_sqlite(PeopleFactory factory)
    : audit_entries_cannot_be_changed_and_stay_in_their_company<PeopleFactory>(factory);

public sealed class audit_entries_cannot_be_changed_and_stay_in_their_company_on_postgres(PostgresPeopleFactory factory)
    : audit_entries_cannot_be_changed_and_stay_in_their_company<PostgresPeopleFactory>(factory);
