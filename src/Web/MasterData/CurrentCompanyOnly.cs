using Saas.Tenancy.Context;

namespace Saas.Web.MasterData;

/// <summary>
/// Second wall behind the tenant-resolution middleware, for every route below <c>companies({companyId})</c>:
/// the route's company must be the tenant in scope, checked before the endpoint reads a query, a header or a body.
/// </summary>
internal sealed class CurrentCompanyOnly : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var tenants = http.RequestServices.GetRequiredService<TenantContext>();
        return Guid.TryParse(http.GetRouteValue("companyId")?.ToString(), out var companyId) && ApiSupport.IsCurrentCompany(companyId, tenants)
            ? await next(context)
            : ApiSupport.CompanyNotFound();
    }
}
