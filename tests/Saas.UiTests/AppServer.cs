using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Saas.Identity;
using Saas.Identity.Users;
using Saas.Read.Common;
using Saas.Tenancy.Context;
using Saas.Web.Startup;
using Saas.Write;
using Saas.Write.Common;
using Saas.Write.Inventory.Catalog;

namespace Saas.UiTests;

/// <summary>
/// The real application on a real loopback port (Kestrel, not the in-memory test server, because a browser
/// has to reach it), with its own empty data directory so that the demo seeding runs from scratch.
/// </summary>
public sealed class AppServer : IAsyncLifetime
{
    /// <summary>Demo password for this run; never a committed secret of any real deployment.</summary>
    public const string DemoPassword = "Ui-Test-Passw0rd!";

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "saas-ui-" + Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? factory;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public ServerLog Log { get; } = new();

    public IServiceProvider Services => factory?.Services ?? throw new InvalidOperationException("The server is not started.");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(dataDirectory);
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:DataDirectory", dataDirectory);
            // Every test signs in from the same address; the credentials rate limit has its own tests (Security).
            builder.UseSetting("RateLimits:Credentials:PermitLimit", "100000");
            builder.UseSetting("Demo:Password", DemoPassword);
            builder.UseEnvironment("Development");
            builder.ConfigureLogging(logging => logging.AddProvider(Log));
        });
        // Loopback and a free port chosen by the OS: parallel test classes each get their own server.
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        BaseAddress = new Uri(addresses.First().Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1"));
        await WaitForDemoDataOnTheReadSideAsync();
    }

    /// <summary>
    /// The demo seed reaches list pages through the outbox and the projections, and a rendered page does not refresh
    /// itself: on a loaded machine a test that opens a list at once could meet a half-projected one. The server
    /// counts as started once every event the seed wrote has been projected, as a user arriving later would see it.
    /// The wait is by position (each outbox row's message id in the read side's inbox), so a busy machine only makes it
    /// longer; the bound is there to fail on an event that was lost (error queue, parked row), not on a slow one.
    /// </summary>
    private async Task WaitForDemoDataOnTheReadSideAsync()
    {
        foreach (var company in DemoData.Companies)
        {
            await using var scope = await Services.GetRequiredService<TenantScopes>().BeginScope(company.Id);
            var positions = await scope.Services.GetRequiredService<WriteDbContext>().Outbox.Select(m => m.MessageId).ToListAsync();
            var read = scope.Services.GetRequiredService<ReadPositions>();
            foreach (var position in positions)
            {
                if (!await read.WaitAsync(position, TimeSpan.FromSeconds(90)))
                {
                    throw new TimeoutException($"The demo data of {company.Name} was not projected within 90 s (event {position}).");
                }
            }
        }
    }

    /// <summary>Administrator of both demo companies in the lead's demo (DemoData.People).</summary>
    public const string AdministratorOfBoth = "anna@contoso.example";

    /// <summary>Read-only in Contoso (DemoData.People).</summary>
    public const string ReaderOfContoso = "rita@contoso.example";

    public static Guid Contoso => DemoData.Companies.Single(c => c.Identifier == "contoso").Id;

    public static Guid Fabrikam => DemoData.Companies.Single(c => c.Identifier == "fabrikam").Id;

    /// <summary>
    /// The demo catalog seeds the companies; the people may be seeded by the host too. Either way the tests
    /// sign in through the real sign-in form, so here a person is only made to exist (once) through the
    /// Identity services, the way an administrator onboards them, with the demo password.
    /// </summary>
    public async Task EnsurePersonAsync(string email, string role, params Guid[] companies)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SaasUser>>();
        var administration = scope.ServiceProvider.GetRequiredService<IdentityAdministration>();
        var user = await users.FindByEmailAsync(email)
            ?? await administration.CreateUserAsync(email, DemoData.People.Single(p => p.Email == email).DisplayName, DemoPassword);
        var memberships = await administration.ListMembershipsAsync(user.Id);
        foreach (var company in companies.Where(c => memberships.All(m => m.TenantId != c)))
        {
            await administration.AddMembershipAsync(user.Id, company, role);
        }
    }

    /// <summary>Item categories are master data of their own (BC refuses an item in a category that does not exist).</summary>
    public async Task EnsureItemCategoryAsync(Guid company, string code, string displayName)
    {
        await using var scope = await Services.GetRequiredService<TenantScopes>().BeginScope(company);
        try
        {
            var created = await scope.Services.GetRequiredService<CreateItemCategoryHandler>()
                .HandleAsync(new CreateItemCategory { Code = code, DisplayName = displayName });

            // Lookups and lists read the read side: the category counts as made once it is projected there.
            if (!await scope.Services.GetRequiredService<ReadPositions>().WaitAsync(created.ReadPosition, TimeSpan.FromSeconds(60)))
            {
                throw new TimeoutException($"The item category {code} was not projected within 60 s.");
            }
        }
        catch (ConflictException)
        {
            // Made by an earlier test on this server: it exists, which is all the caller needs.
        }
    }

    public async Task DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        // SQLite may hold the files a moment after the host stops; a leftover temp directory is harmless.
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
