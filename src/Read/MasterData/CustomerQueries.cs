using Saas.Read.Common;
using Saas.Read.Common.Filtering;
using Saas.Tenancy.Storage;

namespace Saas.Read.MasterData;

public sealed record CustomerListQuery : ListQuery
{
    /// <summary>BC word: " ", Ship, Invoice, All.</summary>
    public string? Blocked { get; init; }
}

/// <summary>The customer list and card, from <c>customer_list</c>.</summary>
public sealed class CustomerQueries(TenantDb db)
{
    internal const string Columns = PartnerColumns.Select +
        ", credit_limit AS CreditLimit, blocked AS Blocked, shipping_advice AS ShippingAdvice, last_modified_utc AS LastModifiedUtc, " +
        "version AS Version";

    public static readonly IReadOnlyList<FilterColumn> FilterColumns =
    [
        new("number", "No.", "number", FilterKind.Code),
        new("displayName", "Name", "display_name", FilterKind.Text),
        new("city", "City", "city", FilterKind.Text),
        new("phoneNumber", "Phone No.", "phone_number", FilterKind.Text),
        new("email", "Email", "email", FilterKind.Text),
        new("currencyCode", "Currency", "currency_code", FilterKind.Code),
        new("creditLimit", "Credit Limit", "credit_limit", FilterKind.Number),
        new("blocked", "Blocked", "blocked", FilterKind.Text),
    ];

    public Task<Page<CustomerRow>> ListAsync(CustomerListQuery query, CancellationToken cancellationToken = default) =>
        db.ReadAsync(session =>
        {
            var sql = new ListSql(
                "customer_list",
                Columns,
                new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
                {
                    ["number"] = "number",
                    ["displayName"] = "display_name",
                    ["city"] = "city",
                    ["email"] = "email",
                    ["creditLimit"] = session.Dialect.NumericSortKey("credit_limit"),
                    ["lastModifiedDateTime"] = "last_modified_utc",
                },
                "number",
                ["number", "display_name", "email"],
                filterable: FilterColumns);
            if (query.Blocked is not null)
            {
                sql.Where("blocked = @Blocked", "Blocked", query.Blocked);
            }

            return sql.RunAsync<CustomerRow>(session, query);
        }, cancellationToken);

    public Task<CustomerRow?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.ReadAsync(
            session => session.QuerySingleOrDefaultAsync<CustomerRow>(
                $"SELECT {Columns} FROM customer_list WHERE tenant_id = @TenantId AND id = @Id", new { Id = id }),
            cancellationToken);
}
