using Microsoft.EntityFrameworkCore;
using Saas.Identity.Storage;

namespace Saas.Identity.Audit;

/// <summary>A page of audit entries and how many match in all.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Count);

/// <summary>
/// Writes and reads the audit log. <see cref="Add"/> only stages the entry on the identity context, so it commits
/// in the same SaveChanges as the change it describes: a change is never recorded without happening, nor the
/// other way round. Reading is always for one company; there is no way to change an entry.
/// </summary>
public sealed class AuditTrail(IdentityDb db, TimeProvider clock)
{
    public const int MaxText = 2000;

    public AuditEntry Add(Guid? tenantId, AuditActor actor, string action, Guid? subjectUserId, string subject, string? before = null, string? after = null)
    {
        var entry = new AuditEntry
        {
            OccurredUtc = clock.GetUtcNow().UtcDateTime,
            TenantId = tenantId,
            ActorUserId = actor.UserId,
            Actor = Clip(actor.Name, 256),
            Action = action,
            SubjectUserId = subjectUserId,
            Subject = Clip(subject, 256),
            Before = before is null ? null : Clip(before, MaxText),
            After = after is null ? null : Clip(after, MaxText),
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    /// <summary>
    /// An account event (password reset, lockout) goes to every company the person belongs to, so each of its
    /// administrators sees it and none sees another company's people; a person in no company gets one entry
    /// without a company (the operator's).
    /// </summary>
    public async Task AddForEveryCompanyAsync(Guid userId, AuditActor actor, string action, string subject, string? after, CancellationToken cancellationToken)
    {
        var tenants = await db.TenantMemberships.AsNoTracking().Where(m => m.UserId == userId).Select(m => m.TenantId).ToListAsync(cancellationToken);
        if (tenants.Count == 0)
        {
            Add(null, actor, action, userId, subject, after: after);
        }

        foreach (var tenant in tenants)
        {
            Add(tenant, actor, action, userId, subject, after: after);
        }
    }

    /// <param name="action">Exact action (one of <see cref="AuditActions"/>) or null for all.</param>
    /// <param name="search">Part of the actor's or the subject's e-mail address.</param>
    public async Task<AuditPage> ListAsync(
        Guid tenantId, string? action, string? search, DateTime? fromUtc, DateTime? toUtc, int skip, int top, CancellationToken cancellationToken)
    {
        var query = Filter(tenantId, action, search, fromUtc, toUtc);
        var count = await query.CountAsync(cancellationToken);
        var entries = await query.OrderByDescending(e => e.OccurredUtc).ThenByDescending(e => e.Id)
            .Skip(Math.Max(skip, 0)).Take(Math.Clamp(top, 1, 1000)).ToListAsync(cancellationToken);
        return new AuditPage(entries, count);
    }

    /// <summary>Every matching entry, oldest first, streamed (an export of years of history stays flat in memory).</summary>
    public IAsyncEnumerable<AuditEntry> StreamAsync(Guid tenantId, string? action, string? search, DateTime? fromUtc, DateTime? toUtc) =>
        Filter(tenantId, action, search, fromUtc, toUtc).OrderBy(e => e.OccurredUtc).ThenBy(e => e.Id).AsAsyncEnumerable();

    private IQueryable<AuditEntry> Filter(Guid tenantId, string? action, string? search, DateTime? fromUtc, DateTime? toUtc)
    {
        var query = db.AuditEntries.AsNoTracking().Where(e => e.TenantId == tenantId);
        if (!string.IsNullOrWhiteSpace(action))
        {
            query = query.Where(e => e.Action == action.Trim());
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = "%" + search.Trim().ToLowerInvariant() + "%";
            query = query.Where(e => EF.Functions.Like(e.Actor.ToLower(), pattern) || EF.Functions.Like(e.Subject.ToLower(), pattern));
        }

        if (fromUtc is { } from)
        {
            query = query.Where(e => e.OccurredUtc >= from);
        }

        if (toUtc is { } to)
        {
            query = query.Where(e => e.OccurredUtc < to);
        }

        return query;
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];
}
