namespace Saas.Tenancy.Catalog;

/// <summary>
/// Told after a company's status changed and was saved. Identity uses it to end every session and token of a
/// suspended company, so that they do not come back to life when the company is reactivated.
/// </summary>
public interface ITenantStatusObserver
{
    Task StatusChangedAsync(TenantInfo tenant, TenantStatus previous, CancellationToken cancellationToken);
}
