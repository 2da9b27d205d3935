namespace Saas.Contracts.MasterData;

/// <summary>Full snapshot of a customer after a change (see <see cref="ItemChanged"/> for why snapshots).</summary>
public sealed record CustomerChanged : ITenantEvent
{
    public required Guid TenantId { get; init; }
    public required Guid CustomerId { get; init; }
    public required long Version { get; init; }
    public required string Number { get; init; }
    public required string DisplayName { get; init; }
    public required string AddressLine1 { get; init; }
    public required string AddressLine2 { get; init; }
    public required string City { get; init; }
    public required string State { get; init; }
    public required string PostalCode { get; init; }
    public required string Country { get; init; }
    public required string PhoneNumber { get; init; }
    public required string Email { get; init; }
    public required string CurrencyCode { get; init; }
    public required string PaymentTermsCode { get; init; }
    public required decimal CreditLimit { get; init; }

    /// <summary>BC's words: " " (not blocked), "Ship", "Invoice", "All".</summary>
    public required string Blocked { get; init; }

    /// <summary>"Partial" or "Complete".</summary>
    public required string ShippingAdvice { get; init; }

    public required DateTime LastModifiedUtc { get; init; }
}
