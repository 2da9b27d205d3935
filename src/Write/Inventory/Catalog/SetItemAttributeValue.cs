using Microsoft.EntityFrameworkCore;
using Saas.Contracts.Inventory;
using Saas.Write.Common;

namespace Saas.Write.Inventory.Catalog;

/// <summary>
/// Give an item (or, as a default for its items, a category) a value of an attribute; an existing value of the
/// same attribute is replaced. The attribute is named by id or by name.
/// </summary>
public sealed record SetItemAttributeValue
{
    public required AttributeOwnerType OwnerType { get; init; }
    public required Guid OwnerId { get; init; }
    public Guid? AttributeId { get; init; }
    public string? AttributeName { get; init; }
    public required string Value { get; init; }

    /// <summary>The version of the existing value the caller saw (ETag); null skips the check.</summary>
    public long? ExpectedVersion { get; init; }
}

public sealed class SetItemAttributeValueHandler(WriteDbContext db, TimeProvider clock)
{
    public Task<CommandResult<ItemAttributeValueChanged>> HandleAsync(SetItemAttributeValue command, CancellationToken cancellationToken = default) =>
        SaveErrors.RetryOnConcurrencyAsync(db, () => TrySetAsync(command, cancellationToken));

    private async Task<CommandResult<ItemAttributeValueChanged>> TrySetAsync(SetItemAttributeValue command, CancellationToken cancellationToken)
    {
        // The owner first: an unknown (or another company's) item is "not found", whatever the body says.
        await EnsureOwnerExistsAsync(command.OwnerType, command.OwnerId, cancellationToken);
        if (command.AttributeId is null && string.IsNullOrWhiteSpace(command.AttributeName))
        {
            throw ValidationFailedException.For("attributeId", "is required (or attributeName).");
        }

        var attribute = await FindAttributeAsync(command, cancellationToken);
        await RowLocks.ShareAsync(db, "item_attributes", attribute.Id, cancellationToken);

        // Re-read under the lock: a type or option change committed while we waited must be seen.
        await db.Entry(attribute).ReloadAsync(cancellationToken);
        if (attribute.Blocked)
        {
            throw ValidationFailedException.For("attributeId", $"{attribute.Name} is blocked.");
        }

        var value = attribute.NormalizeValue("value", command.Value);
        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.ItemAttributeValues.SingleOrDefaultAsync(
            v => v.OwnerType == command.OwnerType && v.OwnerId == command.OwnerId && v.AttributeId == attribute.Id, cancellationToken);
        if (row is null)
        {
            row = new ItemAttributeValue
            {
                TenantId = db.CurrentTenantId,
                Id = Guid.CreateVersion7(now),
                OwnerType = command.OwnerType,
                OwnerId = command.OwnerId,
                AttributeId = attribute.Id,
            };
            db.ItemAttributeValues.Add(row);
        }
        else if (command.ExpectedVersion is { } expected && expected != row.Version)
        {
            throw new ConcurrencyException("Item attribute value", expected, row.Version);
        }

        row.Value = value;
        row.LastModifiedUtc = now;
        row.Version++;
        var snapshot = row.ToEvent();
        var position = db.Enqueue(snapshot, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && SaveErrors.IsUniqueViolation(e))
        {
            // A concurrent first value of the same attribute won: run again and replace it.
            db.ChangeTracker.Clear();
            throw new DbUpdateConcurrencyException("A value of this attribute was added concurrently.", e);
        }

        return new CommandResult<ItemAttributeValueChanged>(snapshot, position);
    }

    private async Task<ItemAttribute> FindAttributeAsync(SetItemAttributeValue command, CancellationToken cancellationToken)
    {
        if (command.AttributeId is { } id)
        {
            return await db.ItemAttributes.SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
                ?? throw ValidationFailedException.For("attributeId", $"there is no item attribute '{id}'.");
        }

        var name = ItemAttributeNames.Normalize(command.AttributeName!);
        return await db.ItemAttributes.SingleOrDefaultAsync(a => a.NormalizedName == name, cancellationToken)
            ?? throw ValidationFailedException.For("attributeName", $"there is no item attribute '{command.AttributeName!.Trim()}'.");
    }

    private async Task EnsureOwnerExistsAsync(AttributeOwnerType ownerType, Guid ownerId, CancellationToken cancellationToken)
    {
        // The owner's row is share-locked so that deleting a category cannot miss a value added meanwhile.
        if (ownerType == AttributeOwnerType.ItemCategory)
        {
            await RowLocks.ShareAsync(db, "item_categories", ownerId, cancellationToken);
            if (!await db.ItemCategories.AnyAsync(c => c.Id == ownerId, cancellationToken))
            {
                throw new NotFoundException("Item category", ownerId);
            }
        }
        else if (!await db.Items.AnyAsync(i => i.Id == ownerId, cancellationToken))
        {
            throw new NotFoundException("Item", ownerId);
        }
    }
}

/// <summary>Remove an attribute's value from an item or category (an inherited default then shows again).</summary>
public sealed record RemoveItemAttributeValue
{
    public required AttributeOwnerType OwnerType { get; init; }
    public required Guid OwnerId { get; init; }
    public required Guid AttributeId { get; init; }
    public long? ExpectedVersion { get; init; }
}

public sealed class RemoveItemAttributeValueHandler(WriteDbContext db, TimeProvider clock)
{
    public async Task<CommandResult<ItemAttributeValueChanged>> HandleAsync(RemoveItemAttributeValue command, CancellationToken cancellationToken = default)
    {
        var row = await db.ItemAttributeValues.SingleOrDefaultAsync(
                v => v.OwnerType == command.OwnerType && v.OwnerId == command.OwnerId && v.AttributeId == command.AttributeId, cancellationToken)
            ?? throw new NotFoundException("Item attribute value", command.AttributeId);
        if (command.ExpectedVersion is { } expected && expected != row.Version)
        {
            throw new ConcurrencyException("Item attribute value", expected, row.Version);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        row.Version++;
        row.LastModifiedUtc = now;
        var snapshot = row.ToEvent(deleted: true);
        var position = db.Enqueue(snapshot, now);
        db.ItemAttributeValues.Remove(row);
        await WriteSaves.SaveChangesAsync(db, "Item attribute value", command.ExpectedVersion, row.Version - 1, "attributeId", "", cancellationToken);
        return new CommandResult<ItemAttributeValueChanged>(snapshot, position);
    }
}
