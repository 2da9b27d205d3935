using Microsoft.EntityFrameworkCore;
using Saas.Contracts.Inventory;
using Saas.Tenancy.Storage;
using Saas.Write.Common;

namespace Saas.Write.Inventory.Catalog;

/// <summary>An item category (BC table 5722): a node of the tenant's category tree, named by its code.</summary>
public sealed class ItemCategory : ITenantOwned
{
    // BC: Code Code[20], Description Text[100], Parent Category Code[20].
    public const int CodeLength = 20;
    public const int DisplayNameLength = 100;

    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public string Code { get; set; } = "";
    public string DisplayName { get; set; } = "";

    /// <summary>The parent's code; "" for a top-level category.</summary>
    public string ParentCategory { get; set; } = "";

    public DateTime LastModifiedUtc { get; set; }
    public long Version { get; set; }

    public ItemCategoryChanged ToEvent(bool deleted = false) => new()
    {
        TenantId = TenantId,
        ItemCategoryId = Id,
        Version = Version,
        Code = Code,
        DisplayName = DisplayName,
        ParentCategory = ParentCategory,
        Deleted = deleted,
        LastModifiedUtc = LastModifiedUtc,
    };
}

/// <summary>The rules every writer of a category reference shares: it exists, and it stays while in use.</summary>
public static class ItemCategories
{
    /// <summary>
    /// Fails with a validation error on <paramref name="field"/> unless <paramref name="code"/> ("" = none) names
    /// a category of the tenant. On PostgreSQL the category row stays share-locked until the caller's transaction
    /// ends, so a concurrent delete of that category waits and then sees the new reference (and refuses); SQLite's
    /// write transaction already excludes every other writer.
    /// </summary>
    public static async Task EnsureExistsAsync(WriteDbContext db, string code, string field, CancellationToken cancellationToken)
    {
        if (code.Length == 0)
        {
            return;
        }

        bool exists;
        if (db.Database.IsNpgsql() && db.Database.CurrentTransaction is not null)
        {
            // Not composed into EXISTS(...): the lock clause must stay on the outer SELECT.
            var rows = await db.Database
                .SqlQuery<int>($"SELECT 1 AS \"Value\" FROM item_categories WHERE tenant_id = {db.CurrentTenantId} AND code = {code} FOR SHARE")
                .ToListAsync(cancellationToken);
            exists = rows.Count > 0;
        }
        else
        {
            exists = await db.ItemCategories.AnyAsync(c => c.Code == code, cancellationToken);
        }

        if (!exists)
        {
            throw ValidationFailedException.For(field, $"there is no item category '{code}'.");
        }
    }

    /// <summary>
    /// Serialises changes to the tenant's category tree (PostgreSQL: a transaction-scoped advisory lock per
    /// tenant). Two concurrent moves (A under B, B under A) would each pass the cycle check on their own snapshot;
    /// taking turns makes the second one see the first.
    /// </summary>
    public static async Task LockTreeAsync(WriteDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            var key = "item_categories:" + db.CurrentTenantId.ToString("N");
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtext({key}))", cancellationToken);
        }
    }
}
