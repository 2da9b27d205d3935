using System.Reflection;
using Saas.Tests.Infrastructure;
using Saas.Write.Inventory;
using static Saas.Tests.Posting.PostingHarness;

namespace Saas.Tests.Posting;

/// <summary>
/// The ledger rows leave EF's change tracker and are written by hand-built multi-row INSERTs (LedgerInserts, ADR 010).
/// Every column of every row must read back through EF exactly as the engine posted it: enums as their stored words,
/// dates, Guids, signs and decimals, nullable and empty values, on both providers. Compared property by property, so a
/// column added later is compared too.
/// </summary>
public abstract class ledger_rows_are_stored_as_they_were_posted<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    [Fact]
    public async Task every_column_of_every_new_row_reads_back_equal()
    {
        var company = await NewCompanyAsync(app);
        var fifo = await company.ItemAsync("ROW-FIFO", CostingMethod.FIFO);
        var average = await company.ItemAsync("ROW-AVG", CostingMethod.Average);
        var east = await company.LocationAsync("EAST");
        var posted = new[]
        {
            await company.PostAsync(Purchase(fifo, 3, 10m / 3, Day1), Purchase(average, 7, 1.23456m, Day1, invoice: false)),
            await company.PostAsync(Sale(fifo, 1, Day1.AddDays(1), unitPrice: 9.99m), NegativeAdjmt(average, 2, Day1.AddDays(1))),
            await company.PostAsync(Transfer(fifo, 2, Day1.AddDays(2), "MAIN", east), PositiveAdjmt(average, 1, 0.01m, Day1.AddDays(2))),
        };

        var ledgers = await company.LedgersAsync();
        AssertStored(posted.SelectMany(p => p.ItemLedgerEntries), ledgers.Items, e => e.EntryNo);
        AssertStored(posted.SelectMany(p => p.ValueEntries), ledgers.Values, e => e.EntryNo);
        AssertStored(posted.SelectMany(p => p.Applications), ledgers.Applications, e => e.EntryNo);
        AssertStored(posted.SelectMany(p => p.GLEntries), ledgers.GL, e => e.EntryNo);
        ledgers.AssertInvariants();
    }

    private static void AssertStored<T>(IEnumerable<T> posted, List<T> stored, Func<T, long> entryNo)
    {
        var byNo = stored.ToDictionary(entryNo);
        var rows = posted.ToList();
        Assert.NotEmpty(rows);
        Assert.Equal(rows.Count, rows.Select(entryNo).Intersect(byNo.Keys).Count());
        foreach (var row in rows)
        {
            var back = byNo[entryNo(row)];
            foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                Assert.True(Equals(property.GetValue(row), property.GetValue(back)),
                    $"{typeof(T).Name} {entryNo(row)}.{property.Name}: posted {property.GetValue(row)}, stored {property.GetValue(back)}");
            }
        }
    }
}

public sealed class ledger_rows_are_stored_as_they_were_posted_on_sqlite(SqliteApp app)
    : ledger_rows_are_stored_as_they_were_posted<SqliteApp>(app);

public sealed class ledger_rows_are_stored_as_they_were_posted_on_postgres(PostgresApp app)
    : ledger_rows_are_stored_as_they_were_posted<PostgresApp>(app);
