using Microsoft.EntityFrameworkCore;
using Saas.Contracts.Inventory;
using Saas.Write.Common;

namespace Saas.Write.Inventory.Catalog;

/// <summary>Create an item category, at the top of the tree or under an existing parent.</summary>
public sealed record CreateItemCategory
{
    public required string Code { get; init; }
    public required string DisplayName { get; init; }
    public string ParentCategory { get; init; } = "";

    public void Validate()
    {
        var v = new Validation();
        v.Required("code", Code?.Trim(), ItemCategory.CodeLength);
        v.MaxLength("displayName", DisplayName?.Trim(), ItemCategory.DisplayNameLength);
        v.MaxLength("parentCategory", ParentCategory?.Trim(), ItemCategory.CodeLength);
        if (Code is not null && ParentCategory is not null && Codes.Normalize(Code) == Codes.Normalize(ParentCategory))
        {
            v.Add("parentCategory", "a category cannot be its own parent.");
        }

        v.ThrowIfInvalid();
    }
}

public sealed class CreateItemCategoryHandler(WriteDbContext db, TimeProvider clock)
{
    public Task<CommandResult<ItemCategoryChanged>> HandleAsync(CreateItemCategory command, CancellationToken cancellationToken = default)
    {
        command.Validate();
        return SaveErrors.RetryOnConcurrencyAsync(db, () => TryCreateAsync(command, cancellationToken));
    }

    private async Task<CommandResult<ItemCategoryChanged>> TryCreateAsync(CreateItemCategory command, CancellationToken cancellationToken)
    {
        var code = Codes.Normalize(command.Code);
        var parent = Codes.Normalize(command.ParentCategory);
        await ItemCategories.LockTreeAsync(db, cancellationToken);
        if (await db.ItemCategories.AnyAsync(c => c.Code == code, cancellationToken))
        {
            throw new ConflictException("code", $"Item category {code} already exists.");
        }

        await ItemCategories.EnsureExistsAsync(db, parent, "parentCategory", cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var category = new ItemCategory
        {
            TenantId = db.CurrentTenantId,
            Id = Guid.CreateVersion7(now),
            Code = code,
            DisplayName = (command.DisplayName ?? "").Trim(),
            ParentCategory = parent,
            LastModifiedUtc = now,
            Version = 1,
        };
        db.ItemCategories.Add(category);
        var snapshot = category.ToEvent();
        var position = db.Enqueue(snapshot, now);
        await WriteSaves.SaveNewAsync(db, "code", $"Item category {code} already exists.", cancellationToken);
        return new CommandResult<ItemCategoryChanged>(snapshot, position);
    }
}
