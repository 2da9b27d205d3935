using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Saas.Tests.Hosting;

/// <summary>
/// The real application on a fresh data directory (embedded SQLite, in-memory bus unless told otherwise),
/// with the demo companies and people seeded under a known password.
/// </summary>
public class SaasFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Demo-Test-2026!";

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("saas-app-").FullName;

    /// <summary>Extra settings (e.g. PostgreSQL connection strings) applied on top of the embedded defaults.</summary>
    public Dictionary<string, string?> Settings { get; } = new();

    /// <summary>What the host logged as errors: put it in assertion messages about unexpected 500s.</summary>
    public ServerErrors ServerErrors { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:DataDirectory", DataDirectory);
        // Every test signs in from the same address; the credentials rate limit has its own tests (Security).
        builder.UseSetting("RateLimits:Credentials:PermitLimit", "100000");
        builder.UseSetting("Demo:Password", DemoPassword);
        builder.ConfigureLogging(logging => logging.AddProvider(ServerErrors));

        // The Testing environment logs warnings only; onboarding's steps stay visible because tests observe
        // them (the compensation test interrupts onboarding right after the "seeded" step).
        builder.UseSetting("Logging:LogLevel:Saas.Web.Resellers", "Information");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left-over temp files do not make a test wrong.
        }

        GC.SuppressFinalize(this);
    }
}
