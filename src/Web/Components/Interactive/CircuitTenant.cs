using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Saas.Tenancy.Catalog;
using Saas.Tenancy.Context;
using Saas.Web.Tenancy;

namespace Saas.Web.Components.Interactive;

/// <summary>
/// Interactive components run in a circuit, not in a request, so the tenant middleware never sees their work. A
/// circuit starts from the request of a signed-in user; this handler resolves that user's company the way the
/// middleware's claim strategy does (the claim is authoritative, a suspended or unknown company gets none) and keeps
/// it for the circuit's life. Without a company every tenant query of the circuit fails closed
/// (<see cref="TenantRequiredException"/>), as a request without one does.
/// </summary>
public sealed class CircuitTenant(AuthenticationStateProvider authentication, TenantCatalog catalog, TenantContext tenants, ILogger<CircuitTenant> logger)
    : CircuitHandler
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        var claim = user.FindFirstValue(TenantResolutionMiddleware.TenantClaim);
        if (user.Identity?.IsAuthenticated != true || !Guid.TryParse(claim, out var tenantId))
        {
            return;
        }

        var tenant = await catalog.FindByIdAsync(tenantId, cancellationToken);
        if (tenant is not { Status: TenantStatus.Active })
        {
            logger.LogWarning("A circuit was opened for company {TenantId}, which is not active; it gets no company", tenantId);
            return;
        }

        // Never restored: the circuit's scope ends with the circuit, and so does this company.
        tenants.Use(tenant);
    }
}
