using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saas.Tenancy.Context;
using Saas.Tenancy.Storage;

namespace Saas.Tests.Tenancy;

public sealed class tenant_sql_refuses_statements_without_the_tenant : IAsyncLifetime
{
    private readonly WidgetWorld world = new();

    public Task InitializeAsync() => world.InitializeAsync();

    public async Task DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public async Task a_statement_without_tenant_id_is_refused_before_it_runs()
    {
        await using var scope = await world.Scopes.BeginScope(world.A.Id);
        await using var session = await scope.Services.GetRequiredService<TenantDb>().BeginAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => session.QueryAsync<string>("SELECT number FROM widgets"));
    }

    [Fact]
    public async Task opening_a_session_without_a_tenant_fails_closed()
    {
        await using var scope = world.Services.CreateAsyncScope();
        await Assert.ThrowsAsync<TenantRequiredException>(() => scope.ServiceProvider.GetRequiredService<TenantDb>().BeginAsync());
    }

    [Fact]
    public async Task guids_written_by_ef_match_dapper_parameters()
    {
        await using (var a = await world.Scopes.BeginScope(world.A.Id))
        {
            var db = a.Services.GetRequiredService<WidgetDbContext>();
            db.Widgets.Add(new Widget { Number = "G-1" });
            await db.SaveChangesAsync();
        }

        await using var scope = await world.Scopes.BeginScope(world.A.Id);
        var rows = await scope.Services.GetRequiredService<TenantDb>().ReadAsync(s =>
            s.QueryAsync<(Guid TenantId, string Number)>("SELECT tenant_id, number FROM widgets WHERE tenant_id = @TenantId"));
        var row = Assert.Single(rows);
        Assert.Equal(world.A.Id, row.TenantId);
        Assert.Equal("G-1", row.Number);
    }
}
