using Microsoft.Extensions.DependencyInjection;
using Saas.Tests.Infrastructure;
using Saas.Write.Common;
using Saas.Write.Workspace;

namespace Saas.Tests.Lists;

/// <summary>A saved view belongs to one person in one company: a colleague and the same person in another company see nothing of it.</summary>
public abstract class saved_views_are_seen_only_by_their_person_in_their_company<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    private Task<T> AsAsync<T>(Guid tenant, Func<SavedViews, Task<T>> work) =>
        app.InTenantAsync(tenant, sp => work(sp.GetRequiredService<SavedViews>()));

    [Fact]
    public async Task another_person_or_company_neither_sees_nor_deletes_a_view()
    {
        var contoso = await app.NewTenantAsync();
        var fabrikam = await app.NewTenantAsync();
        var anna = Guid.NewGuid();
        var bob = Guid.NewGuid();

        var saved = await AsAsync(contoso.Id, v => v.SaveAsync(anna, "/items", "Cheap bikes", "?f.unitPrice=..10"));
        await AsAsync(fabrikam.Id, v => v.SaveAsync(anna, "/items", "Fabrikam's own", "?top=50"));

        var annasAtContoso = await AsAsync(contoso.Id, v => v.ListAsync(anna, "/items"));
        Assert.Equal("?f.unitPrice=..10", Assert.Single(annasAtContoso).Query);
        Assert.Empty(await AsAsync(contoso.Id, v => v.ListAsync(bob, "/items")));
        Assert.Equal("Fabrikam's own", Assert.Single(await AsAsync(fabrikam.Id, v => v.ListAsync(anna, "/items"))).Name);
        Assert.Empty(await AsAsync(contoso.Id, v => v.ListAsync(anna, "/customers")));

        // Knowing the id is not enough: another person, or the same person in another company, finds nothing to open or delete.
        Assert.Null(await AsAsync(contoso.Id, v => v.FindAsync(bob, saved.Id)));
        Assert.Null(await AsAsync(fabrikam.Id, v => v.FindAsync(anna, saved.Id)));
        await Assert.ThrowsAsync<NotFoundException>(() => AsAsync(contoso.Id, async v => { await v.DeleteAsync(bob, saved.Id); return 0; }));
        await Assert.ThrowsAsync<NotFoundException>(() => AsAsync(fabrikam.Id, async v => { await v.DeleteAsync(anna, saved.Id); return 0; }));
        Assert.Single(await AsAsync(contoso.Id, v => v.ListAsync(anna, "/items")));

        await AsAsync(contoso.Id, async v => { await v.DeleteAsync(anna, saved.Id); return 0; });
        Assert.Empty(await AsAsync(contoso.Id, v => v.ListAsync(anna, "/items")));
        Assert.Single(await AsAsync(fabrikam.Id, v => v.ListAsync(anna, "/items")));
    }

    [Fact]
    public async Task the_same_name_replaces_the_view_and_bad_input_names_the_field()
    {
        var tenant = await app.NewTenantAsync();
        var person = Guid.NewGuid();
        await AsAsync(tenant.Id, v => v.SaveAsync(person, "/items", "Mine", "?f.number=A*"));
        await AsAsync(tenant.Id, v => v.SaveAsync(person, "/items", " Mine ", "?f.number=B*"));
        Assert.Equal("?f.number=B*", Assert.Single(await AsAsync(tenant.Id, v => v.ListAsync(person, "/items"))).Query);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            AsAsync(tenant.Id, v => v.SaveAsync(person, "//evil.example/items", "", "f.number=A*")));
        Assert.True(refused.Errors.ContainsKey("name"));
        Assert.True(refused.Errors.ContainsKey("query"));
        Assert.True(refused.Errors.ContainsKey("list"));
        var bidi = await Assert.ThrowsAsync<ValidationFailedException>(() => AsAsync(tenant.Id, v => v.SaveAsync(person, "/items", "a\u202eb", "")));
        Assert.True(bidi.Errors.ContainsKey("name"));
    }
}

public sealed class saved_views_are_seen_only_by_their_person_in_their_company_on_sqlite(SqliteApp app)
    : saved_views_are_seen_only_by_their_person_in_their_company<SqliteApp>(app);

public sealed class saved_views_are_seen_only_by_their_person_in_their_company_on_postgres(PostgresApp app)
    : saved_views_are_seen_only_by_their_person_in_their_company<PostgresApp>(app);
