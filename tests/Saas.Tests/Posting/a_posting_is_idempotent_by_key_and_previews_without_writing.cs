using Saas.Tests.Infrastructure;
using Saas.Write.Finance.Posting;
using Saas.Write.Inventory;
using static Saas.Tests.Posting.PostingHarness;

namespace Saas.Tests.Posting;

/// <summary>
/// The same idempotency key again returns the first posting (same register and entry numbers) and posts nothing;
/// a preview shows exactly the entries a posting would write and leaves the ledgers as they were.
/// </summary>
public abstract class a_posting_is_idempotent_by_key_and_previews_without_writing<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    [Fact]
    public async Task the_same_key_twice_posts_once()
    {
        var company = await NewCompanyAsync(app);
        var item = await company.ItemAsync("IDEM", CostingMethod.FIFO);
        var posting = new ItemPosting { IdempotencyKey = "receipt-42", Lines = [Purchase(item, 3, 7, Day1)] };
        var first = await company.PostAsync(posting);
        var again = await company.PostAsync(posting);

        Assert.False(first.AlreadyPosted);
        Assert.True(again.AlreadyPosted);
        Assert.Equal(first.RegisterNo, again.RegisterNo);
        Assert.Equal(first.ItemLedgerEntries.Select(e => e.EntryNo), again.ItemLedgerEntries.Select(e => e.EntryNo));
        Assert.Equal(first.GLEntries.Select(e => (e.EntryNo, e.Amount)), again.GLEntries.Select(e => (e.EntryNo, e.Amount)));
        var ledgers = await company.LedgersAsync();
        Assert.Equal(3, ledgers.QuantityOf(item));
        Assert.Single(ledgers.Registers);
    }

    [Fact]
    public async Task a_preview_returns_the_entries_and_writes_none()
    {
        var company = await NewCompanyAsync(app);
        var item = await company.ItemAsync("PREV", CostingMethod.FIFO);
        await company.PostAsync(Purchase(item, 10, 2, Day1));
        var before = await company.LedgersAsync();

        var preview = await company.PreviewAsync(new ItemPosting { Lines = [Sale(item, 4, Day1)] });
        Assert.Equal(-4, Assert.Single(preview.ItemLedgerEntries).Quantity);
        Assert.Equal(-8m, preview.ValueEntries.Sum(v => v.CostAmountActual));
        Assert.Equal(0m, preview.GLEntries.Sum(g => g.Amount));
        Assert.Contains(preview.GLEntries, g => g.GLAccountNo == "5000" && g.Amount == 8);

        var after = await company.LedgersAsync();
        Assert.Equal(before.Items.Count, after.Items.Count);
        Assert.Equal(before.GL.Count, after.GL.Count);
        var real = await company.PostAsync(Sale(item, 4, Day1));
        Assert.Equal(preview.ItemLedgerEntries[0].EntryNo, real.ItemLedgerEntries[0].EntryNo); // the preview took no number
        (await company.LedgersAsync()).AssertInvariants();
    }
}

public sealed class a_posting_is_idempotent_by_key_and_previews_without_writing_on_sqlite(SqliteApp app)
    : a_posting_is_idempotent_by_key_and_previews_without_writing<SqliteApp>(app);

public sealed class a_posting_is_idempotent_by_key_and_previews_without_writing_on_postgres(PostgresApp app)
    : a_posting_is_idempotent_by_key_and_previews_without_writing<PostgresApp>(app);
