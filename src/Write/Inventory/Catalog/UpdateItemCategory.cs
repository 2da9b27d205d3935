using Microsoft.EntityFrameworkCore;
using Saas.Contracts.Inventory;
using Saas.Write.Common;

namespace Saas.Write.Inventory.Catalog;

/// <summary>
/// Change an item category (PATCH semantics: null = unchanged). Moving it under another parent is refused when
/// that would close a loop. The code is the key items and child categories refer to, so it can only change
/// while nothing refers to it (BC renames every reference instead; a small company rarely renames codes, and
/// rewriting every item is not worth its surprises).
/// </summary>
public sealed record UpdateItemCategory
{
    public required Guid Id { get; init; }
    public long? ExpectedVersion { get; init; }
    public string? Code { get; init; }
    public string? DisplayName { get; init; }
    public string? ParentCategory { get; init; }

    public void Validate()
    {
        var v = new Validation();
        if (Code is not null)
        {
            v.Required("code", Code.Trim(), ItemCategory.CodeLength);
        }

        v.MaxLength("displayName", DisplayName?.Trim(), ItemCategory.DisplayNameLength);
        v.MaxLength("parentCategory", ParentCategory?.Trim(), ItemCategory.CodeLength);
        v.ThrowIfInvalid();
    }
}

public sealed class UpdateItemCategoryHandler(WriteDbContext db, TimeProvider clock)
{
    /// <summary>Deeper trees than this are a data error, not a catalog; the walk stops instead of looping.</summary>
    internal const int MaxDepth = 100;

    public Task<CommandResult<ItemCategoryChanged>> HandleAsync(UpdateItemCategory command, CancellationToken cancellationToken = default)
    {
        command.Validate();
        return SaveErrors.RetryOnConcurrencyAsync(db, () => TryUpdateAsync(command, cancellationToken));
    }

    private async Task<CommandResult<ItemCategoryChanged>> TryUpdateAsync(UpdateItemCategory command, CancellationToken cancellationToken)
    {
        await ItemCategories.LockTreeAsync(db, cancellationToken);
        var category = await db.ItemCategories.SingleOrDefaultAsync(c => c.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Item category", command.Id);
        if (command.ExpectedVersion is { } expected && expected != category.Version)
        {
            throw new ConcurrencyException("Item category", expected, category.Version);
        }

        var code = Codes.NormalizeOrNull(command.Code);
        if (code is not null && code != category.Code)
        {
            if (await db.ItemCategories.AnyAsync(c => c.Code == code, cancellationToken))
            {
                throw new ConflictException("code", $"Item category {code} already exists.");
            }

            if (await IsReferencedAsync(category.Code, cancellationToken))
            {
                throw ValidationFailedException.For(
                    "code", $"cannot change while items, catalog items or child categories use {category.Code}.");
            }
        }

        var parent = Codes.NormalizeOrNull(command.ParentCategory);
        if (parent is not null && parent != category.ParentCategory)
        {
            await ItemCategories.EnsureExistsAsync(db, parent, "parentCategory", cancellationToken);
            await EnsureNoCycleAsync(category.Code, code ?? category.Code, parent, cancellationToken);
        }

        category.Code = code ?? category.Code;
        category.DisplayName = command.DisplayName?.Trim() ?? category.DisplayName;
        category.ParentCategory = parent ?? category.ParentCategory;
        var now = clock.GetUtcNow().UtcDateTime;
        category.LastModifiedUtc = now;
        category.Version++;
        var snapshot = category.ToEvent();
        var position = db.Enqueue(snapshot, now);
        await WriteSaves.SaveChangesAsync(
            db, "Item category", command.ExpectedVersion, category.Version - 1, "code", $"Item category {category.Code} already exists.", cancellationToken);
        return new CommandResult<ItemCategoryChanged>(snapshot, position);
    }

    private async Task<bool> IsReferencedAsync(string code, CancellationToken cancellationToken) =>
        await db.ItemCategories.AnyAsync(c => c.ParentCategory == code, cancellationToken)
        || await db.Items.AnyAsync(i => i.ItemCategoryCode == code, cancellationToken)
        || await db.CatalogItems.AnyAsync(i => i.ItemCategoryCode == code, cancellationToken);

    /// <summary>Walks up from the new parent: meeting the category itself means the move would close a loop.</summary>
    private async Task EnsureNoCycleAsync(string oldCode, string newCode, string parent, CancellationToken cancellationToken)
    {
        var parents = await db.ItemCategories.AsNoTracking()
            .ToDictionaryAsync(c => c.Code, c => c.ParentCategory, cancellationToken);
        var current = parent;
        for (var depth = 0; current.Length > 0 && depth <= MaxDepth; depth++)
        {
            if (current == oldCode || current == newCode)
            {
                throw ValidationFailedException.For(
                    "parentCategory", $"{parent} is {(current == parent ? "the category itself" : "below this category")}; a category cannot be placed under itself.");
            }

            current = parents.GetValueOrDefault(current, "");
        }
    }
}
