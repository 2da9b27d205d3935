using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Saas.Tenancy.Catalog;

namespace Saas.Tenancy.Context;

/// <summary>
/// Starts units of work outside HTTP requests (consumers, jobs, seeding) in an explicit tenant:
/// <c>await using var scope = await scopes.BeginScope(tenantId);</c>. Each scope is a fresh DI scope,
/// so scopes nest naturally and nothing of one tenant survives into the next.
/// </summary>
public sealed class TenantScopes(IServiceScopeFactory scopeFactory, ILogger<TenantScopes> logger)
{
    public async Task<TenantScope> BeginScope(Guid tenantId, CancellationToken cancellationToken = default)
    {
        var scope = scopeFactory.CreateAsyncScope();
        try
        {
            var catalog = scope.ServiceProvider.GetRequiredService<TenantCatalog>();
            var tenant = await catalog.FindByIdAsync(tenantId, cancellationToken)
                ?? throw new UnknownTenantException(tenantId.ToString());
            var context = scope.ServiceProvider.GetRequiredService<TenantContext>();
            context.Use(tenant);
            return new TenantScope(scope, tenant);
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    public TenantScope BeginScope(TenantInfo tenant)
    {
        var scope = scopeFactory.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(tenant);
        return new TenantScope(scope, tenant);
    }

    /// <summary>
    /// The one way to work across tenants (operator jobs, the outbox dispatcher, rebuilds).
    /// Logged with its reason so that every bypass can be audited.
    /// </summary>
    public SystemAccess BeginSystemScope(string reason)
    {
        logger.LogInformation("Cross-tenant system scope opened: {Reason}", reason);
        var scope = scopeFactory.CreateAsyncScope();
        var release = scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
        return new SystemAccess(scope, release, reason);
    }
}

public sealed class TenantScope(AsyncServiceScope scope, TenantInfo tenant) : IAsyncDisposable
{
    public TenantInfo Tenant { get; } = tenant;
    public IServiceProvider Services => scope.ServiceProvider;

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}

public sealed class SystemAccess(AsyncServiceScope scope, IDisposable release, string reason) : IAsyncDisposable
{
    public string Reason { get; } = reason;
    public IServiceProvider Services => scope.ServiceProvider;

    public ValueTask DisposeAsync()
    {
        release.Dispose();
        return scope.DisposeAsync();
    }
}

public sealed class UnknownTenantException(string tenant) : Exception($"Tenant '{tenant}' does not exist.")
{
    public string TenantKey { get; } = tenant;
}
