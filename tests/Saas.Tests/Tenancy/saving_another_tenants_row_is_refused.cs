using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saas.Tenancy.Context;

namespace Saas.Tests.Tenancy;

public sealed class saving_another_tenants_row_is_refused : IAsyncLifetime
{
    private readonly WidgetWorld world = new();

    public Task InitializeAsync() => world.InitializeAsync();

    public async Task DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public async Task the_tenant_is_stamped_on_add_and_each_tenant_sees_only_its_rows()
    {
        await AddWidget(world.A.Id, "W-1");
        await AddWidget(world.B.Id, "W-1"); // the same number in another tenant is allowed

        await using var a = await world.Scopes.BeginScope(world.A.Id);
        var db = a.Services.GetRequiredService<WidgetDbContext>();
        var widgets = await db.Widgets.ToListAsync();
        Assert.Single(widgets);
        Assert.Equal(world.A.Id, widgets[0].TenantId);
    }

    [Fact]
    public async Task adding_a_row_stamped_with_another_tenant_throws_and_writes_nothing()
    {
        await using (var a = await world.Scopes.BeginScope(world.A.Id))
        {
            var db = a.Services.GetRequiredService<WidgetDbContext>();
            db.Widgets.Add(new Widget { Number = "X", TenantId = world.B.Id });
            await Assert.ThrowsAsync<CrossTenantWriteException>(() => db.SaveChangesAsync());
        }

        await using var b = await world.Scopes.BeginScope(world.B.Id);
        Assert.Empty(await b.Services.GetRequiredService<WidgetDbContext>().Widgets.ToListAsync());
    }

    [Fact]
    public async Task moving_a_row_to_another_tenant_throws()
    {
        await AddWidget(world.A.Id, "W-2");
        await using var a = await world.Scopes.BeginScope(world.A.Id);
        var db = a.Services.GetRequiredService<WidgetDbContext>();
        var widget = await db.Widgets.SingleAsync();
        widget.TenantId = world.B.Id;

        // The tenant is part of every key, so EF itself refuses the change before our interceptor has to.
        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        await using var b = await world.Scopes.BeginScope(world.B.Id);
        Assert.Empty(await b.Services.GetRequiredService<WidgetDbContext>().Widgets.ToListAsync());
    }

    [Fact]
    public async Task querying_without_a_tenant_fails_closed()
    {
        await AddWidget(world.A.Id, "W-3");
        await using var scope = world.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WidgetDbContext>();
        await Assert.ThrowsAsync<TenantRequiredException>(() => db.Widgets.ToListAsync());
        db.Widgets.Add(new Widget { Number = "orphan" });
        await Assert.ThrowsAsync<TenantRequiredException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task one_context_type_serves_two_tenants_in_turn_without_leaking()
    {
        await AddWidget(world.A.Id, "A-only");
        await AddWidget(world.B.Id, "B-only");
        for (var round = 0; round < 3; round++)
        {
            foreach (var (tenant, expected) in new[] { (world.A, "A-only"), (world.B, "B-only") })
            {
                await using var scope = await world.Scopes.BeginScope(tenant.Id);
                var numbers = await scope.Services.GetRequiredService<WidgetDbContext>().Widgets.Select(w => w.Number).ToListAsync();
                Assert.Equal([expected], numbers);
            }
        }
    }

    private async Task AddWidget(Guid tenantId, string number)
    {
        await using var scope = await world.Scopes.BeginScope(tenantId);
        var db = scope.Services.GetRequiredService<WidgetDbContext>();
        db.Widgets.Add(new Widget { Number = number });
        await db.SaveChangesAsync();
    }
}
