namespace Saas.Contracts;

/// <summary>
/// An integration event that belongs to one tenant. The tenant travels twice: in this body (what
/// projections use) and in the <see cref="TenantHeaders.TenantId"/> header (restored before a consumer runs).
/// </summary>
public interface ITenantEvent
{
    Guid TenantId { get; }
}

/// <summary>Transport header names shared by the publisher (outbox dispatcher) and the consume filter.</summary>
public static class TenantHeaders
{
    public const string TenantId = "tenant-id";
}
