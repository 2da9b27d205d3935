using Saas.Read.Common;
using Saas.Read.Common.Filtering;
using Saas.Tenancy.Storage;

namespace Saas.Read.MasterData;

public sealed record VendorListQuery : ListQuery
{
    /// <summary>BC word: " ", Payment, All.</summary>
    public string? Blocked { get; init; }
}

/// <summary>The vendor list and card, from <c>vendor_list</c>.</summary>
public sealed class VendorQueries(TenantDb db)
{
    internal const string Columns =
        PartnerColumns.Select + ", blocked AS Blocked, last_modified_utc AS LastModifiedUtc, version AS Version";

    public static readonly IReadOnlyList<FilterColumn> FilterColumns =
    [
        new("number", "No.", "number", FilterKind.Code),
        new("displayName", "Name", "display_name", FilterKind.Text),
        new("city", "City", "city", FilterKind.Text),
        new("phoneNumber", "Phone No.", "phone_number", FilterKind.Text),
        new("email", "Email", "email", FilterKind.Text),
        new("currencyCode", "Currency", "currency_code", FilterKind.Code),
        new("blocked", "Blocked", "blocked", FilterKind.Text),
    ];

    public Task<Page<VendorRow>> ListAsync(VendorListQuery query, CancellationToken cancellationToken = default) =>
        db.ReadAsync(session =>
        {
            var sql = new ListSql(
                "vendor_list",
                Columns,
                new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
                {
                    ["number"] = "number",
                    ["displayName"] = "display_name",
                    ["city"] = "city",
                    ["email"] = "email",
                    ["lastModifiedDateTime"] = "last_modified_utc",
                },
                "number",
                ["number", "display_name", "email"],
                filterable: FilterColumns);
            if (query.Blocked is not null)
            {
                sql.Where("blocked = @Blocked", "Blocked", query.Blocked);
            }

            return sql.RunAsync<VendorRow>(session, query);
        }, cancellationToken);

    public Task<VendorRow?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.ReadAsync(
            session => session.QuerySingleOrDefaultAsync<VendorRow>(
                $"SELECT {Columns} FROM vendor_list WHERE tenant_id = @TenantId AND id = @Id", new { Id = id }),
            cancellationToken);
}
