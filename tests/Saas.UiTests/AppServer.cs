using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

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

    public IServiceProvider Services => factory?.Services ?? throw new InvalidOperationException("The server is not started.");

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(dataDirectory);
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:DataDirectory", dataDirectory);
            builder.UseSetting("Demo:Password", DemoPassword);
            builder.UseEnvironment("Development");
        });
        factory.UseKestrel(0);
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        BaseAddress = new Uri(addresses.First().Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1"));
        return Task.CompletedTask;
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
