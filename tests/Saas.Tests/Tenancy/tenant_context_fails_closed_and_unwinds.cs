using Microsoft.Extensions.DependencyInjection;
using Saas.Tenancy.Catalog;
using Saas.Tenancy.Context;

namespace Saas.Tests.Tenancy;

public sealed class tenant_context_fails_closed_and_unwinds
{
    private static TenantInfo Tenant(string id) => new() { Id = Guid.NewGuid(), Identifier = id, Name = id };

    [Fact]
    public void reading_the_tenant_without_one_throws()
    {
        var context = new TenantContext();
        Assert.False(context.HasTenant);
        Assert.Throws<TenantRequiredException>(() => context.TenantId);
    }

    [Fact]
    public void nested_scopes_restore_the_outer_tenant_and_then_none()
    {
        var context = new TenantContext();
        var outer = Tenant("outer");
        var inner = Tenant("inner");
        using (context.Use(outer))
        {
            using (context.Use(inner))
            {
                Assert.Equal(inner.Id, context.TenantId);
            }

            Assert.Equal(outer.Id, context.TenantId);
        }

        Assert.Null(context.Current);
    }

    [Fact]
    public async Task each_tenant_scope_is_a_fresh_service_scope()
    {
        await using var world = new WidgetWorld();
        await world.InitializeAsync();
        await using var a = await world.Scopes.BeginScope(world.A.Id);
        await using var b = await world.Scopes.BeginScope(world.B.Id);
        Assert.Equal(world.A.Id, a.Services.GetService<TenantContext>()!.TenantId);
        Assert.Equal(world.B.Id, b.Services.GetService<TenantContext>()!.TenantId);
    }

    [Fact]
    public async Task an_unknown_tenant_cannot_be_scoped()
    {
        await using var world = new WidgetWorld();
        await world.InitializeAsync();
        await Assert.ThrowsAsync<UnknownTenantException>(() => world.Scopes.BeginScope(Guid.NewGuid()));
    }
}
