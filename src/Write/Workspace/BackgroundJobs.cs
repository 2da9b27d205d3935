using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Saas.Tenancy.Context;

namespace Saas.Write.Workspace;

/// <summary>What a job's code sees: its tenant's services, its cancellation and a way to say how far it got.</summary>
public sealed class JobContext(IServiceProvider services, BackgroundJobs.Live live)
{
    public IServiceProvider Services { get; } = services;

    public CancellationToken CancellationToken => live.Cancellation.Token;

    /// <summary>Records progress and stops the job here if someone pressed Cancel.</summary>
    public void Report(long processed, long? total = null)
    {
        Interlocked.Exchange(ref live.Processed, processed);
        if (total is { } t)
        {
            Interlocked.Exchange(ref live.Total, t);
        }

        live.Cancellation.Token.ThrowIfCancellationRequested();
    }
}

/// <summary>How a job ended when it was not cancelled and did not fail.</summary>
public sealed record JobOutcome(string Message, string? ResultFile = null);

/// <summary>A job as its page shows it: the stored row with the live progress of a running job laid over it.</summary>
public sealed record JobView(Guid Id, string Kind, BackgroundJobStatus Status, long Processed, long? Total, string? Message, string? ResultFile, DateTime StartedUtc, DateTime? FinishedUtc)
{
    public int? Percent => Total is > 0 ? (int)Math.Min(100, Processed * 100 / Total.Value) : null;
}

/// <summary>
/// Runs long work (a rebuild, an export) in the background in the starter's company, with progress and a Cancel that
/// stops it at its next step. The job's code decides what "nothing half-written" means: the rebuild rolls its
/// transaction back, an export deletes its unfinished file. Live progress and the cancellation live on the node that
/// runs the job (see ADR 017); the row records the start and the end, so a finished job reads the same everywhere.
/// </summary>
public sealed class BackgroundJobs(TenantScopes scopes, TimeProvider time, ILogger<BackgroundJobs> logger)
{
    private readonly ConcurrentDictionary<Guid, Live> running = new();

    public sealed class Live(Guid tenantId, Guid userId)
    {
        public Guid TenantId { get; } = tenantId;
        public Guid UserId { get; } = userId;
        public CancellationTokenSource Cancellation { get; } = new();
        public Task Completion { get; set; } = Task.CompletedTask;
        public long Processed;
        public long Total = -1;
    }

    public async Task<Guid> StartAsync(Guid tenantId, Guid userId, string kind, Func<JobContext, Task<JobOutcome>> work)
    {
        var id = Guid.NewGuid();
        await using (var scope = await scopes.BeginScope(tenantId))
        {
            var db = scope.Services.GetRequiredService<WriteDbContext>();
            db.BackgroundJobs.Add(new BackgroundJob
            {
                Id = id, UserId = userId, Kind = kind, Status = BackgroundJobStatus.Running, StartedUtc = time.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync();
        }

        var live = new Live(tenantId, userId);
        running[id] = live;

        // Not the request's thread or scope: the job outlives the request that started it.
        live.Completion = Task.Run(() => RunAsync(id, kind, live, work));
        return id;
    }

    /// <summary>Asks a running job of this person in this company to stop; false when there is no such job running.</summary>
    public bool Cancel(Guid tenantId, Guid userId, Guid id)
    {
        if (!running.TryGetValue(id, out var live) || live.TenantId != tenantId || live.UserId != userId)
        {
            return false;
        }

        live.Cancellation.Cancel();
        return true;
    }

    /// <summary>The person's job in the company of <paramref name="db"/>; null for anyone else's.</summary>
    public async Task<JobView?> FindAsync(WriteDbContext db, Guid userId, Guid id, CancellationToken cancellationToken = default)
    {
        var row = await db.BackgroundJobs.AsNoTracking().SingleOrDefaultAsync(j => j.UserId == userId && j.Id == id, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var view = new JobView(row.Id, row.Kind, row.Status, row.Processed, row.Total, row.Message, row.ResultFile, row.StartedUtc, row.FinishedUtc);
        if (row.Status == BackgroundJobStatus.Running && running.TryGetValue(id, out var live) && live.TenantId == db.CurrentTenantId)
        {
            var total = Interlocked.Read(ref live.Total);
            view = view with { Processed = Interlocked.Read(ref live.Processed), Total = total < 0 ? null : total };
        }

        return view;
    }

    /// <summary>Completes when the job has ended and its row says how (tests, and shutdown).</summary>
    public Task WhenEndedAsync(Guid id) => running.TryGetValue(id, out var live) ? live.Completion : Task.CompletedTask;

    private async Task RunAsync(Guid id, string kind, Live live, Func<JobContext, Task<JobOutcome>> work)
    {
        BackgroundJobStatus status;
        JobOutcome? outcome = null;
        string? message = null;
        try
        {
            await using var scope = await scopes.BeginScope(live.TenantId);
            outcome = await work(new JobContext(scope.Services, live));
            status = BackgroundJobStatus.Succeeded;
        }
        catch (OperationCanceledException) when (live.Cancellation.IsCancellationRequested)
        {
            status = BackgroundJobStatus.Cancelled;
            message = "Cancelled: nothing was changed or kept.";
        }
        catch (Exception e)
        {
            logger.LogError(e, "Background job {JobId} ({Kind}) of tenant {TenantId} failed", id, kind, live.TenantId);
            status = BackgroundJobStatus.Failed;
            message = "The job failed; nothing was changed or kept. The error is in the server log.";
        }

        try
        {
            await using var scope = await scopes.BeginScope(live.TenantId);
            var db = scope.Services.GetRequiredService<WriteDbContext>();
            var row = await db.BackgroundJobs.SingleAsync(j => j.Id == id);
            row.Status = status;
            row.Processed = Interlocked.Read(ref live.Processed);
            var total = Interlocked.Read(ref live.Total);
            row.Total = total < 0 ? null : total;
            row.Message = Truncate(outcome?.Message ?? message);
            row.ResultFile = outcome?.ResultFile;
            row.FinishedUtc = time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync();
        }
        catch (Exception e)
        {
            logger.LogError(e, "The end of background job {JobId} of tenant {TenantId} could not be recorded", id, live.TenantId);
        }
        finally
        {
            // The source is not disposed: a Cancel pressed at this very moment must not throw.
            running.TryRemove(id, out _);
        }
    }

    private static string? Truncate(string? text) =>
        text is { Length: > BackgroundJob.MessageLength } ? text[..BackgroundJob.MessageLength] : text;
}
