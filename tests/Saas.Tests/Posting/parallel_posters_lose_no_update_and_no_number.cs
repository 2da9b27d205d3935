using Saas.Tests.Infrastructure;
using Saas.Write.Finance.Posting;
using Saas.Write.Inventory;
using static Saas.Tests.Posting.PostingHarness;

namespace Saas.Tests.Posting;

/// <summary>
/// Eight posters at once in one company, on the same items: every posting lands exactly once, quantities add
/// up, entry and document numbers have no gap and no duplicate, the invariants hold; and eight posters with the
/// same idempotency key post once between them.
/// </summary>
public abstract class parallel_posters_lose_no_update_and_no_number<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    private const int Posters = 8;
    private const int Rounds = 6;

    [Fact]
    public async Task eight_posters_on_the_same_items()
    {
        var company = await NewCompanyAsync(app);
        var fifo = await company.ItemAsync("PAR-FIFO", CostingMethod.FIFO);
        var average = await company.ItemAsync("PAR-AVG", CostingMethod.Average);

        var results = await Task.WhenAll(Enumerable.Range(0, Posters).Select(poster => Task.Run(async () =>
        {
            var mine = new List<PostingResult>();
            for (var round = 0; round < Rounds; round++)
            {
                var item = (poster + round) % 2 == 0 ? fifo : average;
                mine.Add(await company.PostAsync(Purchase(item, 5, 1 + poster + round, Day1.AddDays(round))));
                mine.Add(await company.PostAsync(Sale(item, 3, Day1.AddDays(round))));
            }

            return mine;
        })));

        var postings = results.SelectMany(r => r).ToList();
        var ledgers = await company.LedgersAsync();
        Assert.Equal(Posters * Rounds * 2, postings.Count);
        Assert.Equal(Posters * Rounds * 2, ledgers.Registers.Count);
        Assert.Equal(Posters * Rounds * 2, ledgers.Items.Count);
        Assert.Equal(Posters * Rounds * 2, postings.Select(p => p.RegisterNo).Distinct().Count());
        Assert.Equal(Posters * Rounds * 2, ledgers.QuantityOf(fifo) + ledgers.QuantityOf(average));

        // One document number per posting from the item journal series: IJ000001 … IJ000096, none twice, none skipped.
        var documents = ledgers.Items.Select(e => e.DocumentNo).Order().ToList();
        Assert.Equal(Enumerable.Range(1, Posters * Rounds * 2).Select(i => $"IJ{i:000000}"), documents);
        ledgers.AssertInvariants();
    }

    [Fact]
    public async Task eight_posters_with_one_idempotency_key_post_once()
    {
        var company = await NewCompanyAsync(app);
        var item = await company.ItemAsync("PAR-IDEM", CostingMethod.FIFO);
        var posting = new ItemPosting { IdempotencyKey = "same-request", Lines = [Purchase(item, 1, 4, Day1)] };
        var results = await Task.WhenAll(Enumerable.Range(0, Posters).Select(_ => Task.Run(() => company.PostAsync(posting))));

        Assert.Single(results, r => !r.AlreadyPosted);
        Assert.Single(results.Select(r => r.RegisterNo).Distinct());
        var ledgers = await company.LedgersAsync();
        Assert.Equal(1, ledgers.QuantityOf(item));
        ledgers.AssertInvariants();
    }
}

public sealed class parallel_posters_lose_no_update_and_no_number_on_sqlite(SqliteApp app)
    : parallel_posters_lose_no_update_and_no_number<SqliteApp>(app);

public sealed class parallel_posters_lose_no_update_and_no_number_on_postgres(PostgresApp app)
    : parallel_posters_lose_no_update_and_no_number<PostgresApp>(app);
