using Microsoft.Extensions.DependencyInjection;
using Saas.Tenancy.Storage;
using Saas.Tests.Infrastructure;
using Saas.Write.Common;
using Saas.Write.Finance.Posting;
using Saas.Write.Inventory;
using static Saas.Tests.Posting.PostingHarness;

namespace Saas.Tests.Posting;

/// <summary>
/// Two companies with the same item number post side by side: each sees only its own entries (EF filter, and on
/// PostgreSQL row-level security under raw SQL), numbers its entries from 1, and cannot refer to the other's
/// entries by number.
/// </summary>
public abstract class tenants_never_see_each_others_ledgers<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    [Fact]
    public async Task entries_stay_in_their_company()
    {
        var a = await NewCompanyAsync(app);
        var b = await NewCompanyAsync(app);
        var itemA = await a.ItemAsync("SAME", CostingMethod.FIFO);
        await b.ItemAsync("SAME", CostingMethod.FIFO);
        var postedA = await a.PostAsync(Purchase(itemA, 7, 3, Day1));

        var ledgersB = await b.LedgersAsync();
        Assert.Empty(ledgersB.Items);
        Assert.Empty(ledgersB.GL);

        // B's first entry is number 1 too, and A's entry 1 does not exist for B.
        var postedB = await b.PostAsync(Purchase(itemA, 2, 3, Day1));
        Assert.Equal(postedA.ItemLedgerEntries[0].EntryNo, postedB.ItemLedgerEntries[0].EntryNo);
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => b.PostAsync(new ItemPosting
        {
            Charges = [new ItemChargeLine { ItemLedgerEntryNo = 99, Amount = 1, PostingDate = Day1 }],
        }));
        Assert.Contains("Item Ledger Entry 99 does not exist", refused.Message);

        if (app.Provider == DatabaseProvider.Postgres)
        {
            // Row-level security hides A's row even from a careless query.
            var rawCount = await app.InTenantAsync(b.TenantId, sp => sp.GetRequiredService<TenantDb>().ReadAsync(
                s => s.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM item_ledger_entries WHERE tenant_id = @TenantId OR 1 = 1")));
            Assert.Equal(1, rawCount);
        }
        Assert.Equal(7, (await a.LedgersAsync()).QuantityOf(itemA));
        Assert.Equal(2, (await b.LedgersAsync()).QuantityOf(itemA));
    }
}

public sealed class tenants_never_see_each_others_ledgers_on_sqlite(SqliteApp app)
    : tenants_never_see_each_others_ledgers<SqliteApp>(app);

public sealed class tenants_never_see_each_others_ledgers_on_postgres(PostgresApp app)
    : tenants_never_see_each_others_ledgers<PostgresApp>(app);
