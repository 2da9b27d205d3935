using Microsoft.EntityFrameworkCore;
using Saas.Contracts.Inventory;
using Saas.Write.Common;

namespace Saas.Write.Inventory.Catalog;

/// <summary>
/// Change an item attribute (PATCH semantics). As in BC, the type cannot change once values exist, and an
/// option value that items or categories use cannot be removed: both would leave values that no longer fit.
/// </summary>
public sealed record UpdateItemAttribute
{
    public required Guid Id { get; init; }
    public long? ExpectedVersion { get; init; }
    public string? Name { get; init; }
    public ItemAttributeType? Type { get; init; }

    /// <summary>The complete new list of option values (null = unchanged).</summary>
    public IReadOnlyList<string>? OptionValues { get; init; }

    public string? UnitOfMeasure { get; init; }
    public bool? Blocked { get; init; }

    public void Validate()
    {
        var v = new Validation();
        if (Name is not null)
        {
            v.Required("name", Name.Trim(), ItemAttribute.NameLength);
        }

        v.Defined("type", Type);
        v.ThrowIfInvalid();
    }
}

public sealed class UpdateItemAttributeHandler(WriteDbContext db, TimeProvider clock)
{
    public Task<CommandResult<ItemAttributeChanged>> HandleAsync(UpdateItemAttribute command, CancellationToken cancellationToken = default)
    {
        command.Validate();
        return SaveErrors.RetryOnConcurrencyAsync(db, () => TryUpdateAsync(command, cancellationToken));
    }

    private async Task<CommandResult<ItemAttributeChanged>> TryUpdateAsync(UpdateItemAttribute command, CancellationToken cancellationToken)
    {
        await RowLocks.ExclusiveAsync(db, "item_attributes", command.Id, cancellationToken);
        var attribute = await db.ItemAttributes.SingleOrDefaultAsync(a => a.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Item attribute", command.Id);
        if (command.ExpectedVersion is { } expected && expected != attribute.Version)
        {
            throw new ConcurrencyException("Item attribute", expected, attribute.Version);
        }

        var type = command.Type ?? attribute.Type;
        var options = command.OptionValues?.Select(o => (o ?? "").Trim()).ToList() ?? (type == ItemAttributeType.Option ? [.. attribute.Options] : []);
        var unit = command.UnitOfMeasure?.Trim() ?? (type is ItemAttributeType.Integer or ItemAttributeType.Decimal ? attribute.UnitOfMeasure : "");
        var v = new Validation();
        ItemAttribute.ValidateDefinition(v, type, options, unit);
        v.ThrowIfInvalid();

        var name = command.Name?.Trim();
        if (name is not null && await ItemAttributeNames.IsTakenAsync(db, name, attribute.Id, cancellationToken))
        {
            throw new ConflictException("name", $"Item attribute {name} already exists.");
        }

        // Value writers share-lock the attribute they validate against (SetItemAttributeValue), so no value of the
        // old definition can appear between this check and the commit.
        var used = await db.ItemAttributeValues.Where(x => x.AttributeId == attribute.Id).Select(x => x.Value).Distinct().ToListAsync(cancellationToken);
        if (type != attribute.Type && used.Count > 0)
        {
            throw ValidationFailedException.For("type", $"cannot change: items or categories have values of {attribute.Name}.");
        }

        if (type == ItemAttributeType.Option)
        {
            var removed = used.Where(u => !options.Contains(u, StringComparer.Ordinal)).ToList();
            if (removed.Count > 0)
            {
                throw ValidationFailedException.For("optionValues", $"{string.Join(", ", removed)} is in use and cannot be removed.");
            }
        }

        attribute.Name = name ?? attribute.Name;
        attribute.NormalizedName = ItemAttributeNames.Normalize(attribute.Name);
        attribute.Type = type;
        attribute.OptionValues = ItemAttribute.JoinOptions(options);
        attribute.UnitOfMeasure = unit;
        attribute.Blocked = command.Blocked ?? attribute.Blocked;
        var now = clock.GetUtcNow().UtcDateTime;
        attribute.LastModifiedUtc = now;
        attribute.Version++;
        var snapshot = attribute.ToEvent();
        var position = db.Enqueue(snapshot, now);
        await WriteSaves.SaveChangesAsync(
            db, "Item attribute", command.ExpectedVersion, attribute.Version - 1, "name", $"Item attribute {attribute.Name} already exists.", cancellationToken);
        return new CommandResult<ItemAttributeChanged>(snapshot, position);
    }
}
