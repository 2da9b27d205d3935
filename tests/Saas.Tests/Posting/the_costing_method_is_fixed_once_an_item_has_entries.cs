using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saas.Tests.Infrastructure;
using Saas.Write.Common;
using Saas.Write.Inventory;
using static Saas.Tests.Posting.PostingHarness;

namespace Saas.Tests.Posting;

/// <summary>
/// As in BC, an item's costing method cannot change once it has item ledger entries: cost adjustment trusts the
/// posted cost of every entry a posting does not reach (ADR 008), which another method would invalidate.
/// </summary>
public abstract class the_costing_method_is_fixed_once_an_item_has_entries<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    [Fact]
    public async Task changing_it_is_refused_after_the_first_posting_and_allowed_before()
    {
        var company = await NewCompanyAsync(app);
        var item = await company.ItemAsync("FIXEDMETHOD", CostingMethod.FIFO, unitCost: 10);
        var id = await company.InTenantAsync(db => db.Items.Where(i => i.Number == item).Select(i => i.Id).SingleAsync());
        Task Change(CostingMethod method) => company.WithServicesAsync(async sp =>
        {
            var version = await sp.GetRequiredService<Saas.Write.WriteDbContext>().Items.Where(i => i.Id == id).Select(i => i.Version).SingleAsync();
            return await sp.GetRequiredService<UpdateItemHandler>().HandleAsync(new UpdateItem { Id = id, ExpectedVersion = version, CostingMethod = method });
        });

        await Change(CostingMethod.LIFO);
        await company.PostAsync(Purchase(item, 5, 10, Day1));

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => Change(CostingMethod.Average));
        Assert.Contains("costingMethod", refused.Errors.Keys);
        Assert.Equal(CostingMethod.LIFO, await company.InTenantAsync(db => db.Items.Where(i => i.Id == id).Select(i => i.CostingMethod).SingleAsync()));
        await Change(CostingMethod.LIFO); // the same method is no change
    }
}

public sealed class the_costing_method_is_fixed_once_an_item_has_entries_on_sqlite(SqliteApp app)
    : the_costing_method_is_fixed_once_an_item_has_entries<SqliteApp>(app);

public sealed class the_costing_method_is_fixed_once_an_item_has_entries_on_postgres(PostgresApp app)
    : the_costing_method_is_fixed_once_an_item_has_entries<PostgresApp>(app);
