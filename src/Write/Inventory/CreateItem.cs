using Microsoft.EntityFrameworkCore;
using Saas.Contracts.MasterData;
using Saas.Write.Common;
using Saas.Write.Inventory.Catalog;
using Saas.Write.Setup;

namespace Saas.Write.Inventory;

/// <summary>Create an item card. Without a number, the next number of the ITEM series is used (as in BC).</summary>
public sealed record CreateItem
{
    public string? Number { get; init; }
    public required string DisplayName { get; init; }
    public ItemType Type { get; init; } = ItemType.Inventory;
    public string BaseUnitOfMeasureCode { get; init; } = "PCS";
    public decimal UnitPrice { get; init; }
    public decimal UnitCost { get; init; }
    public CostingMethod CostingMethod { get; init; } = CostingMethod.FIFO;
    public string ItemCategoryCode { get; init; } = "";
    public bool Blocked { get; init; }
    public bool SalesBlocked { get; init; }
    public bool PurchasingBlocked { get; init; }

    public void Validate()
    {
        var v = new Validation();
        v.MaxLength("number", Number?.Trim(), Item.NumberLength);
        v.Required("displayName", DisplayName?.Trim(), Item.DisplayNameLength);
        v.Defined("type", (ItemType?)Type);
        v.MaxLength("baseUnitOfMeasureCode", BaseUnitOfMeasureCode?.Trim(), Item.UnitOfMeasureLength);
        v.NotNegative("unitPrice", UnitPrice);
        v.NotNegative("unitCost", UnitCost);
        v.Defined("costingMethod", (CostingMethod?)CostingMethod);
        v.MaxLength("itemCategoryCode", ItemCategoryCode?.Trim(), Item.CategoryLength);
        v.ThrowIfInvalid();
    }
}

public sealed class CreateItemHandler(WriteDbContext db, NumberSeries numbers, TimeProvider clock)
{
    public Task<CommandResult<ItemChanged>> HandleAsync(CreateItem command, CancellationToken cancellationToken = default)
    {
        command.Validate();
        return SaveErrors.RetryOnConcurrencyAsync(db, () => TryCreateAsync(command, cancellationToken));
    }

    private async Task<CommandResult<ItemChanged>> TryCreateAsync(CreateItem command, CancellationToken cancellationToken)
    {
        var number = Codes.Normalize(command.Number);
        var fromSeries = number.Length == 0;
        await ItemCategories.EnsureExistsAsync(db, Codes.Normalize(command.ItemCategoryCode), "itemCategoryCode", cancellationToken);
        await UnitsOfMeasure.EnsureExistsAsync(db, Codes.Normalize(command.BaseUnitOfMeasureCode), "baseUnitOfMeasureCode", cancellationToken);
        if (number.Length == 0)
        {
            number = await numbers.TakeNextAsync(NoSeries.Items, "number", IsFreeAsync, cancellationToken);
        }
        else if (!await IsFreeAsync(number))
        {
            throw new ConflictException("number", $"Item {number} already exists.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var item = new Item
        {
            TenantId = db.CurrentTenantId,
            Id = Guid.CreateVersion7(now),
            Number = number,
            DisplayName = command.DisplayName.Trim(),
            Type = command.Type,
            BaseUnitOfMeasureCode = Codes.Normalize(command.BaseUnitOfMeasureCode),
            UnitPrice = command.UnitPrice,
            UnitCost = command.UnitCost,
            CostingMethod = command.CostingMethod,
            ItemCategoryCode = Codes.Normalize(command.ItemCategoryCode),
            Blocked = command.Blocked,
            SalesBlocked = command.SalesBlocked,
            PurchasingBlocked = command.PurchasingBlocked,
            // BC's item templates: goods post as RETAIL/RESALE, services as SERVICES and never to inventory.
            GenProdPostingGroup = command.Type == ItemType.Service ? Finance.Setup.DefaultFinanceSetup.Services : Finance.Setup.DefaultFinanceSetup.Retail,
            InventoryPostingGroup = command.Type == ItemType.Inventory ? Finance.Setup.DefaultFinanceSetup.Resale : "",
            LastModifiedUtc = now,
            Version = 1,
        };
        db.Items.Add(item);
        var snapshot = item.ToEvent();
        var position = db.Enqueue(snapshot, now);
        await WriteSaves.SaveNewAsync(db, "number", $"Item {number} already exists.", cancellationToken, numberFromSeries: fromSeries);

        return new CommandResult<ItemChanged>(snapshot, position);

        // Any(number == x) is an index seek on (tenant_id, number); All(number != x) compiles to a scan.
        async Task<bool> IsFreeAsync(string candidate) => !await db.Items.AnyAsync(i => i.Number == candidate, cancellationToken);
    }
}
