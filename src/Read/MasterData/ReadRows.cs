using Saas.Tenancy.Storage;

namespace Saas.Read.MasterData;

// Rows of the read tables: the schema (through ReadDbContext) and the DTOs the queries return (through
// Dapper). Enumerations are kept as BC's words, exactly as the events carry them.

/// <summary>A row of <c>item_list</c>: what the item list and the item card show.</summary>
public sealed class ItemRow : ITenantOwned
{
    private DateTime lastModifiedUtc;

    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public string Number { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Type { get; set; } = "";
    public string BaseUnitOfMeasureCode { get; set; } = "";
    public decimal UnitPrice { get; set; }
    public decimal UnitCost { get; set; }
    public string CostingMethod { get; set; } = "";
    public string ItemCategoryCode { get; set; } = "";
    public bool Blocked { get; set; }
    public bool SalesBlocked { get; set; }
    public bool PurchasingBlocked { get; set; }

    /// <summary>UTC (SQLite returns it unspecified, so it is marked here).</summary>
    public DateTime LastModifiedUtc { get => lastModifiedUtc; set => lastModifiedUtc = DateTime.SpecifyKind(value, DateTimeKind.Utc); }

    public long Version { get; set; }
}

/// <summary>A row of <c>customer_list</c>.</summary>
public sealed class CustomerRow : ITenantOwned
{
    private DateTime lastModifiedUtc;

    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public string Number { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string AddressLine1 { get; set; } = "";
    public string AddressLine2 { get; set; } = "";
    public string City { get; set; } = "";
    public string State { get; set; } = "";
    public string PostalCode { get; set; } = "";
    public string Country { get; set; } = "";
    public string PhoneNumber { get; set; } = "";
    public string Email { get; set; } = "";
    public string CurrencyCode { get; set; } = "";
    public string PaymentTermsCode { get; set; } = "";
    public decimal CreditLimit { get; set; }
    public string Blocked { get; set; } = " ";
    public string ShippingAdvice { get; set; } = "";
    public DateTime LastModifiedUtc { get => lastModifiedUtc; set => lastModifiedUtc = DateTime.SpecifyKind(value, DateTimeKind.Utc); }
    public long Version { get; set; }
}

/// <summary>A row of <c>vendor_list</c>.</summary>
public sealed class VendorRow : ITenantOwned
{
    private DateTime lastModifiedUtc;

    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public string Number { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string AddressLine1 { get; set; } = "";
    public string AddressLine2 { get; set; } = "";
    public string City { get; set; } = "";
    public string State { get; set; } = "";
    public string PostalCode { get; set; } = "";
    public string Country { get; set; } = "";
    public string PhoneNumber { get; set; } = "";
    public string Email { get; set; } = "";
    public string CurrencyCode { get; set; } = "";
    public string PaymentTermsCode { get; set; } = "";
    public string Blocked { get; set; } = " ";
    public DateTime LastModifiedUtc { get => lastModifiedUtc; set => lastModifiedUtc = DateTime.SpecifyKind(value, DateTimeKind.Utc); }
    public long Version { get; set; }
}

/// <summary>A row of <c>location_list</c>.</summary>
public sealed class LocationRow : ITenantOwned
{
    private DateTime lastModifiedUtc;

    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public string Code { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string AddressLine1 { get; set; } = "";
    public string AddressLine2 { get; set; } = "";
    public string City { get; set; } = "";
    public string State { get; set; } = "";
    public string PostalCode { get; set; } = "";
    public string Country { get; set; } = "";
    public bool UseAsInTransit { get; set; }
    public DateTime LastModifiedUtc { get => lastModifiedUtc; set => lastModifiedUtc = DateTime.SpecifyKind(value, DateTimeKind.Utc); }
    public long Version { get; set; }
}

/// <summary>
/// One row per message a consumer has processed, written in the consumer's own transaction: a redelivered
/// message finds its row and changes nothing. Also what <see cref="ReadPositions"/> waits for.
/// </summary>
public sealed class InboxRow : ITenantOwned
{
    public const int ConsumerLength = 100;

    private DateTime processedUtc;

    public Guid TenantId { get; set; }
    public Guid MessageId { get; set; }
    public string Consumer { get; set; } = "";
    public DateTime ProcessedUtc { get => processedUtc; set => processedUtc = DateTime.SpecifyKind(value, DateTimeKind.Utc); }
}
