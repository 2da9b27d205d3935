using System.Diagnostics.Metrics;

namespace Saas.Write.Telemetry;

/// <summary>
/// Instruments of the write side (meter <see cref="MeterName"/>): posting duration, and the outbox's depth and the
/// age of its oldest unpublished event. Exported through OpenTelemetry when it is configured (see the Web host's
/// Telemetry); without it, nobody listens and recording costs next to nothing.
/// </summary>
public static class WriteMetrics
{
    public const string MeterName = "Saas.Write";
    public const string PostingDuration = "saas.posting.duration";
    public const string OutboxDepth = "saas.outbox.depth";
    public const string OutboxAge = "saas.outbox.oldest_age";

    public static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        PostingDuration, unit: "s", description: "Time a posting takes, from its lock to its commit (or preview)");

    /// <param name="kind">post, preview or adjust.</param>
    /// <param name="outcome">posted, already_posted or refused.</param>
    public static void RecordPosting(TimeSpan elapsed, string kind, string outcome) =>
        Duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", outcome));
}
