using Microsoft.EntityFrameworkCore;
using Saas.Contracts.Inventory;
using Saas.Write.Common;

namespace Saas.Write.Inventory.Catalog;

/// <summary>
/// Delete an item category. Refused while it has child categories or items (BC refuses both); its default
/// attribute values go with it, in the same transaction.
/// </summary>
public sealed record DeleteItemCategory
{
    public required Guid Id { get; init; }
    public long? ExpectedVersion { get; init; }
}

public sealed class DeleteItemCategoryHandler(WriteDbContext db, TimeProvider clock)
{
    public Task<CommandResult<ItemCategoryChanged>> HandleAsync(DeleteItemCategory command, CancellationToken cancellationToken = default) =>
        SaveErrors.RetryOnConcurrencyAsync(db, () => TryDeleteAsync(command, cancellationToken));

    private async Task<CommandResult<ItemCategoryChanged>> TryDeleteAsync(DeleteItemCategory command, CancellationToken cancellationToken)
    {
        await ItemCategories.LockTreeAsync(db, cancellationToken);
        var category = await db.ItemCategories.SingleOrDefaultAsync(c => c.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Item category", command.Id);
        if (command.ExpectedVersion is { } expected && expected != category.Version)
        {
            throw new ConcurrencyException("Item category", expected, category.Version);
        }

        // Item writers share-lock the category they name (ItemCategories.EnsureExistsAsync): this waits for them
        // to commit, so the checks below see their items.
        await RowLocks.ExclusiveAsync(db, "item_categories", category.Id, cancellationToken);

        if (await db.ItemCategories.AnyAsync(c => c.ParentCategory == category.Code, cancellationToken))
        {
            throw new ConflictException("code", $"Item category {category.Code} has child categories; move or delete them first.");
        }

        if (await db.Items.AnyAsync(i => i.ItemCategoryCode == category.Code, cancellationToken)
            || await db.CatalogItems.AnyAsync(i => i.ItemCategoryCode == category.Code, cancellationToken))
        {
            throw new ConflictException("code", $"Item category {category.Code} is used by items; change their category first.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var defaults = await db.ItemAttributeValues
            .Where(v => v.OwnerType == AttributeOwnerType.ItemCategory && v.OwnerId == category.Id)
            .ToListAsync(cancellationToken);
        foreach (var value in defaults)
        {
            value.Version++;
            value.LastModifiedUtc = now;
            db.Enqueue(value.ToEvent(deleted: true), now);
            db.ItemAttributeValues.Remove(value);
        }

        category.Version++;
        category.LastModifiedUtc = now;
        var snapshot = category.ToEvent(deleted: true);
        var position = db.Enqueue(snapshot, now);
        db.ItemCategories.Remove(category);
        await WriteSaves.SaveChangesAsync(db, "Item category", command.ExpectedVersion, category.Version - 1, "code", "", cancellationToken);
        return new CommandResult<ItemCategoryChanged>(snapshot, position);
    }
}
