namespace Saas.Tenancy.Catalog;

/// <summary>One company on the shared service (Finbuckle's vocabulary: Id, Identifier, Name).</summary>
public sealed class TenantInfo
{
    public Guid Id { get; init; }

    /// <summary>URL-safe slug ("contoso"), unique across the service; used by host and header resolution.</summary>
    public required string Identifier { get; init; }

    public required string Name { get; set; }
    public TenantStatus Status { get; set; } = TenantStatus.Active;
    public Guid? ResellerId { get; init; }
    public string Plan { get; set; } = "Standard";
    public TenantIsolation Isolation { get; init; } = TenantIsolation.Pooled;

    /// <summary>Only for <see cref="TenantIsolation.Siloed"/>: the tenant's own database (app role).</summary>
    public string? ConnectionString { get; init; }

    /// <summary>Owner/system connection of a siloed tenant's database (migrations, dispatcher).</summary>
    public string? AdminConnectionString { get; init; }

    /// <summary>ISO 4217 code of the company's local currency (LCY in Business Central).</summary>
    public string CurrencyCode { get; init; } = "EUR";

    public DateTime CreatedUtc { get; init; } = DateTime.UtcNow;

    /// <summary>Everyone who signs in to this company must pass a second factor (authenticator app or recovery code).</summary>
    public bool RequireTwoFactor { get; set; }
}

/// <summary>
/// <see cref="Provisioning"/>: listed in the catalog while onboarding runs (so that its events can already be
/// consumed) but nobody can sign in to it or resolve it; anything but <see cref="Active"/> is refused.
/// </summary>
public enum TenantStatus { Active, Suspended, Provisioning }

public enum TenantIsolation { Pooled, Siloed }
