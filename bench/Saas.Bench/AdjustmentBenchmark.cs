using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saas.Tenancy.Context;
using Saas.Write;
using Saas.Write.Finance.Posting;
using Saas.Write.Inventory;
using Saas.Write.Inventory.Ledger;

namespace Saas.Bench;

/// <summary>
/// Cost adjustment in a big tenant (issue 3, ADR 008). Builds one tenant with --entries item ledger entries through
/// the real <see cref="ItemPostingEngine"/> in postings of <see cref="LinesPerPosting"/> lines with automatic cost
/// adjustment off (new entries are still costed at posting): --items ordinary items (FIFO, LIFO, Average, Standard
/// in turn) and four long-history items (one per method, a tenth of the entries each). Every item gets an opening
/// receipt of 1000 units (not invoiced) and then pairs of purchase (every 10th not invoiced) and invoiced sale
/// of the same quantity, spread over days; then one posting invoices every 5th not invoiced receipt of the most recent
/// tenth of each item's receipts at another cost and charges every 20th of them. Measures:
/// (a) a full cost adjustment of the tenant from scratch, and a second one with nothing left;
/// (b) with automatic adjustment on: an ordinary 5-line posting, the late invoice of the opening receipt (1000 units,
///     not invoiced until then) of the long FIFO item, which its first 500 sales took from, and of the long
///     Average item (which changes every later period);
/// (c) postings per second of the ordinary posting in the big tenant and in an empty one.
/// </summary>
public static class AdjustmentBenchmark
{
    private const int LinesPerPosting = 2000;
    private static readonly CostingMethod[] Methods = [CostingMethod.FIFO, CostingMethod.LIFO, CostingMethod.Average, CostingMethod.Standard];

    public static async Task RunAsync(BenchOptions options)
    {
        var app = await BenchHost.StartAsync(options);
        var scopes = app.Services.GetRequiredService<TenantScopes>();
        var run = Guid.NewGuid().ToString("N")[..6];
        Console.WriteLine($"# Cost adjustment on {options.Provider}: {options.Entries} item ledger entries, {options.Items} ordinary + 4 long-history items ({Environment.ProcessorCount} cores)");

        var tenant = await PostingBenchmark.OnboardAsync(app.Services, run);
        await SetAutomaticAdjustmentAsync(scopes, tenant, false);
        var longItems = await CreateAsync(scopes, tenant, Methods, "Long");
        var ordinary = await CreateAsync(scopes, tenant, [.. Enumerable.Range(0, options.Items).Select(i => Methods[i % Methods.Length])], "Item");

        // Long items: a tenth of the entries each; the rest spread over the ordinary items.
        var perLong = options.Entries / 10;
        var perOrdinary = Math.Max(2, (options.Entries - 4 * perLong) / Math.Max(1, options.Items));
        var start = new DateOnly(2025, 1, 1);
        var build = Stopwatch.StartNew();
        long built = 0;
        var postings = 0;
        var oldReceipts = new Dictionary<string, long>();
        var generate = options.Provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase);
        foreach (var (item, count) in longItems.Select(i => (i, perLong)).Concat(ordinary.Select(i => (i, perOrdinary))))
        {
            if (generate)
            {
                await using var scope = await scopes.BeginScope(tenant);
                var db = scope.Services.GetRequiredService<WriteDbContext>();
                var row = await db.Items.AsNoTracking().SingleAsync(i => i.Number == item);
                built += await LedgerGenerator.GenerateAsync(db, row, Math.Max(1, (count - 1) / 2), start);
                oldReceipts[item] = built - 2L * Math.Max(1, (count - 1) / 2);
                continue;
            }

            var day = 0;
            for (var done = 0; done < count; done += LinesPerPosting)
            {
                var lines = Pairs(item, Math.Min(LinesPerPosting, count - done) - (done == 0 ? 1 : 0), start, ref day);
                if (done == 0)
                {
                    // Opening stock: one receipt of 2W units, not invoiced, as the generator writes it.
                    lines.Insert(0, new ItemPostingLine
                    {
                        EntryType = ItemLedgerEntryType.Purchase, ItemNo = item, Quantity = 2 * LedgerGenerator.Window, PostingDate = start, UnitCost = 10m, Invoice = false,
                    });
                }

                await using var scope = await scopes.BeginScope(tenant);
                var result = await scope.Services.GetRequiredService<ItemPostingEngine>().PostAsync(new ItemPosting { Lines = lines });
                built += result.ItemLedgerEntries.Count;
                if (done == 0)
                {
                    oldReceipts[item] = result.ItemLedgerEntries[0].EntryNo;
                }

                if (++postings % 50 == 0)
                {
                    Console.Error.WriteLine($"  built {built} entries in {build.Elapsed.TotalSeconds:F0} s");
                }
            }
        }

        var buildSeconds = build.Elapsed.TotalSeconds;
        var lastDay = start.AddDays(Math.Max(3 * (perLong / LinesPerPosting + 1), perLong / 100 + 1) + 2);

        // A full adjustment of the ledger as built: the generator (or the engine's costing at posting) left
        // nothing to adjust, so this is the pure cost of reading and recomputing every item.
        var (checkSeconds, checkWritten) = await TimedAsync(scopes, tenant, e => e.AdjustEveryItemAsync());
        Console.Error.WriteLine($"  full adjustment of the ledger as built: {checkSeconds:F1} s, {checkWritten} value entries");

        // Late invoices and item charges, still without adjustment, so (a) has real work.
        var late = Stopwatch.StartNew();
        await using (var scope = await scopes.BeginScope(tenant))
        {
            var db = scope.Services.GetRequiredService<WriteDbContext>();
            var keep = oldReceipts.Values.ToHashSet();
            var receipts = await db.ItemLedgerEntries.AsNoTracking()
                .Where(e => e.EntryType == ItemLedgerEntryType.Purchase && e.Positive)
                .Select(e => new { e.EntryNo, e.ItemId, e.Quantity }).ToListAsync();
            var invoiced = (await db.ValueEntries.AsNoTracking()
                .Where(v => v.ItemLedgerEntryType == ItemLedgerEntryType.Purchase && v.InvoicedQuantity != 0)
                .Select(v => v.ItemLedgerEntryNo).Distinct().ToListAsync()).ToHashSet();

            // Invoices and charges arrive weeks, not years, after the receipt: the most recent tenth of each
            // item's receipts (for Average items a change reaches every later period).
            var recent = receipts.GroupBy(r => r.ItemId)
                .SelectMany(g => g.OrderBy(r => r.EntryNo).Skip(g.Count() * 9 / 10)).Where(r => !keep.Contains(r.EntryNo)).ToList();
            var open = recent.Where(r => !invoiced.Contains(r.EntryNo)).Where((_, i) => i % 5 == 0).ToList();
            var charged = recent.Where((_, i) => i % 20 == 0).ToList();
            await scope.Services.GetRequiredService<ItemPostingEngine>().PostAsync(new ItemPosting
            {
                SourceCode = "PURCHASES",
                Invoices = [.. open.Select(r => new ItemInvoiceLine { ItemLedgerEntryNo = r.EntryNo, Quantity = r.Quantity, PostingDate = lastDay, UnitCost = 11.5m })],
                Charges = [.. charged.Select(r => new ItemChargeLine { ItemLedgerEntryNo = r.EntryNo, Amount = 3.33m, PostingDate = lastDay })],
            });
        }

        var lateSeconds = late.Elapsed.TotalSeconds;
        var (adjustSeconds, written) = await TimedAsync(scopes, tenant, e => e.AdjustEveryItemAsync());
        var (againSeconds, _) = await TimedAsync(scopes, tenant, e => e.AdjustCostAsync());

        Console.WriteLine("| provider | item ledger entries | on each long item | build s | build entries/s | late invoices + charges s | full adjustment s | adjusted entries/s | value entries written | re-run (nothing to do) s | full adjustment of the ledger as built s (value entries) |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        Console.WriteLine($"| {options.Provider} | {built} | {perLong} | {buildSeconds:F0} ({(generate ? "generated" : "posted")}) | {built / buildSeconds:F0} | {lateSeconds:F1} | " +
            $"{adjustSeconds:F1} | {built / adjustSeconds:F0} | {written} | {againSeconds:F3} | {checkSeconds:F1} ({checkWritten}) |");
        Console.WriteLine();

        // (b) and (c) with automatic adjustment on, the default.
        await SetAutomaticAdjustmentAsync(scopes, tenant, true);
        var today = lastDay.AddDays(1);
        var (ordinarySeconds, ordinaryWritten) = await TimedAsync(scopes, tenant, e => e.PostAsync(Ordinary(longItems, ordinary, today, 0)));
        var (fifoSeconds, fifoWritten) = await TimedAsync(scopes, tenant, e => e.PostAsync(LateInvoice(oldReceipts[longItems[0]], today)));
        // The long Average item: a sale today, the late invoice of its most recent receipt not invoiced yet (changes the
        // last periods), then of its first receipt (changes every period after it: all of its history is revisited).
        var (averageSaleSeconds, averageSaleWritten) = await TimedAsync(scopes, tenant, e => e.PostAsync(new ItemPosting
        {
            Lines = [new ItemPostingLine { EntryType = ItemLedgerEntryType.Sale, ItemNo = longItems[2], Quantity = 2, PostingDate = today, UnitAmount = 20m, Invoice = true }],
        }));
        var recentReceipt = await RecentUninvoicedReceiptAsync(scopes, tenant, longItems[2]);
        var (recentSeconds, recentWritten) = await TimedAsync(scopes, tenant, e => e.PostAsync(new ItemPosting
        {
            SourceCode = "PURCHASES",
            Invoices = [new ItemInvoiceLine { ItemLedgerEntryNo = recentReceipt.EntryNo, Quantity = recentReceipt.Quantity, PostingDate = today, UnitCost = 11.75m }],
        }));
        var (averageSeconds, averageWritten) = await TimedAsync(scopes, tenant, e => e.PostAsync(LateInvoice(oldReceipts[longItems[2]], today)));
        Console.WriteLine("| provider | posting in the big tenant (automatic adjustment on) | s | value entries written |");
        Console.WriteLine("| --- | --- | --- | --- |");
        Console.WriteLine($"| {options.Provider} | ordinary journal, 5 lines (long FIFO, LIFO, Standard items + 2 ordinary) | {ordinarySeconds:F3} | {ordinaryWritten} |");
        Console.WriteLine($"| {options.Provider} | late invoice of the first receipt of the long FIFO item | {fifoSeconds:F3} | {fifoWritten} |");
        Console.WriteLine($"| {options.Provider} | sale of the long Average item, dated today | {averageSaleSeconds:F3} | {averageSaleWritten} |");
        Console.WriteLine($"| {options.Provider} | late invoice of the most recent uninvoiced receipt of the long Average item ({recentReceipt.PostingDate:yyyy-MM-dd}) | {recentSeconds:F3} | {recentWritten} |");
        Console.WriteLine($"| {options.Provider} | late invoice of the first receipt of the long Average item (every later period changes) | {averageSeconds:F3} | {averageWritten} |");
        Console.WriteLine();

        var empty = await PostingBenchmark.OnboardAsync(app.Services, run);
        var emptyLong = await CreateAsync(scopes, empty, Methods, "Long");
        var emptyOrdinary = await CreateAsync(scopes, empty, [.. Enumerable.Range(0, 2).Select(i => Methods[i % Methods.Length])], "Item");
        await using (var scope = await scopes.BeginScope(empty))
        {
            await scope.Services.GetRequiredService<ItemPostingEngine>().PostAsync(new ItemPosting
            {
                Lines = [.. emptyLong.Concat(emptyOrdinary).Select(i => Receipt(i, 1_000_000, start))],
            });
        }

        Console.WriteLine("| provider | tenant | postings (5 lines, automatic adjustment on) | postings/s | p50 ms | p99 ms |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
        Console.WriteLine(await ThroughputAsync(scopes, empty, emptyLong, emptyOrdinary, today, options, "empty"));
        Console.WriteLine(await ThroughputAsync(scopes, tenant, longItems, ordinary, today, options, $"{built} entries"));

        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>Purchase/sale pairs of the same quantity (the stock stays level), three days per posting.</summary>
    private static List<ItemPostingLine> Pairs(string item, int count, DateOnly start, ref int day)
    {
        var lines = new List<ItemPostingLine>(count);
        for (var i = 0; i + 1 < count; i += 2)
        {
            var date = start.AddDays(day + 3 * i / Math.Max(1, count));
            const int quantity = 2; // as the generator: whole applications, no splits
            lines.Add(new ItemPostingLine
            {
                EntryType = ItemLedgerEntryType.Purchase, ItemNo = item, Quantity = quantity, PostingDate = date,
                UnitCost = 9m + i % 7 * 0.37m, Invoice = i % 20 != 0,
            });
            lines.Add(new ItemPostingLine
            {
                EntryType = ItemLedgerEntryType.Sale, ItemNo = item, Quantity = quantity, PostingDate = date, UnitAmount = 20m, Invoice = true,
            });
        }

        day += 3;
        return lines;
    }

    private static ItemPostingLine Receipt(string item, decimal quantity, DateOnly date) => new()
    {
        EntryType = ItemLedgerEntryType.PositiveAdjmt, ItemNo = item, Quantity = quantity, PostingDate = date, UnitCost = 10m,
    };

    private static ItemPosting Ordinary(string[] longItems, string[] ordinary, DateOnly date, int n) => new()
    {
        Lines =
        [
            new ItemPostingLine { EntryType = ItemLedgerEntryType.Purchase, ItemNo = longItems[0], Quantity = 10, PostingDate = date, UnitCost = 9.5m + n % 7, Invoice = true },
            new ItemPostingLine { EntryType = ItemLedgerEntryType.Sale, ItemNo = longItems[0], Quantity = 8, PostingDate = date, UnitAmount = 20m, Invoice = true },
            new ItemPostingLine { EntryType = ItemLedgerEntryType.Sale, ItemNo = longItems[1], Quantity = 1, PostingDate = date, UnitAmount = 20m, Invoice = true },
            new ItemPostingLine { EntryType = ItemLedgerEntryType.NegativeAdjmt, ItemNo = longItems[3], Quantity = 1, PostingDate = date },
            new ItemPostingLine { EntryType = ItemLedgerEntryType.Sale, ItemNo = ordinary[n % ordinary.Length], Quantity = 1, PostingDate = date, UnitAmount = 20m, Invoice = true },
        ],
    };

    private static ItemPosting LateInvoice(long receipt, DateOnly date) => new()
    {
        SourceCode = "PURCHASES",
        Invoices = [new ItemInvoiceLine { ItemLedgerEntryNo = receipt, Quantity = 2 * LedgerGenerator.Window, PostingDate = date, UnitCost = 10.5m }],
    };

    private static async Task<string> ThroughputAsync(
        TenantScopes scopes, Guid tenant, string[] longItems, string[] ordinary, DateOnly date, BenchOptions options, string label)
    {
        var latencies = new List<double>();
        var clock = Stopwatch.StartNew();
        for (var n = 0; n < options.Postings; n++)
        {
            var one = Stopwatch.StartNew();
            await using var scope = await scopes.BeginScope(tenant);
            await scope.Services.GetRequiredService<ItemPostingEngine>().PostAsync(Ordinary(longItems, ordinary, date, n));
            latencies.Add(one.Elapsed.TotalMilliseconds);
        }

        return $"| {options.Provider} | {label} | {options.Postings} | {options.Postings / clock.Elapsed.TotalSeconds:F1} | " +
            $"{BenchHost.Percentile(latencies, 50):F1} | {BenchHost.Percentile(latencies, 99):F1} |";
    }

    private static async Task<(double Seconds, int Written)> TimedAsync(TenantScopes scopes, Guid tenant, Func<ItemPostingEngine, Task<PostingResult>> work)
    {
        var clock = Stopwatch.StartNew();
        await using var scope = await scopes.BeginScope(tenant);
        var result = await work(scope.Services.GetRequiredService<ItemPostingEngine>());
        return (clock.Elapsed.TotalSeconds, result.ValueEntries.Count);
    }

    private static async Task<(long EntryNo, decimal Quantity, DateOnly PostingDate)> RecentUninvoicedReceiptAsync(TenantScopes scopes, Guid tenant, string itemNo)
    {
        await using var scope = await scopes.BeginScope(tenant);
        var db = scope.Services.GetRequiredService<WriteDbContext>();
        var receipt = await db.ItemLedgerEntries.AsNoTracking()
            .Where(e => e.ItemNo == itemNo && e.EntryType == ItemLedgerEntryType.Purchase && e.Positive
                && !db.ValueEntries.Any(v => v.ItemLedgerEntryNo == e.EntryNo && v.InvoicedQuantity != 0))
            .OrderByDescending(e => e.EntryNo).FirstAsync();
        return (receipt.EntryNo, receipt.Quantity, receipt.PostingDate);
    }

    private static async Task SetAutomaticAdjustmentAsync(TenantScopes scopes, Guid tenant, bool on)
    {
        await using var scope = await scopes.BeginScope(tenant);
        var db = scope.Services.GetRequiredService<WriteDbContext>();
        var setup = await db.GeneralLedgerSetups.SingleAsync();
        setup.AutomaticCostAdjustment = on;
        await db.SaveChangesAsync();
    }

    private static async Task<string[]> CreateAsync(TenantScopes scopes, Guid tenant, CostingMethod[] methods, string name)
    {
        var numbers = new List<string>();
        await using var scope = await scopes.BeginScope(tenant);
        foreach (var method in methods)
        {
            var created = await scope.Services.GetRequiredService<CreateItemHandler>().HandleAsync(
                new CreateItem { DisplayName = $"{name} {method}", UnitCost = 10m, UnitPrice = 20m, CostingMethod = method });
            numbers.Add(created.Snapshot.Number);
        }

        return [.. numbers];
    }
}
