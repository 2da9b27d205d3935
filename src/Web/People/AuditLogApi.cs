using System.Globalization;
using Saas.Identity;
using Saas.Identity.Audit;
using Saas.Tenancy.Context;
using Saas.Web.MasterData;

namespace Saas.Web.People;

/// <summary>
/// The company's audit log for its administrators: read (paged, filtered) and export as CSV. Read-only by design:
/// no route changes or deletes an entry, and the database refuses it anyway.
/// </summary>
internal static class AuditLogApi
{
    public static void MapAuditLog(this RouteGroupBuilder company)
    {
        company.MapGet("/auditEntries", ListAsync).RequireAuthorization(SaasPolicies.TenantAdmin);
        company.MapGet("/auditEntries/Microsoft.NAV.exportCsv", ExportAsync).RequireAuthorization(SaasPolicies.TenantAdmin);
    }

    private static async Task<IResult> ListAsync(Guid companyId, HttpContext http, AuditTrail audit)
    {
        var options = ApiSupport.ReadListOptions(http.Request);
        var filter = AuditFilter.Read(http.Request.Query);
        var page = await audit.ListAsync(companyId, filter.Action, options.SearchOn("actor", "subject"), filter.FromUtc, filter.ToUtc,
            options.Skip ?? 0, options.Top ?? 50, http.RequestAborted);
        return Results.Ok(ApiSupport.ListResponse(page.Entries.Select(AuditEntryResource.From), page.Count));
    }

    private static async Task ExportAsync(Guid companyId, HttpContext http, AuditTrail audit, TenantContext tenants)
    {
        var filter = AuditFilter.Read(http.Request.Query);
        var search = http.Request.Query["$search"].ToString();
        http.Response.ContentType = "text/csv; charset=utf-8";
        var name = $"audit-{tenants.Current?.Identifier ?? companyId.ToString()}-{DateTime.UtcNow:yyyyMMdd}.csv";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        await AuditCsv.WriteAsync(http.Response.Body, audit.StreamAsync(companyId, filter.Action, search, filter.FromUtc, filter.ToUtc), http.RequestAborted);
    }
}

/// <summary><c>action</c> (one of the recorded actions), <c>from</c> and <c>to</c> (dates or UTC instants; <c>to</c> exclusive).</summary>
internal sealed record AuditFilter(string? Action, DateTime? FromUtc, DateTime? ToUtc)
{
    public static AuditFilter Read(IQueryCollection query)
    {
        var action = query["action"].ToString().Trim();
        if (action.Length > 0 && !AuditActions.All.Contains(action))
        {
            throw new IdentityValidationException("action", $"Use one of: {string.Join(", ", AuditActions.All)}.");
        }

        return new AuditFilter(action.Length > 0 ? action : null, Instant(query, "from"), Instant(query, "to"));
    }

    private static DateTime? Instant(IQueryCollection query, string field)
    {
        var text = query[field].ToString().Trim();
        if (text.Length == 0)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant.UtcDateTime
            : throw new IdentityValidationException(field, "A date (2026-12-31) or a UTC instant (2026-12-31T23:00:00Z) is required.");
    }
}

internal sealed record AuditEntryResource(
    Guid Id, DateTime OccurredDateTime, string Actor, string Action, string Subject, string? Before, string? After)
{
    public static AuditEntryResource From(AuditEntry e) => new(e.Id, e.OccurredUtc, e.Actor, e.Action, e.Subject, e.Before, e.After);
}
