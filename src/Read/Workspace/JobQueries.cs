using Saas.Read.Common;
using Saas.Read.Common.Filtering;
using Saas.Tenancy.Storage;

namespace Saas.Read.Workspace;

public sealed record JobRow
{
    public Guid Id { get; init; }
    public string Kind { get; init; } = "";
    public string Status { get; init; } = "";
    public long Processed { get; init; }
    public long? Total { get; init; }
    public string? Message { get; init; }
    public DateTime StartedUtc { get; init; }
    public DateTime? FinishedUtc { get; init; }
}

/// <summary>
/// A person's background jobs as a list (search, sort, filter pane, paging), read from the write side's
/// <c>background_jobs</c> rows through the tenant's Dapper session. Jobs are a person's own: every query names the person.
/// </summary>
public sealed class JobQueries(TenantDb db)
{
    /// <summary>
    /// <c>date(…)</c> turns the start time into its day on both SQLite (ISO text) and PostgreSQL (timestamp), so
    /// <c>2026-01-31</c> or <c>..2026-01-31</c> include the whole day, as a date filter reads.
    /// </summary>
    public static readonly IReadOnlyList<FilterColumn> FilterColumns =
    [
        new("started", "Started", "date(started_utc)", FilterKind.Date),
        new("kind", "Job", "kind", FilterKind.Text),
        new("status", "Status", "status", FilterKind.Text),
        new("processed", "Processed", "processed", FilterKind.Number),
        new("message", "Result", "message", FilterKind.Text),
    ];

    /// <summary>The jobs <paramref name="userId"/> started in the current company, newest first by default.</summary>
    public Task<Page<JobRow>> ListAsync(Guid userId, ListQuery query, CancellationToken cancellationToken = default) =>
        db.ReadAsync(session =>
        {
            var sql = new ListSql(
                "background_jobs",
                "id AS Id, kind AS Kind, status AS Status, processed AS Processed, total AS Total, message AS Message, " +
                "started_utc AS StartedUtc, finished_utc AS FinishedUtc",
                new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
                {
                    ["started"] = "started_utc",
                    ["kind"] = "kind",
                    ["status"] = "status",
                },
                "started",
                ["kind", "status", "message"],
                filterable: FilterColumns);
            sql.Where("user_id = @UserId", "UserId", userId);
            return sql.RunAsync<JobRow>(session, query);
        }, cancellationToken);
}
