using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Saas.Write.Common;

namespace Saas.Write.Workspace;

/// <summary>
/// Saves, lists and deletes a person's views of a list. Every read names the person as well as the company (the
/// tenant filter): a view id of someone else is "not found", never theirs to open or delete.
/// </summary>
public sealed class SavedViews(WriteDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<SavedView>> ListAsync(Guid userId, string list, CancellationToken cancellationToken = default) =>
        await db.SavedViews.AsNoTracking()
            .Where(v => v.UserId == userId && v.List == list)
            .OrderBy(v => v.Name)
            .ToListAsync(cancellationToken);

    /// <summary>Saves the filters under a name; the same name again replaces what that view keeps (BC asks; we overwrite).</summary>
    public async Task<SavedView> SaveAsync(Guid userId, string list, string? name, string? query, CancellationToken cancellationToken = default)
    {
        var errors = new Validation();
        var trimmed = name?.Trim() ?? "";
        errors.Required("name", trimmed, SavedView.NameLength);
        if (trimmed.Any(c => char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format))
        {
            errors.Add("name", "must not contain control or direction characters.");
        }

        query ??= "";
        if (query.Length > SavedView.QueryLength)
        {
            errors.Add("query", $"is too long to keep (at most {SavedView.QueryLength} characters).");
        }

        if (query.Length > 0 && query[0] != '?')
        {
            errors.Add("query", "must be a query string.");
        }

        // The list is a path of this site: a saved view can never send the person elsewhere.
        if (!list.StartsWith('/') || list.StartsWith("//", StringComparison.Ordinal) || list.Length > SavedView.ListLength || list.Contains('?'))
        {
            errors.Add("list", "is not a list of this application.");
        }

        errors.ThrowIfInvalid();
        var existing = await db.SavedViews.SingleOrDefaultAsync(v => v.UserId == userId && v.List == list && v.Name == trimmed, cancellationToken);
        if (existing is null)
        {
            existing = new SavedView { Id = Guid.NewGuid(), UserId = userId, List = list, Name = trimmed };
            db.SavedViews.Add(existing);
        }

        existing.Query = query;
        existing.CreatedUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return existing;
    }

    public async Task<SavedView?> FindAsync(Guid userId, Guid id, CancellationToken cancellationToken = default) =>
        await db.SavedViews.AsNoTracking().SingleOrDefaultAsync(v => v.UserId == userId && v.Id == id, cancellationToken);

    public async Task DeleteAsync(Guid userId, Guid id, CancellationToken cancellationToken = default)
    {
        var deleted = await db.SavedViews.Where(v => v.UserId == userId && v.Id == id).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            throw new NotFoundException("savedView", id);
        }
    }
}
