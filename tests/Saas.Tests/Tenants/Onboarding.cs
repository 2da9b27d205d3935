using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Saas.Identity;
using Saas.Identity.Users;
using Saas.Tenancy.Catalog;
using Saas.Tenancy.Storage;
using Saas.Tests.Hosting;
using Saas.Tests.Infrastructure;
using Saas.Web.Resellers;

namespace Saas.Tests.Tenants;

/// <summary>A company made by a test through the reseller API, and the person invited to run it.</summary>
public sealed record OnboardedCompany(Guid Id, string Identifier, string Name, string AdminEmail, string InvitationToken, JsonElement Tenant);

/// <summary>
/// Test steps that real people take: a reseller onboards a company, the invited administrator accepts and
/// signs in. Each call makes a fresh company with unique names, so tests never share a tenant.
/// </summary>
public static class Onboarding
{
    public const string Route = ResellerEndpoints.Route;
    public const string NewPassword = "Fresh-Company-2026!";

    public static string UniqueIdentifier(string purpose) => $"{purpose}-{Guid.NewGuid():N}"[..Math.Min(purpose.Length + 13, 63)];

    /// <summary>Onboards a fresh company as the signed-in reseller or operator; a refusal shows the server's errors.</summary>
    public static async Task<OnboardedCompany> OnboardAsync(
        this HttpClient reseller, SaasFactory factory, string purpose, string currencyCode = "EUR", string? isolation = null, string? adminEmail = null)
    {
        var identifier = UniqueIdentifier(purpose);
        var email = adminEmail ?? $"admin@{identifier}.example";
        var name = $"Company {identifier}";
        var response = await reseller.PostAsJsonAsync(Route, new { name, identifier, currencyCode, adminEmail = email, isolation });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Onboarding {identifier} answered {(int)response.StatusCode}: {body}\n{factory.ServerErrors}");
        var root = JsonDocument.Parse(body).RootElement;
        var tenant = root.GetProperty("tenant");
        var path = root.GetProperty("invitationPath").GetString()!;
        Assert.StartsWith(ResellerEndpoints.InvitationPage + "?token=", path);
        Assert.Equal(response.Headers.Location?.ToString(), $"{Route}/{tenant.GetProperty("id").GetGuid()}");
        var token = Uri.UnescapeDataString(path[(ResellerEndpoints.InvitationPage.Length + "?token=".Length)..]);
        return new OnboardedCompany(tenant.GetProperty("id").GetGuid(), identifier, name, email, token, tenant.Clone());
    }

    /// <summary>The invited administrator sets a password (as the invitation page does) and signs in to the company.</summary>
    public static async Task<HttpClient> AcceptAndSignInAsync(this SaasFactory factory, OnboardedCompany company)
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IdentityAdministration>().AcceptInvitationAsync(company.InvitationToken, NewPassword);
        }

        return await factory.SignedInAsync(company.AdminEmail, company.Identifier, NewPassword);
    }

    /// <summary>A second reseller with its own administrator, made the way the operator would.</summary>
    public static async Task<(Guid ResellerId, string Email)> NewResellerAsync(this SaasFactory factory, string purpose)
    {
        var id = Guid.NewGuid();
        var email = $"partner@{UniqueIdentifier(purpose)}.example";
        await using var scope = factory.Services.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        catalog.Resellers.Add(new Reseller { Id = id, Name = $"Reseller {purpose}" });
        await catalog.SaveChangesAsync();
        var identity = scope.ServiceProvider.GetRequiredService<IdentityAdministration>();
        var user = await identity.CreateUserAsync(email, $"Partner {purpose}", NewPassword);
        await identity.AddResellerAdminAsync(user.Id, id);
        return (id, email);
    }

    public static async Task<int> CatalogCountAsync(this SaasFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<TenantCatalog>().ListAllAsync()).Count;
    }

    public static async Task<bool> UserExistsAsync(this SaasFactory factory, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<SaasUser>>().FindByEmailAsync(email) is not null;
    }

    /// <summary>
    /// Rows per tenant in every tenant-owned table of one data database, read through the owner connection
    /// (on PostgreSQL with BYPASSRLS: the test must see what the application role cannot).
    /// </summary>
    public static async Task<Dictionary<Guid, int>> RowsPerTenantAsync(this SaasFactory factory, string? adminConnectionString = null)
    {
        var options = factory.Services.GetRequiredService<DatabaseOptions>();
        var tables = factory.Services.CreateScope().ServiceProvider.GetRequiredService<TenantDataEraser>().TenantTablesDependentsFirst();
        DapperGuids.EnsureConfigured();
        await using var connection = DatabaseProviders.CreateConnection(options.Provider, adminConnectionString ?? options.DataAdminOrData);
        await connection.OpenAsync();
        var counts = new Dictionary<Guid, int>();
        foreach (var table in tables)
        {
            foreach (var row in await connection.QueryAsync<(string Tenant, long Rows)>(
                $"SELECT CAST(tenant_id AS TEXT), COUNT(*) FROM \"{table}\" GROUP BY tenant_id"))
            {
                var tenant = Guid.Parse(row.Tenant);
                counts[tenant] = counts.GetValueOrDefault(tenant) + (int)row.Rows;
            }
        }

        return counts;
    }

    /// <summary>
    /// The row of a list that matches, read once the company's read side has caught up with every event written for
    /// it (onboarding's seed, the test's own commands): by position, so a slow machine waits longer instead of failing.
    /// </summary>
    public static async Task<JsonElement> FindProjectedAsync(
        this HttpClient client, SaasFactory factory, Guid companyId, string url, Func<JsonElement, bool> match)
    {
        await ReadSide.CaughtUpAsync(factory.Services, companyId);
        var list = await (await client.GetAsync(url)).ReadJsonAsync();
        var found = list.GetProperty("value").EnumerateArray().Where(match).ToList();
        Assert.True(found.Count > 0, $"No matching row in {url} although every event of the company was projected: {list}");
        return found[0];
    }
}
