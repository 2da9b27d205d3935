using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Saas.Identity;
using Saas.Identity.Users;
using Saas.Tenancy.Catalog;
using Saas.Tenancy.Storage;

namespace Saas.Tests.Identity;

/// <summary>
/// The real web host on SQLite in a fresh data directory, with the catalog and identity schemas migrated.
/// Tests create their own tenants and users (fresh per test), so classes and tests do not share state.
/// </summary>
public sealed class IdentityHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "correct horse battery";

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "saas-identity-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:DataDirectory", DataDirectory);
        // Every test signs in from the same address; the credentials rate limit has its own tests (Security).
        builder.UseSetting("RateLimits:Credentials:PermitLimit", "100000");
        builder.UseEnvironment("Development");
    }

    public async Task InitializeAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        if (!catalog.Database.GetMigrations().Any())
        {
            // The catalog's own migrations are not written yet: create its tables from the model meanwhile.
            await catalog.GetService<IRelationalDatabaseCreator>().CreateTablesAsync();
        }

        await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateCatalogAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A lingering file handle only leaves a temp directory behind.
        }
    }

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task<Reseller> CreateResellerAsync() => WithServicesAsync(async services =>
    {
        var db = services.GetRequiredService<CatalogDbContext>();
        var reseller = new Reseller { Id = Guid.CreateVersion7(), Name = "Partner " + Unique() };
        db.Resellers.Add(reseller);
        await db.SaveChangesAsync();
        return reseller;
    });

    public Task<TenantInfo> CreateTenantAsync(TenantStatus status = TenantStatus.Active, Guid? resellerId = null) => WithServicesAsync(services =>
        services.GetRequiredService<TenantCatalog>().AddAsync(new TenantInfo
        {
            Id = Guid.CreateVersion7(),
            Identifier = "t" + Unique(),
            Name = "Company " + Unique(),
            Status = status,
            ResellerId = resellerId,
        }));

    public Task SetStatusAsync(TenantInfo tenant, TenantStatus status) =>
        WithServicesAsync(services => services.GetRequiredService<TenantCatalog>().SetStatusAsync(tenant.Id, status));

    /// <summary>A user with <see cref="Password"/> who holds <paramref name="role"/> in each tenant, in that order.</summary>
    public Task<SaasUser> CreateUserAsync(string role, params TenantInfo[] tenants) => WithServicesAsync(async services =>
    {
        var administration = services.GetRequiredService<IdentityAdministration>();
        var user = await administration.CreateUserAsync($"user-{Unique()}@example.test", "Test User", Password);
        foreach (var tenant in tenants)
        {
            await administration.AddMembershipAsync(user.Id, tenant.Id, role);
        }

        return user;
    });

    public static string Unique() => Guid.NewGuid().ToString("N")[..10];

    public static Task<HttpResponseMessage> PostTokenAsync(HttpClient client, params (string Key, string Value)[] form) =>
        client.PostAsync("/connect/token", new FormUrlEncodedContent(form.Select(p => new KeyValuePair<string, string>(p.Key, p.Value))));

    public static async Task<TokenBody> RequireTokenAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<TokenBody>(body)!;
    }

    public static async Task<OAuthError> RequireErrorAsync(HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<OAuthError>(body)!;
    }

    public Task<TokenBody> PasswordTokenAsync(HttpClient client, SaasUser user, string? tenant = null) =>
        PostTokenAsync(client, tenant is null
                ? [("grant_type", "password"), ("username", user.Email!), ("password", Password)]
                : [("grant_type", "password"), ("username", user.Email!), ("password", Password), ("tenant", tenant)])
            .ContinueWith(t => RequireTokenAsync(t.Result)).Unwrap();

    public static JsonWebToken ReadToken(string accessToken) => new(accessToken);

    /// <summary>Antiforgery token for the client's current identity (anonymous or signed in).</summary>
    public static async Task<string> AntiforgeryAsync(HttpClient client)
    {
        var tokens = await client.GetFromJsonAsync<JsonElement>("/account/antiforgery");
        return tokens.GetProperty("token").GetString()!;
    }

    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, params (string Key, string Value)[] form)
    {
        var fields = form.Select(p => new KeyValuePair<string, string>(p.Key, p.Value))
            .Append(new("__RequestVerificationToken", await AntiforgeryAsync(client)));
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }
}

public sealed record TokenBody(
    [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken,
    [property: System.Text.Json.Serialization.JsonPropertyName("token_type")] string TokenType,
    [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn,
    [property: System.Text.Json.Serialization.JsonPropertyName("refresh_token")] string? RefreshToken);

public sealed record OAuthError(
    [property: System.Text.Json.Serialization.JsonPropertyName("error")] string Error,
    [property: System.Text.Json.Serialization.JsonPropertyName("error_description")] string Description);
