using Saas.Read.Common;
using Saas.Read.Common.Filtering;
using Saas.Tenancy.Storage;

namespace Saas.Read.MasterData;

public sealed record LocationListQuery : ListQuery
{
    public bool? UseAsInTransit { get; init; }
}

/// <summary>The location list and card, from <c>location_list</c>.</summary>
public sealed class LocationQueries(TenantDb db)
{
    internal const string Columns =
        "tenant_id AS TenantId, id AS Id, code AS Code, display_name AS DisplayName, address_line1 AS AddressLine1, " +
        "address_line2 AS AddressLine2, city AS City, state AS State, postal_code AS PostalCode, country AS Country, " +
        "use_as_in_transit AS UseAsInTransit, last_modified_utc AS LastModifiedUtc, version AS Version";

    public static readonly IReadOnlyList<FilterColumn> FilterColumns =
    [
        new("code", "Code", "code", FilterKind.Code),
        new("displayName", "Name", "display_name", FilterKind.Text),
        new("addressLine1", "Address", "address_line1", FilterKind.Text),
        new("city", "City", "city", FilterKind.Text),
        new("country", "Country/Region", "country", FilterKind.Code),
        new("useAsInTransit", "In-Transit", "use_as_in_transit", FilterKind.Boolean),
    ];

    public Task<Page<LocationRow>> ListAsync(LocationListQuery query, CancellationToken cancellationToken = default) =>
        db.ReadAsync(session =>
        {
            var sql = new ListSql(
                "location_list",
                Columns,
                new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
                {
                    ["code"] = "code",
                    ["displayName"] = "display_name",
                    ["city"] = "city",
                    ["lastModifiedDateTime"] = "last_modified_utc",
                },
                "code",
                ["code", "display_name"],
                filterable: FilterColumns);
            if (query.UseAsInTransit is not null)
            {
                sql.Where("use_as_in_transit = @UseAsInTransit", "UseAsInTransit", query.UseAsInTransit.Value);
            }

            return sql.RunAsync<LocationRow>(session, query);
        }, cancellationToken);

    public Task<LocationRow?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.ReadAsync(
            session => session.QuerySingleOrDefaultAsync<LocationRow>(
                $"SELECT {Columns} FROM location_list WHERE tenant_id = @TenantId AND id = @Id", new { Id = id }),
            cancellationToken);
}
