using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Saas.Tests.Hosting;

namespace Saas.Tests.People;

/// <summary>A clock the test moves forward (invitation and reset expiry) instead of waiting for wall-clock time.</summary>
public sealed class MovableClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}

/// <summary>A factory whose mail goes to a real SMTP sink and whose clock the test can move.</summary>
public interface IMailAndClock
{
    SmtpSink Smtp { get; }

    MovableClock Clock { get; }
}

/// <summary>The real app on SQLite with its mail going to a real local SMTP server, and a clock tests can move.</summary>
public class PeopleFactory : SaasFactory, IAsyncLifetime, IMailAndClock
{
    public SmtpSink Smtp { get; private set; } = null!;

    public MovableClock Clock { get; } = new();

    public virtual async Task InitializeAsync()
    {
        Smtp = await SmtpSink.StartAsync();
        foreach (var (key, value) in Smtp.Settings)
        {
            Settings[key] = value;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>The same on PostgreSQL.</summary>
public sealed class PostgresPeopleFactory : PostgresSaasFactory, IMailAndClock
{
    public SmtpSink Smtp { get; private set; } = null!;

    public MovableClock Clock { get; } = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Smtp = await SmtpSink.StartAsync();
        foreach (var (key, value) in Smtp.Settings)
        {
            Settings[key] = value;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Smtp is not null)
        {
            await Smtp.DisposeAsync();
        }
    }
}
