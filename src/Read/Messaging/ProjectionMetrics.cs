using System.Diagnostics.Metrics;

namespace Saas.Read.Messaging;

/// <summary>
/// Projection lag per consumer (meter <see cref="MeterName"/>): the time from the outbox publishing an event to a
/// consumer having projected it, tagged with the consumer's queue. Together with the outbox's oldest age
/// (Saas.Write) it tells how far behind a read model is and where the time goes.
/// </summary>
public static class ProjectionMetrics
{
    public const string MeterName = "Saas.Read";
    public const string ProjectionLag = "saas.projection.lag";

    public static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> Lag = Meter.CreateHistogram<double>(
        ProjectionLag, unit: "s", description: "Time from an event's publication to its projection, per consumer");

    public static void RecordLag(TimeSpan lag, string consumer) =>
        Lag.Record(Math.Max(0, lag.TotalSeconds), new KeyValuePair<string, object?>("consumer", consumer));
}
