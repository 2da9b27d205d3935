using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Saas.Identity;
using Saas.Identity.Clients;
using Saas.Write.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saas.Tenancy.Catalog;
using Saas.Tenancy.Context;
using Saas.Tenancy.Storage;
using Saas.Web.Resellers;
using Saas.Web.Startup;
using Saas.Write;
using Saas.Write.Finance.Posting;
using Saas.Write.Inventory;
using Saas.Write.Inventory.Journals;
using Saas.Write.Inventory.Ledger;

namespace Saas.Bench;

/// <summary>
/// The posting core (issue 3), on the real application. (1) Postings per second: item journals of 5 lines
/// (positive adjustments and sales-like negative adjustments on two FIFO items and one Average item) through
/// <see cref="ItemJournal.PostAsync"/>, one tenant per worker, every tenant made by the reseller onboarding handler
/// (so it has the seeded finance setup), automatic cost adjustment on (the default). (2) Cost adjustment as the
/// ledger grows: one tenant with automatic adjustment off, N item ledger entries built in large journals, then a
/// late invoice of the first receipt at a different cost, so "Adjust Cost - Item Entries" must revisit every
/// outbound entry applied to it; the on-demand adjustment is timed.
/// </summary>
public static class PostingBenchmark
{
    private const int BuildLinesPerPosting = 1000;
    private static readonly TimeSpan BuildBudget = TimeSpan.FromMinutes(5);
    private static int tenantCounter;

    public static async Task RunAsync(BenchOptions options)
    {
        var app = await BenchHost.StartAsync(options);
        var scopes = app.Services.GetRequiredService<TenantScopes>();
        var run = Guid.NewGuid().ToString("N")[..6];
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        Console.WriteLine($"# Postings on {options.Provider}: {options.Postings} item journals of 5 lines per run ({Environment.ProcessorCount} cores)");
        Console.WriteLine("| provider | via | tenants × workers | postings | postings/s | lines/s | p50 ms | p99 ms | event→read p50 ms | event→read p99 ms |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        await ThroughputAsync(app.Services, scopes, run, Math.Min(50, options.Postings), 2, 1, null, "warm-up"); // JIT, pools, caches
        await ThroughputAsync(app.Services, scopes, run, Math.Min(50, options.Postings), 2, 1, http, "warm-up");
        foreach (var via in options.Via)
        {
            foreach (var (tenants, workers) in options.TenantsAndWorkers)
            {
                Console.WriteLine(await ThroughputAsync(
                    app.Services, scopes, run, options.Postings, tenants, workers, via == "http" ? http : null, options.Provider));
            }
        }

        if (options.Entries > 0)
        {
            Console.WriteLine();
            Console.WriteLine($"# Cost adjustment on {options.Provider}: target {options.Entries} item ledger entries over {options.Items} items, build budget {BuildBudget.TotalMinutes:F0} min");
            Console.WriteLine("| provider | item ledger entries | of them on the changed item | build s | build entries/s | adjust s | adjust entries/s | value entries written | re-run (nothing to do) s |");
            Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
            Console.WriteLine(await CostAdjustmentAsync(app.Services, scopes, run, options));
        }

        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>
    /// <paramref name="tenants"/> companies with <paramref name="workers"/> concurrent posters each, in process (the
    /// journal handler) or, with <paramref name="http"/>, through the API as a client would: a client-credentials
    /// token per company, JSON, an idempotency key per request.
    /// </summary>
    private static async Task<string> ThroughputAsync(
        IServiceProvider services, TenantScopes scopes, string run, int postings, int tenants, int workers, HttpClient? http, string label)
    {
        var companies = new List<(Guid Tenant, string[] Items, string? Token)>();
        for (var i = 0; i < tenants; i++)
        {
            var tenant = await OnboardAsync(services, run);
            var items = await CreateStockedItemsAsync(scopes, tenant);
            companies.Add((tenant, items, http is null ? null : await TokenAsync(services, http, tenant)));
        }

        var latencies = new ConcurrentBag<double>();
        var positions = new ConcurrentBag<Guid>();
        var started = DateTime.UtcNow;
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(companies.SelectMany(company => Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            var (tenant, items, token) = company;
            while (Interlocked.Increment(ref next) < postings)
            {
                var n = next;
                var one = Stopwatch.StartNew();
                if (http is null)
                {
                    await using var scope = await scopes.BeginScope(tenant);
                    positions.Add((await scope.Services.GetRequiredService<ItemJournal>().PostAsync(FiveLines(items, n))).ReadPosition!.Value);
                }
                else
                {
                    positions.Add(await PostOverHttpAsync(http, tenant, token!, FiveLines(items, n)));
                }

                latencies.Add(one.Elapsed.TotalMilliseconds);
            }
        }))));
        var elapsed = clock.Elapsed;
        var projection = await MasterDataBenchmark.ProjectionLatenciesAsync(services.GetRequiredService<DatabaseOptions>(), positions.ToHashSet(), started);
        return $"| {label} | {(http is null ? "in process" : "HTTP API")} | {tenants} × {workers} | {postings} | {postings / elapsed.TotalSeconds:F0} | {5 * postings / elapsed.TotalSeconds:F0} | " +
            $"{BenchHost.Percentile(latencies, 50):F1} | {BenchHost.Percentile(latencies, 99):F1} | " +
            $"{BenchHost.Percentile(projection, 50):F1} | {BenchHost.Percentile(projection, 99):F1} |";
    }

    /// <summary>An Administrator API client of the company and its client-credentials token.</summary>
    private static async Task<string> TokenAsync(IServiceProvider services, HttpClient http, Guid tenant)
    {
        await using var scope = services.CreateAsyncScope();
        var client = await scope.ServiceProvider.GetRequiredService<ApiClients>().CreateAsync(tenant, "Bench", SaasRoles.Administrator, null);
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(
        [
            new("grant_type", "client_credentials"), new("client_id", client.Client.ClientId), new("client_secret", client.ClientSecret),
        ]));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    /// <returns>The posting's read position (X-Read-Position).</returns>
    private static async Task<Guid> PostOverHttpAsync(HttpClient http, Guid tenant, string token, PostItemJournal journal)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v2.0/companies({tenant})/itemJournals/Microsoft.NAV.post")
        {
            Content = JsonContent.Create(new
            {
                idempotencyKey = Guid.NewGuid().ToString("N"),
                lines = journal.Lines.Select(l => new
                {
                    entryType = BcEnum.ToWord(l.EntryType),
                    itemNumber = l.ItemNumber,
                    quantity = l.Quantity,
                    postingDate = l.PostingDate,
                    unitCost = l.UnitCost,
                }),
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Posting over HTTP answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return Guid.Parse(response.Headers.GetValues("X-Read-Position").Single());
    }

    private static async Task<string> CostAdjustmentAsync(IServiceProvider services, TenantScopes scopes, string run, BenchOptions options)
    {
        var tenant = await OnboardAsync(services, run);
        string[] items;
        await using (var scope = await scopes.BeginScope(tenant))
        {
            // Automatic adjustment would reload the item's whole history at every build posting.
            var db = scope.Services.GetRequiredService<WriteDbContext>();
            var setup = await db.GeneralLedgerSetups.SingleAsync();
            setup.AutomaticCostAdjustment = false;
            await db.SaveChangesAsync();
        }

        var methods = Enumerable.Range(0, Math.Max(1, options.Items)).Select(i => i % 2 == 0 ? CostingMethod.FIFO : CostingMethod.Average).ToArray();
        items = await CreateItemsAsync(scopes, tenant, methods);
        var start = new DateOnly(2025, 1, 1);
        var outbound = options.Entries; // generous: every outbound entry of the first item can apply to the first receipt

        // Entry 1: a receipt of the first (FIFO) item, not yet invoiced; the other items get opening stock.
        long firstReceipt;
        var build = Stopwatch.StartNew();
        await using (var scope = await scopes.BeginScope(tenant))
        {
            var result = await scope.Services.GetRequiredService<ItemPostingEngine>().PostAsync(new ItemPosting
            {
                SourceCode = "PURCHASES",
                Lines =
                [
                    new ItemPostingLine { EntryType = ItemLedgerEntryType.Purchase, ItemNo = items[0], Quantity = outbound, PostingDate = start, UnitCost = 10m, Invoice = false },
                    .. items.Skip(1).Select(item => ToPostingLine(Line(ItemLedgerEntryType.PositiveAdjmt, item, outbound, start, 10m))),
                ],
            });
            firstReceipt = result.ItemLedgerEntries.Single(e => e.ItemNo == items[0]).EntryNo;
        }

        var built = items.Length;
        var onChanged = 1;
        var batch = 0;
        while (built < options.Entries && build.Elapsed < BuildBudget)
        {
            var itemIndex = batch % items.Length;
            var date = start.AddDays(1 + batch / items.Length);
            var count = Math.Min(BuildLinesPerPosting, options.Entries - built);
            var lines = Enumerable.Range(0, count)
                .Select(i => i % 2 == 0
                    ? Line(ItemLedgerEntryType.NegativeAdjmt, items[itemIndex], 1, date)
                    : Line(ItemLedgerEntryType.PositiveAdjmt, items[itemIndex], 1, date, 9m + i % 5))
                .ToList();
            await using var scope = await scopes.BeginScope(tenant);
            await scope.Services.GetRequiredService<ItemPostingEngine>().PostAsync(new ItemPosting { Lines = lines.Select(ToPostingLine).ToList() });
            built += count;
            onChanged += itemIndex == 0 ? count : 0;
            batch++;
        }

        var buildSeconds = build.Elapsed.TotalSeconds;
        if (built < options.Entries)
        {
            Console.Error.WriteLine($"Build budget reached: {built} of {options.Entries} entries.");
        }

        // The late invoice changes the first receipt's cost from 10 to 12; with automatic adjustment off the
        // outbound entries applied to it keep their old cost until the on-demand adjustment below.
        await using (var scope = await scopes.BeginScope(tenant))
        {
            await scope.Services.GetRequiredService<ItemPostingEngine>().PostAsync(new ItemPosting
            {
                SourceCode = "PURCHASES",
                Invoices = [new ItemInvoiceLine { ItemLedgerEntryNo = firstReceipt, Quantity = outbound, PostingDate = start.AddDays(1 + batch), UnitCost = 12m }],
            });
        }

        var adjust = Stopwatch.StartNew();
        int written;
        await using (var scope = await scopes.BeginScope(tenant))
        {
            written = (await scope.Services.GetRequiredService<ItemPostingEngine>().AdjustCostAsync()).ValueEntries.Count;
        }

        var adjustSeconds = adjust.Elapsed.TotalSeconds;
        var again = Stopwatch.StartNew();
        await using (var scope = await scopes.BeginScope(tenant))
        {
            await scope.Services.GetRequiredService<ItemPostingEngine>().AdjustCostAsync();
        }

        return $"| {options.Provider} | {built} | {onChanged} | {buildSeconds:F0} | {built / buildSeconds:F0} | {adjustSeconds:F1} | {built / adjustSeconds:F0} | {written} | {again.Elapsed.TotalSeconds:F1} |";
    }

    internal static async Task<Guid> OnboardAsync(IServiceProvider services, string run)
    {
        var identifier = $"bench-{run}-{Interlocked.Increment(ref tenantCounter)}";
        await using var scope = services.CreateAsyncScope();
        var onboarded = await scope.ServiceProvider.GetRequiredService<OnboardTenantHandler>().Handle(
            new OnboardTenant($"Bench {identifier}", identifier, "EUR", $"admin@{identifier}.example", TenantIsolation.Pooled),
            DemoData.ResellerId, CancellationToken.None);
        return onboarded.Tenant.Id;
    }

    private static async Task<string[]> CreateItemsAsync(TenantScopes scopes, Guid tenant, CostingMethod[] methods)
    {
        var numbers = new List<string>();
        await using var scope = await scopes.BeginScope(tenant);
        foreach (var method in methods)
        {
            var created = await scope.Services.GetRequiredService<CreateItemHandler>().HandleAsync(
                new CreateItem { DisplayName = $"Bench {method} item", UnitCost = 10m, UnitPrice = 20m, CostingMethod = method });
            numbers.Add(created.Snapshot.Number);
        }

        return [.. numbers];
    }

    /// <summary>
    /// The benchmark's posting: 2 positive and 3 negative adjustments on two FIFO items and one Average item
    /// (<see cref="CreateStockedItemsAsync"/>), costs varying with <paramref name="n"/>.
    /// </summary>
    internal static PostItemJournal FiveLines(string[] items, int n)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return new PostItemJournal
        {
            Lines =
            [
                Line(ItemLedgerEntryType.PositiveAdjmt, items[0], 10, today, 4m + n % 7),
                Line(ItemLedgerEntryType.NegativeAdjmt, items[0], 8, today),
                Line(ItemLedgerEntryType.PositiveAdjmt, items[2], 5, today, 20m + n % 5),
                Line(ItemLedgerEntryType.NegativeAdjmt, items[1], 3, today),
                Line(ItemLedgerEntryType.NegativeAdjmt, items[2], 4, today),
            ],
        };
    }

    /// <summary>Two FIFO items and one Average item with enough opening stock that the negative adjustments of a run never run out.</summary>
    internal static async Task<string[]> CreateStockedItemsAsync(TenantScopes scopes, Guid tenant)
    {
        // BENCH_METHODS=FIFO,FIFO,FIFO isolates the fixed cost of a posting from Average re-adjustment (see RESULTS.md).
        CostingMethod[] methods = Environment.GetEnvironmentVariable("BENCH_METHODS") is { Length: > 0 } named
            ? [.. named.Split(',').Select(Enum.Parse<CostingMethod>)]
            : [CostingMethod.FIFO, CostingMethod.FIFO, CostingMethod.Average];
        var items = await CreateItemsAsync(scopes, tenant, methods);
        await using var scope = await scopes.BeginScope(tenant);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await scope.Services.GetRequiredService<ItemJournal>().PostAsync(new PostItemJournal
        {
            Lines = [.. items.Select(item => Line(ItemLedgerEntryType.PositiveAdjmt, item, 1_000_000, today, 5m))],
        });
        return items;
    }

    private static ItemJournalLine Line(ItemLedgerEntryType type, string item, decimal quantity, DateOnly date, decimal? unitCost = null) => new()
    {
        EntryType = type,
        ItemNumber = item,
        Quantity = quantity,
        PostingDate = date,
        UnitCost = unitCost,
    };

    private static ItemPostingLine ToPostingLine(ItemJournalLine line) => new()
    {
        EntryType = line.EntryType,
        ItemNo = line.ItemNumber,
        Quantity = line.Quantity,
        PostingDate = line.PostingDate,
        UnitCost = line.UnitCost,
    };
}
