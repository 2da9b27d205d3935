using Saas.Read.Common;
using Saas.Tenancy.Storage;

namespace Saas.Read.Inventory;

public sealed record ItemAttributeListQuery : ListQuery
{
    /// <summary>BC word: Option, Text, Integer, Decimal.</summary>
    public string? Type { get; init; }

    public bool? Blocked { get; init; }
}

/// <summary>
/// An attribute value as an item (or category) shows it: its own value, or the default of the nearest category
/// above it that has one (<see cref="InheritedFromCategory"/> names that category).
/// </summary>
public sealed record EffectiveAttributeValue
{
    public required Guid AttributeId { get; init; }
    public required string AttributeName { get; init; }
    public required string AttributeType { get; init; }
    public required string Value { get; init; }
    public required string UnitOfMeasure { get; init; }

    /// <summary>"" when the value is the owner's own; otherwise the code of the category it comes from.</summary>
    public required string InheritedFromCategory { get; init; }

    /// <summary>The version of the row the value comes from (the ETag of the owner's own value).</summary>
    public required long Version { get; init; }

    public required DateTime LastModifiedUtc { get; init; }
}

/// <summary>Attribute definitions, and the attribute values of items and categories with category inheritance.</summary>
public sealed class ItemAttributeQueries(TenantDb db)
{
    /// <summary>Categories deeper than this are a data error; the walk up stops rather than loops.</summary>
    private const int MaxDepth = 100;

    internal const string Columns =
        "tenant_id AS TenantId, id AS Id, name AS Name, type AS Type, option_values AS OptionValues, unit_of_measure AS UnitOfMeasure, " +
        "blocked AS Blocked, last_modified_utc AS LastModifiedUtc, version AS Version";

    public Task<Page<ItemAttributeRow>> ListAsync(ItemAttributeListQuery query, CancellationToken cancellationToken = default) =>
        db.ReadAsync(session =>
        {
            var sql = new ListSql(
                "item_attribute_list",
                Columns,
                new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
                {
                    ["name"] = "name",
                    ["type"] = "type",
                    ["lastModifiedDateTime"] = "last_modified_utc",
                },
                "name",
                ["name"]);
            if (query.Type is not null)
            {
                sql.Where("type = @Type", "Type", query.Type);
            }

            if (query.Blocked is not null)
            {
                sql.Where("blocked = @Blocked", "Blocked", query.Blocked.Value);
            }

            return sql.RunAsync<ItemAttributeRow>(session, query);
        }, cancellationToken);

    public Task<ItemAttributeRow?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.ReadAsync(
            session => session.QuerySingleOrDefaultAsync<ItemAttributeRow>(
                $"SELECT {Columns} FROM item_attribute_list WHERE tenant_id = @TenantId AND id = @Id", new { Id = id }),
            cancellationToken);

    /// <summary>The item's attribute values, its categories' defaults filling the gaps; null for an unknown item.</summary>
    public Task<IReadOnlyList<EffectiveAttributeValue>?> ForItemAsync(Guid itemId, CancellationToken cancellationToken = default) =>
        db.ReadAsync(async session =>
        {
            var category = await session.QuerySingleOrDefaultAsync<string>(
                "SELECT item_category_code FROM item_list WHERE tenant_id = @TenantId AND id = @Id", new { Id = itemId });
            return category is null ? null : await EffectiveAsync(session, "Item", itemId, category);
        }, cancellationToken);

    /// <summary>A category's own defaults and those it inherits from the categories above it; null for an unknown category.</summary>
    public Task<IReadOnlyList<EffectiveAttributeValue>?> ForCategoryAsync(Guid categoryId, CancellationToken cancellationToken = default) =>
        db.ReadAsync(async session =>
        {
            var parent = await session.QuerySingleOrDefaultAsync<string>(
                "SELECT parent_category FROM item_category_list WHERE tenant_id = @TenantId AND id = @Id AND deleted = @Deleted",
                new { Id = categoryId, Deleted = false });
            return parent is null ? null : await EffectiveAsync(session, "Item Category", categoryId, parent);
        }, cancellationToken);

    private static async Task<IReadOnlyList<EffectiveAttributeValue>?> EffectiveAsync(
        TenantSqlSession session, string ownerType, Guid ownerId, string firstCategory)
    {
        // A company has tens of categories, not thousands: reading the whole tree is one cheap query and
        // saves a round trip per level.
        var categories = (await session.QueryAsync<(Guid Id, string Code, string ParentCategory)>(
                "SELECT id AS Id, code AS Code, parent_category AS ParentCategory FROM item_category_list WHERE tenant_id = @TenantId AND deleted = @Deleted",
                new { Deleted = false }))
            .ToDictionary(c => c.Code);
        var chain = new List<(Guid Id, string Code)>();
        for (var code = firstCategory; code.Length > 0 && chain.Count < MaxDepth && categories.TryGetValue(code, out var c); code = c.ParentCategory)
        {
            if (chain.Any(x => x.Id == c.Id))
            {
                break;
            }

            chain.Add((c.Id, c.Code));
        }

        var values = (await session.QueryAsync<ValueWithAttribute>(
                """
                SELECT v.owner_type AS OwnerType, v.owner_id AS OwnerId, v.attribute_id AS AttributeId, v.value AS Value,
                    v.version AS Version, v.last_modified_utc AS LastModifiedUtc, a.name AS AttributeName, a.type AS AttributeType,
                    a.unit_of_measure AS UnitOfMeasure
                FROM item_attribute_value_list v
                JOIN item_attribute_list a ON a.tenant_id = v.tenant_id AND a.id = v.attribute_id
                WHERE v.tenant_id = @TenantId AND v.deleted = @Deleted
                    AND ((v.owner_type = @OwnerType AND v.owner_id = @OwnerId) OR v.owner_type = 'Item Category')
                """,
                new { OwnerType = ownerType, OwnerId = ownerId, Deleted = false }))
            .ToList();

        // Own values first, then each category upwards: the nearest value of an attribute wins.
        var owners = new List<(string Type, Guid Id, string Category)> { (ownerType, ownerId, "") };
        owners.AddRange(chain.Select(c => ("Item Category", c.Id, c.Code)));
        var result = new Dictionary<Guid, EffectiveAttributeValue>();
        foreach (var (type, id, category) in owners)
        {
            foreach (var v in values.Where(v => v.OwnerType == type && v.OwnerId == id))
            {
                result.TryAdd(v.AttributeId, new EffectiveAttributeValue
                {
                    AttributeId = v.AttributeId,
                    AttributeName = v.AttributeName,
                    AttributeType = v.AttributeType,
                    Value = v.Value,
                    UnitOfMeasure = v.UnitOfMeasure,
                    InheritedFromCategory = category,
                    Version = v.Version,
                    LastModifiedUtc = DateTime.SpecifyKind(v.LastModifiedUtc, DateTimeKind.Utc),
                });
            }
        }

        return result.Values.OrderBy(v => v.AttributeName, StringComparer.OrdinalIgnoreCase).ToList();
    }

    private sealed class ValueWithAttribute
    {
        public string OwnerType { get; set; } = "";
        public Guid OwnerId { get; set; }
        public Guid AttributeId { get; set; }
        public string Value { get; set; } = "";
        public long Version { get; set; }
        public DateTime LastModifiedUtc { get; set; }
        public string AttributeName { get; set; } = "";
        public string AttributeType { get; set; } = "";
        public string UnitOfMeasure { get; set; } = "";
    }
}
