using Microsoft.Extensions.DependencyInjection;
using Saas.Read.Finance;
using Saas.Read.Inventory;
using Saas.Read.Navigate;
using Saas.Tests.Infrastructure;
using Saas.Tests.Inventory.Transfers;
using Saas.Tests.Posting;
using Saas.Write.Inventory;
using static Saas.Tests.Posting.PostingHarness;

namespace Saas.Tests.Navigate;

/// <summary>
/// BC's Navigate on the read side: a posted transfer shipment's number (and posting date) finds the shipment and
/// every ledger entry it wrote, counted as the ledger lists filtered by that document show them; an entry's links
/// (its value entries, a value entry's G/L entries, one entry by number) narrow the lists to exactly those; another
/// company with the same document number sees only its own.
/// </summary>
public abstract class navigate_finds_everything_a_posted_document_left<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    [Fact]
    public async Task a_shipment_number_finds_the_shipment_and_its_entries_and_the_entries_link_to_each_other()
    {
        var company = await NewCompanyAsync(app);
        var steps = new TransferSteps(company);
        var item = await company.ItemAsync("NAV-1", CostingMethod.FIFO);
        var east = await company.LocationAsync("EAST");
        await company.PostAsync(Purchase(item, 10, 10, Day1));
        var order = await steps.OrderAsync("MAIN", east, Day1.AddDays(1));
        await steps.LineAsync(order.Id, item, 4);
        var shipment = await steps.ShipAsync(order.Id);
        var shipped = Day1.AddDays(1);

        var found = await Read(company, (n, _) => n.FindAsync(shipment.DocumentNo.ToLowerInvariant(), shipped));
        var document = Assert.Single(found.Documents);
        Assert.Equal((TransferQueries.Shipment, shipment.DocumentId, shipment.DocumentNo, "2027-01-05"),
            (document.DocumentType, document.Id, document.Number, document.PostingDate));
        Assert.Equal(2, found.ItemLedgerEntries); // out of MAIN, into in-transit
        Assert.Equal(1, found.Registers);

        // Each count is what the ledger list filtered by the document shows.
        var byDocument = new LedgerFilter { DocumentNumber = shipment.DocumentNo, FromDate = shipped, ToDate = shipped };
        var entries = await Read(company, (_, l) => l.ItemLedgerEntriesAsync(byDocument));
        var values = await Read(company, (_, l) => l.ValueEntriesAsync(byDocument));
        var gl = await Read(company, (_, l) => l.GLEntriesAsync(byDocument));
        Assert.Equal(found.ItemLedgerEntries, entries.Count);
        Assert.Equal(found.ValueEntries, values.Count);
        Assert.Equal(found.GLEntries, gl.Count);
        Assert.True(gl.Count > 0);
        Assert.Equal(0m, gl.Value.Sum(g => g.Amount));

        // On another day the same number finds nothing; without a date it finds the same.
        Assert.True((await Read(company, (n, _) => n.FindAsync(shipment.DocumentNo, shipped.AddDays(1)))).Nothing);
        Assert.Equal(found, (await Read(company, (n, _) => n.FindAsync(shipment.DocumentNo, null))) with { Documents = found.Documents });

        // Links: an item ledger entry's value entries, a value entry's G/L entries, one entry by its number.
        var intoTransit = entries.Value.Single(e => e.Quantity > 0);
        var itsValues = await Read(company, (_, l) => l.ValueEntriesAsync(new LedgerFilter { ItemLedgerEntryNumber = intoTransit.EntryNumber }));
        Assert.NotEmpty(itsValues.Value);
        Assert.All(itsValues.Value, v => Assert.Equal(intoTransit.EntryNumber, v.ItemLedgerEntryNumber));
        var value = itsValues.Value[0];
        var itsGL = await Read(company, (_, l) => l.GLEntriesAsync(new LedgerFilter { ValueEntryNumber = value.EntryNumber }));
        Assert.NotEmpty(itsGL.Value);
        Assert.All(itsGL.Value, g => Assert.Equal(value.EntryNumber, g.ValueEntryNumber));
        Assert.Equal(value.CostAmountActual, itsGL.Value.Where(g => g.Amount > 0).Sum(g => g.Amount));
        var one = await Read(company, (_, l) => l.ItemLedgerEntriesAsync(new LedgerFilter { EntryNumber = intoTransit.EntryNumber }));
        Assert.Equal(intoTransit.EntryNumber, Assert.Single(one.Value).EntryNumber);

        // Ledger pages find the posted document behind a page of entries in one query.
        var posted = await Read(company, (n, _) => n.PostedDocumentsAsync([shipment.DocumentNo, "NO-SUCH", ""]));
        Assert.Equal(shipment.DocumentId, Assert.Single(posted).Id);
    }

    [Fact]
    public async Task another_company_with_the_same_document_number_finds_only_its_own()
    {
        var first = await NewCompanyAsync(app);
        var item = await first.ItemAsync("NAV-2", CostingMethod.FIFO);
        var east = await first.LocationAsync("EAST");
        await first.PostAsync(Purchase(item, 5, 10, Day1));
        var steps = new TransferSteps(first);
        var order = await steps.OrderAsync("MAIN", east, Day1);
        await steps.LineAsync(order.Id, item, 5);
        var shipment = await steps.ShipAsync(order.Id);

        var second = await NewCompanyAsync(app);
        var nothing = await Read(second, (n, _) => n.FindAsync(shipment.DocumentNo, null));
        Assert.True(nothing.Nothing);
        Assert.Equal(0, nothing.Registers);
        Assert.Empty(await Read(second, (n, _) => n.PostedDocumentsAsync([shipment.DocumentNo])));
        Assert.Equal(0, (await Read(second, (_, l) => l.ItemLedgerEntriesAsync(new LedgerFilter { EntryNumber = 1 }))).Count);
    }

    private static Task<T> Read<T>(PostingHarness company, Func<NavigateQueries, LedgerQueries, Task<T>> read) =>
        company.WithServicesAsync(sp => read(sp.GetRequiredService<NavigateQueries>(), sp.GetRequiredService<LedgerQueries>()));
}

public sealed class navigate_finds_everything_a_posted_document_left_on_sqlite(SqliteApp app)
    : navigate_finds_everything_a_posted_document_left<SqliteApp>(app);

public sealed class navigate_finds_everything_a_posted_document_left_on_postgres(PostgresApp app)
    : navigate_finds_everything_a_posted_document_left<PostgresApp>(app);
