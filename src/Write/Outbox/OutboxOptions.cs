namespace Saas.Write.Outbox;

/// <summary>Bound from <c>Outbox:*</c>.</summary>
public sealed class OutboxOptions
{
    /// <summary>Run the background dispatcher in this process (a web node, a worker). Off: another process does.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Rows claimed and published per pass and database.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How often other processes' commits are looked for; this process's own commits wake it at once.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>After this many failed publishes a row is parked until <c>ReplayParkedAsync</c>.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>First retry delay; doubled per attempt up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A publish the broker has not confirmed by then counts as failed (the row is retried).</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long claimed rows belong to the dispatcher that claimed them. A dispatcher that crashed (or hangs) loses
    /// them when this runs out and another one takes them. At least twice <see cref="PublishTimeout"/> is used, so
    /// a live dispatcher never loses rows in the middle of publishing them.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Published rows older than this are deleted (they are history, not a source for rebuilds).</summary>
    public TimeSpan KeepPublished { get; set; } = TimeSpan.FromDays(7);
}
