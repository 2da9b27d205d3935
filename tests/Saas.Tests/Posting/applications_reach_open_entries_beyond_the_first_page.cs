using Saas.Tests.Infrastructure;
using Saas.Write.Finance.Posting;
using Saas.Write.Inventory;
using static Saas.Tests.Posting.PostingHarness;

namespace Saas.Tests.Posting;

/// <summary>
/// A posting reads an item's open entries a page at a time (ADR 010), so applications that need more than the
/// first page must page on in costing order: by posting date, then entry no., whatever order the entries were
/// posted in. Receipts are posted with shuffled dates so that entry order and date order differ.
/// </summary>
public abstract class applications_reach_open_entries_beyond_the_first_page<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    private const int Receipts = 40;

    /// <summary>More than two first pages (PostingRun.OpenEntriesFirstPage = 16), fewer than the receipts.</summary>
    private const int Beyond = 37;

    [Theory]
    [InlineData(CostingMethod.FIFO)]
    [InlineData(CostingMethod.LIFO)]
    public async Task a_sale_larger_than_a_page_takes_its_cost_in_costing_order(CostingMethod method)
    {
        var company = await NewCompanyAsync(app);
        var item = await company.ItemAsync("PG-" + method, method);
        await ReceiveOneUnitPerDayAsync(company, item);

        // The receipt dated day d cost d, so FIFO sells days 1..n and LIFO days 40-n+1..40.
        var sale = await company.PostAsync(Sale(item, Beyond, Day1.AddDays(Receipts + 1)));

        var days = method == CostingMethod.FIFO
            ? Enumerable.Range(1, Beyond)
            : Enumerable.Range(Receipts - Beyond + 1, Beyond);
        var ledgers = await company.LedgersAsync();
        Assert.Equal(-days.Sum(), ledgers.CostOf(sale.ItemLedgerEntries[0].EntryNo));
        var stillOpen = ledgers.Open.Where(o => o.Positive && o.RemainingQuantity > 0).Select(o => ledgers.Items.Single(e => e.EntryNo == o.EntryNo).PostingDate);
        var expectedOpen = Enumerable.Range(1, Receipts).Except(days).Select(d => Day1.AddDays(d));
        Assert.Equal(expectedOpen.Order(), stillOpen.Order());
        ledgers.AssertInvariants();
    }

    [Theory]
    [InlineData(2)]
    [InlineData(0)]
    public async Task a_receipt_covers_more_negative_entries_than_a_page_oldest_first(int leftOpen)
    {
        var company = await NewCompanyAsync(app, s => s.AllowNegativeInventory = true);
        var item = await company.ItemAsync("NEG-" + leftOpen, CostingMethod.FIFO);
        var sales = new List<long>();
        foreach (var day in Enumerable.Range(1, Beyond).Reverse())
        {
            sales.Add((await company.PostAsync(Sale(item, 1, Day1.AddDays(day)))).ItemLedgerEntries[0].EntryNo);
        }

        sales.Reverse(); // oldest date first
        var receipt = (await company.PostAsync(Purchase(item, Beyond - leftOpen, 5, Day1.AddDays(Beyond + 1)))).ItemLedgerEntries[0];

        var ledgers = await company.LedgersAsync();
        var openNegatives = ledgers.Open.Where(o => !o.Positive).Select(o => o.EntryNo).Order();
        Assert.Equal(sales.TakeLast(leftOpen).Order(), openNegatives);
        var covered = ledgers.Applications.Where(a => a.InboundEntryNo == receipt.EntryNo && a.OutboundEntryNo != 0)
            .Select(a => a.OutboundEntryNo).Order();
        Assert.Equal(sales.Take(Beyond - leftOpen).Order(), covered);
        ledgers.AssertInvariants();
    }

    [Fact]
    public async Task a_fixed_application_and_a_revaluation_find_an_entry_beyond_the_first_page()
    {
        var company = await NewCompanyAsync(app);
        var item = await company.ItemAsync("FIX", CostingMethod.FIFO);
        var byDay = await ReceiveOneUnitPerDayAsync(company, item);

        var returned = (await company.PostAsync(Purchase(item, -1, 0, Day1.AddDays(Receipts + 1)) with { AppliesToEntry = byDay[Beyond] })).ItemLedgerEntries[0];
        await company.PostAsync(new ItemPosting
        {
            Revaluations = [new RevaluationLine { AppliesToEntry = byDay[Beyond - 1], NewUnitCost = 100, PostingDate = Day1.AddDays(Receipts + 1) }],
        });

        var ledgers = await company.LedgersAsync();
        Assert.Equal(-Beyond, ledgers.CostOf(returned.EntryNo));
        Assert.Equal(100m, ledgers.CostOf(byDay[Beyond - 1]));
        Assert.DoesNotContain(ledgers.Open, o => o.EntryNo == byDay[Beyond]);
        Assert.Equal(Enumerable.Range(1, Receipts).Sum() - Beyond - (Beyond - 1) + 100, ledgers.ValueOf(item));
        ledgers.AssertInvariants();
    }

    /// <summary>One unit per day for 40 days at a unit cost equal to the day, posted in a shuffled order; returns entry no. by day.</summary>
    private static async Task<Dictionary<int, long>> ReceiveOneUnitPerDayAsync(PostingHarness company, string item)
    {
        var days = Enumerable.Range(1, Receipts).ToArray();
        new Random(Receipts).Shuffle(days);
        var byDay = new Dictionary<int, long>();
        foreach (var chunk in days.Chunk(10))
        {
            var posted = await company.PostAsync(chunk.Select(d => Purchase(item, 1, d, Day1.AddDays(d))).ToArray());
            foreach (var entry in posted.ItemLedgerEntries)
            {
                byDay[entry.PostingDate.DayNumber - Day1.DayNumber] = entry.EntryNo;
            }
        }

        return byDay;
    }
}

public sealed class applications_reach_open_entries_beyond_the_first_page_on_sqlite(SqliteApp app)
    : applications_reach_open_entries_beyond_the_first_page<SqliteApp>(app);

public sealed class applications_reach_open_entries_beyond_the_first_page_on_postgres(PostgresApp app)
    : applications_reach_open_entries_beyond_the_first_page<PostgresApp>(app);
