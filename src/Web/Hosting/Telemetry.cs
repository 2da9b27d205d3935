using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Saas.Read.Messaging;
using Saas.Write.Telemetry;

namespace Saas.Web.Hosting;

/// <summary>
/// OpenTelemetry traces and metrics, exported over OTLP only when an endpoint is configured
/// (<c>OpenTelemetry:Otlp:Endpoint</c> or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>): a tenant's service sends
/// nothing anywhere by default. Traces: requests (ASP.NET Core), database commands (Npgsql), bus messages
/// (MassTransit). Metrics: request duration, posting duration (<see cref="WriteMetrics"/>), outbox depth and age of
/// its oldest event (<see cref="OutboxGauges"/>), projection lag per consumer (<see cref="ProjectionMetrics"/>), and
/// the bus's and Npgsql's own meters.
/// </summary>
public static class Telemetry
{
    public const string ServiceName = "saas-web";

    public static WebApplicationBuilder AddSaasTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<OutboxGauges>();
        var endpoint = OtlpEndpoint(builder.Configuration);
        if (endpoint is null)
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddNpgsql()
                .AddSource("MassTransit")
                .AddOtlpExporter(otlp => otlp.Endpoint = endpoint))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(WriteMetrics.MeterName, ProjectionMetrics.MeterName, "MassTransit", "Npgsql")
                .AddOtlpExporter(otlp => otlp.Endpoint = endpoint));
        return builder;
    }

    /// <summary>The outbox gauges exist once something will collect them.</summary>
    public static WebApplication UseSaasTelemetry(this WebApplication app)
    {
        if (OtlpEndpoint(app.Configuration) is not null)
        {
            app.Services.GetRequiredService<OutboxGauges>();
        }

        return app;
    }

    public static Uri? OtlpEndpoint(IConfiguration configuration) =>
        (configuration["OpenTelemetry:Otlp:Endpoint"] ?? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]) is { Length: > 0 } value
            ? new Uri(value)
            : null;
}
