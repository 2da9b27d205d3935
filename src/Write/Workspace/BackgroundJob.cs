using Saas.Tenancy.Storage;

namespace Saas.Write.Workspace;

/// <summary>BC-like words for a job's state; stored as text.</summary>
public enum BackgroundJobStatus { Running, Succeeded, Cancelled, Failed }

/// <summary>
/// A long piece of work a person started (a read-side rebuild, an export): who started it, how far it got and how it
/// ended. The row is written when the job starts and when it ends; live progress in between is kept by
/// <c>BackgroundJobs</c> in memory, because on SQLite a job that holds a write transaction (the rebuild) would block
/// its own progress updates.
/// </summary>
public sealed class BackgroundJob : ITenantOwned
{
    public const int KindLength = 50;
    public const int MessageLength = 500;

    public Guid TenantId { get; set; }
    public Guid Id { get; init; }
    public Guid UserId { get; init; }
    public string Kind { get; init; } = "";
    public BackgroundJobStatus Status { get; set; }
    public long Processed { get; set; }
    public long? Total { get; set; }

    /// <summary>What the person is told at the end: an error, or what was done.</summary>
    public string? Message { get; set; }

    /// <summary>A finished export's file name (under the data directory's <c>exports</c> folder).</summary>
    public string? ResultFile { get; set; }

    public DateTime StartedUtc { get; init; }
    public DateTime? FinishedUtc { get; set; }
}
