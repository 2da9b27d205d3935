using MassTransit;
using Saas.Read;
using Saas.Read.Messaging;
using Saas.Tenancy.Storage;
using Saas.Write;
using Saas.Write.Outbox;

namespace Saas.Web.Messaging;

/// <summary>Write side, outbox dispatcher, bus and read side wiring.</summary>
public static class PipelineSetup
{
    public static WebApplicationBuilder AddSaasPipeline(this WebApplicationBuilder builder, DatabaseOptions database)
    {
        builder.Services.AddSaasPipeline(builder.Configuration, database);
        return builder;
    }

    /// <summary>
    /// Registers the write model and its outbox dispatcher, the read model and its consumers, and MassTransit
    /// on the transport named by <c>Bus:Transport</c> (<c>InMemory</c>, the default, or <c>RabbitMq</c> with
    /// <c>Bus:RabbitMq</c> = amqp URI). <c>Bus:Prefix</c> prefixes queues and exchanges so that several
    /// environments (or test runs) can share one broker.
    /// </summary>
    public static IServiceCollection AddSaasPipeline(this IServiceCollection services, IConfiguration configuration, DatabaseOptions database)
    {
        var bus = BusOptions.Read(configuration);
        services.AddSingleton(bus);
        services.AddSaasRead(database);
        services.AddSingleton<IOutboxTransport, BusOutboxTransport>();
        services.Configure<MassTransitHostOptions>(o =>
        {
            // The host accepts requests only once the bus runs. The dispatcher starts after the bus (registered below
            // it) and does not rely on that either: it waits for IOutboxTransport.IsReady before every pass.
            o.WaitUntilStarted = true;
            o.StopTimeout = TimeSpan.FromSeconds(15);
        });

        services.AddMassTransit(x =>
        {
            // MassTransit 8.4+ reports usage to its vendor over the internet by default: a tenant's service must
            // not call out to third parties (and servers here have no internet to wait for).
            x.DisableUsageTelemetry();
            x.AddReadConsumers(bus.Prefix, database.Provider);
            x.AddConfigureEndpointsCallback((context, _, endpoint) =>
            {
                // Transient database errors are retried; a message without a valid tenant never will be valid.
                endpoint.UseMessageRetry(r =>
                {
                    r.Ignore<MessageTenantException>();
                    r.Intervals(100, 500, 2000);
                });
                endpoint.UseConsumeFilter(typeof(TenantConsumeFilter<>), context);
            });

            switch (bus.Transport)
            {
                case BusTransport.RabbitMq:
                    x.UsingRabbitMq((context, cfg) =>
                    {
                        cfg.Host(new Uri(bus.RabbitMq ?? throw new InvalidOperationException("Bus:Transport is RabbitMq: set Bus:RabbitMq to an amqp:// URI.")));
                        cfg.MessageTopology.SetEntityNameFormatter(new PrefixedEntityNames(cfg.MessageTopology.EntityNameFormatter, bus.Prefix));
                        cfg.ConfigureEndpoints(context);
                    });
                    break;
                default:
                    x.UsingInMemory((context, cfg) =>
                    {
                        cfg.MessageTopology.SetEntityNameFormatter(new PrefixedEntityNames(cfg.MessageTopology.EntityNameFormatter, bus.Prefix));
                        cfg.ConfigureEndpoints(context);
                    });
                    break;
            }
        });

        // After AddMassTransit on purpose: hosted services start in registration order, and the bus's (WaitUntilStarted)
        // returns once its receive endpoints run, with their queues bound on RabbitMQ. Registered before it, the dispatcher
        // published the demo seed's events to exchanges nothing was bound to yet: the broker confirmed and dropped them.
        // (The dispatcher's readiness wait and mandatory publish, ADR 003, guard the same case from inside.)
        services.AddSaasWrite(configuration, database);
        return services;
    }
}

public enum BusTransport { InMemory, RabbitMq }

/// <summary>Bound from <c>Bus:*</c>.</summary>
public sealed class BusOptions
{
    public BusTransport Transport { get; set; } = BusTransport.InMemory;

    /// <summary>amqp://user:password@host:port/vhost — keep the password out of appsettings (environment, secrets).</summary>
    public string? RabbitMq { get; set; }

    /// <summary>Prefix of every queue and exchange name; empty by default.</summary>
    public string Prefix { get; set; } = "";

    public static BusOptions Read(IConfiguration configuration)
    {
        var options = new BusOptions();
        configuration.GetSection("Bus").Bind(options);
        return options;
    }
}

/// <summary>Exchange (message type) names with the environment's prefix, so two prefixes never see each other's messages.</summary>
internal sealed class PrefixedEntityNames(IEntityNameFormatter inner, string prefix) : IEntityNameFormatter
{
    public string FormatEntityName<T>() => prefix + inner.FormatEntityName<T>();
}
