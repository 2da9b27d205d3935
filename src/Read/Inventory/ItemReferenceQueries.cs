using Saas.Read.Common;
using Saas.Tenancy.Storage;

namespace Saas.Read.Inventory;

public sealed record ItemReferenceListQuery : ListQuery
{
    public Guid? ItemId { get; init; }

    /// <summary>BC word: Customer, Vendor, Bar Code.</summary>
    public string? ReferenceType { get; init; }

    public string? ReferenceTypeNumber { get; init; }

    /// <summary>The look-up: which item is "their" number? (exact, as stored: upper case).</summary>
    public string? ReferenceNumber { get; init; }
}

/// <summary>An item reference with the item's current number and name.</summary>
public sealed class ItemReferenceView
{
    private DateTime lastModifiedUtc;

    public Guid Id { get; set; }
    public Guid ItemId { get; set; }
    public string ItemNumber { get; set; } = "";
    public string ItemDisplayName { get; set; } = "";
    public string ReferenceType { get; set; } = "";
    public string ReferenceTypeNumber { get; set; } = "";
    public string ReferenceNumber { get; set; } = "";
    public string UnitOfMeasureCode { get; set; } = "";
    public string Description { get; set; } = "";
    public DateTime LastModifiedUtc { get => lastModifiedUtc; set => lastModifiedUtc = DateTime.SpecifyKind(value, DateTimeKind.Utc); }
    public long Version { get; set; }
}

/// <summary>Item references, and the look-up of an item by the number a customer or vendor uses.</summary>
public sealed class ItemReferenceQueries(TenantDb db)
{
    // Joined at query time, not copied into the row: an item's number can change after the reference was made.
    private const string Source =
        """
        (SELECT r.tenant_id, r.id, r.item_id, COALESCE(i.number, '') AS item_number, COALESCE(i.display_name, '') AS item_display_name,
            r.reference_type, r.reference_type_number, r.reference_number, r.unit_of_measure_code, r.description, r.deleted,
            r.last_modified_utc, r.version
        FROM item_reference_list r LEFT JOIN item_list i ON i.tenant_id = r.tenant_id AND i.id = r.item_id
        WHERE r.tenant_id = @TenantId) refs
        """;

    private const string Columns =
        "id AS Id, item_id AS ItemId, item_number AS ItemNumber, item_display_name AS ItemDisplayName, reference_type AS ReferenceType, " +
        "reference_type_number AS ReferenceTypeNumber, reference_number AS ReferenceNumber, unit_of_measure_code AS UnitOfMeasureCode, " +
        "description AS Description, last_modified_utc AS LastModifiedUtc, version AS Version";

    public Task<Page<ItemReferenceView>> ListAsync(ItemReferenceListQuery query, CancellationToken cancellationToken = default) =>
        db.ReadAsync(session =>
        {
            var sql = new ListSql(
                Source,
                Columns,
                new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
                {
                    ["referenceNumber"] = "reference_number",
                    ["referenceType"] = "reference_type",
                    ["referenceTypeNumber"] = "reference_type_number",
                    ["itemNumber"] = "item_number",
                    ["description"] = "description",
                    ["lastModifiedDateTime"] = "last_modified_utc",
                },
                "referenceNumber",
                ["reference_number", "description", "item_number"]);
            sql.Where("deleted = @Deleted", "Deleted", false);
            if (query.ItemId is { } itemId)
            {
                sql.Where("item_id = @ItemId", "ItemId", itemId);
            }

            if (query.ReferenceType is not null)
            {
                sql.Where("reference_type = @ReferenceType", "ReferenceType", query.ReferenceType);
            }

            if (query.ReferenceTypeNumber is not null)
            {
                sql.Where("reference_type_number = @ReferenceTypeNumber", "ReferenceTypeNumber", query.ReferenceTypeNumber);
            }

            if (query.ReferenceNumber is not null)
            {
                sql.Where("reference_number = @ReferenceNumber", "ReferenceNumber", query.ReferenceNumber);
            }

            return sql.RunAsync<ItemReferenceView>(session, query);
        }, cancellationToken);

    public Task<ItemReferenceView?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.ReadAsync(
            session => session.QuerySingleOrDefaultAsync<ItemReferenceView>(
                $"SELECT {Columns} FROM {Source} WHERE id = @Id AND deleted = @Deleted", new { Id = id, Deleted = false }),
            cancellationToken);

    /// <summary>
    /// The items a reference number names, for a sales or purchase line: that customer's (or vendor's) own
    /// references first, then bar codes. Empty when nothing matches.
    /// </summary>
    public Task<IReadOnlyList<ItemReferenceView>> LookUpAsync(
        string referenceNumber, string? referenceType = null, string? referenceTypeNumber = null, CancellationToken cancellationToken = default) =>
        db.ReadAsync<IReadOnlyList<ItemReferenceView>>(
            async session => (await session.QueryAsync<ItemReferenceView>(
                    $"""
                    SELECT {Columns} FROM {Source}
                    WHERE deleted = @Deleted AND reference_number = @ReferenceNumber
                        AND ((reference_type = @ReferenceType AND reference_type_number = @ReferenceTypeNumber) OR reference_type = 'Bar Code'
                            OR @ReferenceType IS NULL)
                    ORDER BY CASE WHEN reference_type = 'Bar Code' THEN 1 ELSE 0 END, reference_type, reference_type_number
                    """,
                    new
                    {
                        Deleted = false,
                        ReferenceNumber = referenceNumber.Trim().ToUpperInvariant(),
                        ReferenceType = referenceType,
                        ReferenceTypeNumber = (referenceTypeNumber ?? "").Trim().ToUpperInvariant(),
                    }))
                .ToList(),
            cancellationToken);
}
