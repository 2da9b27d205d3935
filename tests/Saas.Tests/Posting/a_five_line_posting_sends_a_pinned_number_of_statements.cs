using Saas.Tests.Infrastructure;
using Saas.Write.Finance.Posting;
using Saas.Write.Inventory;
using static Saas.Tests.Posting.PostingHarness;

namespace Saas.Tests.Posting;

/// <summary>
/// Issue 8: the number of SQL round trips one 5-line posting costs is pinned per provider, so that a change that
/// reads per line again, or loads an item's history, is caught here rather than in a benchmark. The posting is the
/// benchmark's (bench/Saas.Bench/PostingBenchmark.FiveLines): two FIFO items and one Average item, two positive and
/// three negative adjustments, in a company that has posted before. A change that lowers the count updates the pin
/// (and bench/RESULTS.md); one that raises it needs a reason. PostgreSQL went from 23 to 24 when the ledger rows left
/// EF's change tracker (LedgerInserts): they are one command of multi-row INSERTs before the save, instead of part of
/// the save's batch; SQLite went from 57 to 32 (it had sent one INSERT per row).
/// </summary>
public abstract class a_five_line_posting_sends_a_pinned_number_of_statements<TApp>(TApp app, int pinned) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    [Fact]
    public async Task the_posting_reads_what_it_needs_once_and_writes_in_one_save()
    {
        var company = await NewCompanyAsync(app);
        var fifo1 = await company.ItemAsync("PIN-FIFO1", CostingMethod.FIFO);
        var fifo2 = await company.ItemAsync("PIN-FIFO2", CostingMethod.FIFO);
        var average = await company.ItemAsync("PIN-AVG", CostingMethod.Average);
        await company.PostAsync(PositiveAdjmt(fifo1, 100, 5, Day1), PositiveAdjmt(fifo2, 100, 5, Day1), PositiveAdjmt(average, 100, 5, Day1));
        var fiveLines = new ItemPosting
        {
            Lines =
            [
                PositiveAdjmt(fifo1, 10, 4, Day1),
                NegativeAdjmt(fifo1, 8, Day1),
                PositiveAdjmt(average, 5, 20, Day1),
                NegativeAdjmt(fifo2, 3, Day1),
                NegativeAdjmt(average, 4, Day1),
            ],
        };
        await company.PostAsync(fiveLines); // the first outbound entries of the day: the steady state starts after it

        var commands = await SqlCommandCounter.CountAsync(() => company.PostAsync(fiveLines));

        Assert.True(commands.Count == pinned,
            $"A 5-line posting sent {commands.Count} SQL commands, pinned at {pinned}:\n" + string.Join("\n---\n", commands));
        (await company.LedgersAsync()).AssertInvariants();
    }
}

public sealed class a_five_line_posting_sends_a_pinned_number_of_statements_on_sqlite(SqliteApp app)
    : a_five_line_posting_sends_a_pinned_number_of_statements<SqliteApp>(app, pinned: 32);

public sealed class a_five_line_posting_sends_a_pinned_number_of_statements_on_postgres(PostgresApp app)
    : a_five_line_posting_sends_a_pinned_number_of_statements<PostgresApp>(app, pinned: 24);
