using Microsoft.EntityFrameworkCore;
using Saas.Contracts.Inventory;
using Saas.Write.Common;

namespace Saas.Write.Inventory.Catalog;

/// <summary>Define an item attribute. Names are unique per company, ignoring case (as in BC).</summary>
public sealed record CreateItemAttribute
{
    public required string Name { get; init; }
    public ItemAttributeType Type { get; init; } = ItemAttributeType.Text;
    public IReadOnlyList<string> OptionValues { get; init; } = [];
    public string UnitOfMeasure { get; init; } = "";
    public bool Blocked { get; init; }

    public void Validate()
    {
        var v = new Validation();
        v.Required("name", Name?.Trim(), ItemAttribute.NameLength);
        v.Defined("type", (ItemAttributeType?)Type);
        ItemAttribute.ValidateDefinition(v, Type, OptionValues, UnitOfMeasure);
        v.ThrowIfInvalid();
    }
}

public sealed class CreateItemAttributeHandler(WriteDbContext db, TimeProvider clock)
{
    public async Task<CommandResult<ItemAttributeChanged>> HandleAsync(CreateItemAttribute command, CancellationToken cancellationToken = default)
    {
        command.Validate();
        var name = command.Name.Trim();
        if (await ItemAttributeNames.IsTakenAsync(db, name, null, cancellationToken))
        {
            throw new ConflictException("name", $"Item attribute {name} already exists.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var attribute = new ItemAttribute
        {
            TenantId = db.CurrentTenantId,
            Id = Guid.CreateVersion7(now),
            Name = name,
            NormalizedName = ItemAttributeNames.Normalize(name),
            Type = command.Type,
            OptionValues = ItemAttribute.JoinOptions(command.OptionValues),
            UnitOfMeasure = (command.UnitOfMeasure ?? "").Trim(),
            Blocked = command.Blocked,
            LastModifiedUtc = now,
            Version = 1,
        };
        db.ItemAttributes.Add(attribute);
        var snapshot = attribute.ToEvent();
        var position = db.Enqueue(snapshot, now);
        await WriteSaves.SaveNewAsync(db, "name", $"Item attribute {name} already exists.", cancellationToken);
        return new CommandResult<ItemAttributeChanged>(snapshot, position);
    }
}

/// <summary>Attribute names are compared ignoring case: "Colour" and "COLOUR" are one attribute.</summary>
internal static class ItemAttributeNames
{
    public static string Normalize(string name) => name.Trim().ToUpperInvariant();

    public static Task<bool> IsTakenAsync(WriteDbContext db, string name, Guid? except, CancellationToken cancellationToken)
    {
        var normalized = Normalize(name);
        return db.ItemAttributes.AnyAsync(a => a.NormalizedName == normalized && a.Id != except, cancellationToken);
    }
}
