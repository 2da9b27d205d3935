using Microsoft.EntityFrameworkCore;
using Saas.Contracts.Inventory;
using Saas.Write.Common;

namespace Saas.Write.Inventory.Catalog;

/// <summary>Add an item reference. The item is named by id or by number.</summary>
public sealed record CreateItemReference
{
    public Guid? ItemId { get; init; }
    public string? ItemNumber { get; init; }
    public required ItemReferenceType ReferenceType { get; init; }
    public string ReferenceTypeNumber { get; init; } = "";
    public required string ReferenceNumber { get; init; }
    public string UnitOfMeasureCode { get; init; } = "";
    public string Description { get; init; } = "";
}

/// <summary>Change an item reference (PATCH semantics: null = unchanged).</summary>
public sealed record UpdateItemReference
{
    public required Guid Id { get; init; }
    public long? ExpectedVersion { get; init; }
    public ItemReferenceType? ReferenceType { get; init; }
    public string? ReferenceTypeNumber { get; init; }
    public string? ReferenceNumber { get; init; }
    public string? UnitOfMeasureCode { get; init; }
    public string? Description { get; init; }
}

public sealed record DeleteItemReference
{
    public required Guid Id { get; init; }
    public long? ExpectedVersion { get; init; }
}

/// <summary>Creates, changes and deletes item references; one class because all three share the same rules.</summary>
public sealed class ItemReferenceHandlers(WriteDbContext db, TimeProvider clock)
{
    public async Task<CommandResult<ItemReferenceChanged>> CreateAsync(CreateItemReference command, CancellationToken cancellationToken = default)
    {
        var v = new Validation();
        v.Defined("referenceType", (ItemReferenceType?)command.ReferenceType);
        if (command.ItemId is null && string.IsNullOrWhiteSpace(command.ItemNumber))
        {
            v.Add("itemId", "is required (or itemNumber).");
        }

        ValidateFields(v, command.ReferenceTypeNumber, command.ReferenceNumber, command.UnitOfMeasureCode, command.Description, required: true);
        v.ThrowIfInvalid();

        var itemId = await FindItemAsync(command.ItemId, command.ItemNumber, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var reference = new ItemReference
        {
            TenantId = db.CurrentTenantId,
            Id = Guid.CreateVersion7(now),
            ItemId = itemId,
            ReferenceType = command.ReferenceType,
            ReferenceTypeNumber = Codes.Normalize(command.ReferenceTypeNumber),
            ReferenceNumber = Codes.Normalize(command.ReferenceNumber),
            UnitOfMeasureCode = Codes.Normalize(command.UnitOfMeasureCode),
            Description = (command.Description ?? "").Trim(),
            LastModifiedUtc = now,
            Version = 1,
        };
        await EnsureConsistentAsync(reference, cancellationToken);
        db.ItemReferences.Add(reference);
        var snapshot = reference.ToEvent();
        var position = db.Enqueue(snapshot, now);
        await WriteSaves.SaveNewAsync(db, "referenceNumber", Duplicate(reference), cancellationToken);
        return new CommandResult<ItemReferenceChanged>(snapshot, position);
    }

    public async Task<CommandResult<ItemReferenceChanged>> UpdateAsync(UpdateItemReference command, CancellationToken cancellationToken = default)
    {
        var v = new Validation();
        v.Defined("referenceType", command.ReferenceType);
        ValidateFields(v, command.ReferenceTypeNumber, command.ReferenceNumber, command.UnitOfMeasureCode, command.Description, required: false);
        v.ThrowIfInvalid();

        var reference = await LoadAsync(command.Id, command.ExpectedVersion, cancellationToken);
        reference.ReferenceType = command.ReferenceType ?? reference.ReferenceType;
        reference.ReferenceTypeNumber = Codes.NormalizeOrNull(command.ReferenceTypeNumber) ?? reference.ReferenceTypeNumber;
        reference.ReferenceNumber = Codes.NormalizeOrNull(command.ReferenceNumber) ?? reference.ReferenceNumber;
        reference.UnitOfMeasureCode = Codes.NormalizeOrNull(command.UnitOfMeasureCode) ?? reference.UnitOfMeasureCode;
        reference.Description = command.Description?.Trim() ?? reference.Description;
        await EnsureConsistentAsync(reference, cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        reference.LastModifiedUtc = now;
        reference.Version++;
        var snapshot = reference.ToEvent();
        var position = db.Enqueue(snapshot, now);
        await WriteSaves.SaveChangesAsync(
            db, "Item reference", command.ExpectedVersion, reference.Version - 1, "referenceNumber", Duplicate(reference), cancellationToken);
        return new CommandResult<ItemReferenceChanged>(snapshot, position);
    }

    public async Task<CommandResult<ItemReferenceChanged>> DeleteAsync(DeleteItemReference command, CancellationToken cancellationToken = default)
    {
        var reference = await LoadAsync(command.Id, command.ExpectedVersion, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        reference.LastModifiedUtc = now;
        reference.Version++;
        var snapshot = reference.ToEvent(deleted: true);
        var position = db.Enqueue(snapshot, now);
        db.ItemReferences.Remove(reference);
        await WriteSaves.SaveChangesAsync(db, "Item reference", command.ExpectedVersion, reference.Version - 1, "referenceNumber", "", cancellationToken);
        return new CommandResult<ItemReferenceChanged>(snapshot, position);
    }

    private static void ValidateFields(Validation v, string? typeNumber, string? number, string? unit, string? description, bool required)
    {
        v.MaxLength("referenceTypeNumber", typeNumber?.Trim(), ItemReference.ReferenceTypeNumberLength);
        if (required || number is not null)
        {
            v.Required("referenceNumber", number?.Trim(), ItemReference.ReferenceNumberLength);
        }

        v.MaxLength("unitOfMeasureCode", unit?.Trim(), Item.UnitOfMeasureLength);
        v.MaxLength("description", description?.Trim(), ItemReference.DescriptionLength);
    }

    private async Task<ItemReference> LoadAsync(Guid id, long? expectedVersion, CancellationToken cancellationToken)
    {
        var reference = await db.ItemReferences.SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new NotFoundException("Item reference", id);
        if (expectedVersion is { } expected && expected != reference.Version)
        {
            throw new ConcurrencyException("Item reference", expected, reference.Version);
        }

        return reference;
    }

    private async Task<Guid> FindItemAsync(Guid? id, string? number, CancellationToken cancellationToken)
    {
        if (id is { } itemId)
        {
            return await db.Items.AnyAsync(i => i.Id == itemId, cancellationToken)
                ? itemId
                : throw ValidationFailedException.For("itemId", $"there is no item '{itemId}'.");
        }

        var code = Codes.Normalize(number);
        return await db.Items.Where(i => i.Number == code).Select(i => (Guid?)i.Id).SingleOrDefaultAsync(cancellationToken)
            ?? throw ValidationFailedException.For("itemNumber", $"there is no item '{code}'.");
    }

    /// <summary>BC's table relation of Reference Type No.: the customer or vendor must exist; a bar code has none.</summary>
    private async Task EnsureConsistentAsync(ItemReference reference, CancellationToken cancellationToken)
    {
        var number = reference.ReferenceTypeNumber;
        var known = reference.ReferenceType switch
        {
            ItemReferenceType.Customer => number.Length > 0 && await db.Customers.AnyAsync(c => c.Number == number, cancellationToken),
            ItemReferenceType.Vendor => number.Length > 0 && await db.Vendors.AnyAsync(x => x.Number == number, cancellationToken),
            _ => number.Length == 0,
        };
        if (!known)
        {
            throw ValidationFailedException.For("referenceTypeNumber", reference.ReferenceType switch
            {
                ItemReferenceType.BarCode => "must be empty for a bar code.",
                _ => $"there is no {BcEnum.ToWord(reference.ReferenceType).ToLowerInvariant()} '{number}'.",
            });
        }

        var taken = await db.ItemReferences.AnyAsync(
            r => r.ReferenceType == reference.ReferenceType && r.ReferenceTypeNumber == number
                && r.ReferenceNumber == reference.ReferenceNumber && r.Id != reference.Id,
            cancellationToken);
        if (taken)
        {
            throw new ConflictException("referenceNumber", Duplicate(reference));
        }
    }

    private static string Duplicate(ItemReference r) =>
        $"Reference {r.ReferenceNumber} of {BcEnum.ToWord(r.ReferenceType)} {r.ReferenceTypeNumber} already names an item.".Replace("  ", " ");
}
