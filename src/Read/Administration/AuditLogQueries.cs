using Saas.Read.Common;
using Saas.Read.Common.Filtering;
using Saas.Tenancy.Context;
using Saas.Tenancy.Storage;

namespace Saas.Read.Administration;

public sealed record AuditLogRow
{
    public Guid Id { get; init; }
    public DateTime OccurredUtc { get; init; }
    public string Actor { get; init; } = "";
    public string Action { get; init; } = "";
    public string Subject { get; init; } = "";
    public string? Before { get; init; }
    public string? After { get; init; }
}

/// <summary>
/// The current company's audit log as a list (search, sort, filter pane, paging). The entries live in the catalog
/// (written by Identity's <c>AuditTrail</c>, which has no row-level security), so this opens the catalog and binds
/// the same tenant-guarded session as the tenant data: every statement carries <c>tenant_id = @TenantId</c> of the
/// company in scope, and without a company there is no session at all.
/// </summary>
public sealed class AuditLogQueries(TenantContext tenants, DatabaseOptions database)
{
    static AuditLogQueries() => DapperGuids.EnsureConfigured();

    /// <summary><c>date(…)</c>: a day filter includes the whole day on SQLite (ISO text) and PostgreSQL (timestamp).</summary>
    public static readonly IReadOnlyList<FilterColumn> FilterColumns =
    [
        new("occurred", "When (UTC)", "date(occurred_utc)", FilterKind.Date),
        new("actor", "Who", "actor", FilterKind.Text),
        new("action", "What", "action", FilterKind.Text),
        new("subject", "Person", "subject", FilterKind.Text),
        new("before", "Before", "before", FilterKind.Text),
        new("after", "After", "after", FilterKind.Text),
    ];

    /// <summary>Newest first by default; <paramref name="query"/>'s search looks in the actor's and the person's e-mail.</summary>
    public async Task<Page<AuditLogRow>> ListAsync(ListQuery query, CancellationToken cancellationToken = default)
    {
        var tenantId = tenants.TenantId; // throws without a company in scope
        var dialect = SqlDialect.For(database.Provider);
        await using var connection = DatabaseProviders.CreateConnection(database.Provider, database.Catalog);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Not disposed itself: it would only dispose the connection and transaction a second time.
        var session = new TenantSqlSession(connection, transaction, tenantId, dialect);
        var page = await new ListSql(
            "audit_entries",
            "id AS Id, occurred_utc AS OccurredUtc, actor AS Actor, action AS Action, subject AS Subject, before AS Before, after AS After",
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["occurred"] = "occurred_utc",
                ["actor"] = "actor",
                ["action"] = "action",
                ["subject"] = "subject",
            },
            "occurred",
            ["actor", "subject"],
            filterable: FilterColumns).RunAsync<AuditLogRow>(session, query);
        await transaction.CommitAsync(cancellationToken);
        return page;
    }
}
