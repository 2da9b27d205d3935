using Microsoft.EntityFrameworkCore;
using Saas.Contracts.MasterData;
using Saas.Write.Common;
using Saas.Write.Inventory.Catalog;
using Saas.Write.Setup;

namespace Saas.Write.Inventory;

/// <summary>
/// Change an item card (PATCH semantics: a null field stays as it is). Blocking is a change like any other:
/// set <see cref="Blocked"/>, <see cref="SalesBlocked"/> or <see cref="PurchasingBlocked"/>.
/// <see cref="ExpectedVersion"/> is the version the caller saw (the ETag); null skips the check.
/// </summary>
public sealed record UpdateItem
{
    public required Guid Id { get; init; }
    public long? ExpectedVersion { get; init; }
    public string? Number { get; init; }
    public string? DisplayName { get; init; }
    public ItemType? Type { get; init; }
    public string? BaseUnitOfMeasureCode { get; init; }
    public decimal? UnitPrice { get; init; }
    public decimal? UnitCost { get; init; }
    public CostingMethod? CostingMethod { get; init; }
    public string? ItemCategoryCode { get; init; }
    public bool? Blocked { get; init; }
    public bool? SalesBlocked { get; init; }
    public bool? PurchasingBlocked { get; init; }

    public void Validate()
    {
        var v = new Validation();
        if (Number is not null)
        {
            v.Required("number", Number.Trim(), Item.NumberLength);
        }

        if (DisplayName is not null)
        {
            v.Required("displayName", DisplayName.Trim(), Item.DisplayNameLength);
        }

        v.Defined("type", Type);
        v.MaxLength("baseUnitOfMeasureCode", BaseUnitOfMeasureCode?.Trim(), Item.UnitOfMeasureLength);
        v.NotNegative("unitPrice", UnitPrice);
        v.NotNegative("unitCost", UnitCost);
        v.Defined("costingMethod", CostingMethod);
        v.MaxLength("itemCategoryCode", ItemCategoryCode?.Trim(), Item.CategoryLength);
        v.ThrowIfInvalid();
    }
}

public sealed class UpdateItemHandler(WriteDbContext db, TimeProvider clock)
{
    public Task<CommandResult<ItemChanged>> HandleAsync(UpdateItem command, CancellationToken cancellationToken = default)
    {
        command.Validate();

        // In a transaction: the category check holds its lock until the change commits (see ItemCategories).
        return SaveErrors.RetryOnConcurrencyAsync(db, () => TryUpdateAsync(command, cancellationToken));
    }

    private async Task<CommandResult<ItemChanged>> TryUpdateAsync(UpdateItem command, CancellationToken cancellationToken)
    {
        var item = await db.Items.SingleOrDefaultAsync(i => i.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Item", command.Id);
        if (command.ExpectedVersion is { } expected && expected != item.Version)
        {
            throw new ConcurrencyException("Item", expected, item.Version);
        }

        var number = Codes.NormalizeOrNull(command.Number);
        if (number is not null && number != item.Number
            && await db.Items.AnyAsync(i => i.Number == number && i.Id != item.Id, cancellationToken))
        {
            throw new ConflictException("number", $"Item {number} already exists.");
        }

        var category = Codes.NormalizeOrNull(command.ItemCategoryCode);
        if (category is not null && category != item.ItemCategoryCode)
        {
            await ItemCategories.EnsureExistsAsync(db, category, "itemCategoryCode", cancellationToken);
        }

        var unit = Codes.NormalizeOrNull(command.BaseUnitOfMeasureCode);
        if (unit is not null && unit != item.BaseUnitOfMeasureCode)
        {
            await UnitsOfMeasure.EnsureExistsAsync(db, unit, "baseUnitOfMeasureCode", cancellationToken);
        }

        // BC: "You cannot change Costing Method because there are one or more ledger entries for this item." Cost
        // adjustment trusts the posted costs of entries its changes do not reach (ADR 008), which a new method would
        // silently invalidate.
        if (command.CostingMethod is { } method && method != item.CostingMethod
            && await db.ItemLedgerEntries.AnyAsync(e => e.ItemId == item.Id, cancellationToken))
        {
            throw ValidationFailedException.For("costingMethod",
                $"The costing method of item {item.Number} cannot be changed: it has item ledger entries.");
        }

        item.Number = number ?? item.Number;
        item.DisplayName = command.DisplayName?.Trim() ?? item.DisplayName;
        item.Type = command.Type ?? item.Type;
        item.BaseUnitOfMeasureCode = unit ?? item.BaseUnitOfMeasureCode;
        item.UnitPrice = command.UnitPrice ?? item.UnitPrice;
        item.UnitCost = command.UnitCost ?? item.UnitCost;
        item.CostingMethod = command.CostingMethod ?? item.CostingMethod;
        item.ItemCategoryCode = Codes.NormalizeOrNull(command.ItemCategoryCode) ?? item.ItemCategoryCode;
        item.Blocked = command.Blocked ?? item.Blocked;
        item.SalesBlocked = command.SalesBlocked ?? item.SalesBlocked;
        item.PurchasingBlocked = command.PurchasingBlocked ?? item.PurchasingBlocked;

        var now = clock.GetUtcNow().UtcDateTime;
        item.LastModifiedUtc = now;
        item.Version++;
        var snapshot = item.ToEvent();
        var position = db.Enqueue(snapshot, now);
        await WriteSaves.SaveChangesAsync(db, "Item", command.ExpectedVersion, item.Version - 1, "number", $"Item {item.Number} already exists.", cancellationToken);
        return new CommandResult<ItemChanged>(snapshot, position);
    }
}
