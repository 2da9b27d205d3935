using System.Diagnostics.Metrics;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Saas.Tenancy.Catalog;
using Saas.Tenancy.Context;
using Saas.Tenancy.Storage;

namespace Saas.Write.Telemetry;

/// <summary>
/// The outbox's depth (events not yet published, parked ones apart) and the age of the oldest of them, summed over
/// every data database (pooled and siloed), read when a metrics exporter collects — not on a timer of its own. A
/// growing age means the dispatcher or the broker is stuck; a parked event is counted by the dispatcher's logs.
/// </summary>
public sealed class OutboxGauges
{
    private readonly TenantScopes scopes;
    private readonly TenantDatabases databases;
    private readonly TimeProvider clock;
    private readonly ILogger<OutboxGauges> logger;

    public OutboxGauges(TenantScopes scopes, TenantDatabases databases, TimeProvider clock, ILogger<OutboxGauges> logger)
    {
        this.scopes = scopes;
        this.databases = databases;
        this.clock = clock;
        this.logger = logger;
        WriteMetrics.Meter.CreateObservableGauge(WriteMetrics.OutboxDepth, () => Measure().Depth, unit: "{event}",
            description: "Events in the outbox not yet published");
        WriteMetrics.Meter.CreateObservableGauge(WriteMetrics.OutboxAge, () => Measure().OldestAgeSeconds, unit: "s",
            description: "Age of the oldest event in the outbox not yet published");
    }

    private (long Depth, double OldestAgeSeconds) last;
    private long measuredAt = long.MinValue;

    /// <summary>Both gauges are collected together: one pass over the databases serves both within a second.</summary>
    private (long Depth, double OldestAgeSeconds) Measure()
    {
        if (clock.GetElapsedTime(measuredAt) < TimeSpan.FromSeconds(1) && measuredAt != long.MinValue)
        {
            return last;
        }

        try
        {
            last = MeasureAsync(CancellationToken.None).GetAwaiter().GetResult();
            measuredAt = clock.GetTimestamp();
        }
        catch (Exception e)
        {
            // A database that cannot be read now must not break the export of every other metric.
            logger.LogWarning(e, "The outbox depth could not be measured");
        }

        return last;
    }

    public async Task<(long Depth, double OldestAgeSeconds)> MeasureAsync(CancellationToken cancellationToken)
    {
        await using var system = scopes.BeginSystemScope("outbox metrics");
        var tenants = await system.Services.GetRequiredService<TenantCatalog>().ListAllAsync(cancellationToken);
        long depth = 0;
        DateTime? oldest = null;
        foreach (var connectionString in databases.AllAdminConnectionStrings(tenants))
        {
            await using var connection = DatabaseProviders.CreateConnection(databases.Provider, connectionString);
            await connection.OpenAsync(cancellationToken);
            var row = (IDictionary<string, object?>)await connection.QuerySingleAsync(new CommandDefinition(
                "SELECT COUNT(*) AS depth, MIN(occurred_utc) AS oldest FROM outbox WHERE published_utc IS NULL AND NOT parked",
                cancellationToken: cancellationToken));
            depth += Convert.ToInt64(row["depth"], System.Globalization.CultureInfo.InvariantCulture);
            if (AsUtc(row["oldest"]) is { } found && (oldest is null || found < oldest))
            {
                oldest = found;
            }
        }

        var age = oldest is { } first ? Math.Max(0, (clock.GetUtcNow().UtcDateTime - DateTime.SpecifyKind(first, DateTimeKind.Utc)).TotalSeconds) : 0;
        return (depth, age);
    }

    /// <summary>PostgreSQL returns a timestamp, SQLite the text EF stored.</summary>
    private static DateTime? AsUtc(object? value) => value switch
    {
        DateTime time => DateTime.SpecifyKind(time, DateTimeKind.Utc),
        string text => DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal),
        _ => null,
    };
}
