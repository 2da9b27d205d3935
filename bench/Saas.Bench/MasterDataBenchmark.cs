using System.Collections.Concurrent;
using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Saas.Tenancy.Context;
using Saas.Tenancy.Storage;
using Saas.Web.Startup;
using Saas.Write.Inventory;

namespace Saas.Bench;

/// <summary>
/// Runs the real application (dispatcher, bus and projections included) and creates items through the
/// command handler from N concurrent workers. Reports commands per second, command latency, and the
/// event → read-model latency measured inside the database (outbox occurred_utc → inbox processed_utc),
/// so polling by the benchmark itself does not blur the figure.
/// </summary>
public static class MasterDataBenchmark
{
    public static async Task RunAsync(BenchOptions options)
    {
        var app = await BenchHost.StartAsync(options);
        var scopes = app.Services.GetRequiredService<TenantScopes>();
        var database = app.Services.GetRequiredService<DatabaseOptions>();
        var tenant = DemoData.Companies[0].Id;
        Console.WriteLine($"# Master data on {options.Provider}: {options.Commands} item creations per run ({Environment.ProcessorCount} cores)");
        Console.WriteLine("| provider | workers | commands/s | command p50 ms | command p99 ms | event→read p50 ms | event→read p99 ms |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");

        await RunOnceAsync(scopes, database, tenant, Math.Min(100, options.Commands), 2, "warm-up"); // JIT, pools, caches
        foreach (var workers in options.Concurrency)
        {
            var result = await RunOnceAsync(scopes, database, tenant, options.Commands, workers, options.Provider);
            Console.WriteLine(result);
        }

        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static async Task<string> RunOnceAsync(
        TenantScopes scopes, DatabaseOptions database, Guid tenantId, int commands, int workers, string label)
    {
        var started = DateTime.UtcNow;
        var positions = new ConcurrentBag<Guid>();
        var latencies = new ConcurrentBag<double>();
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < commands)
            {
                var one = Stopwatch.StartNew();
                await using var scope = await scopes.BeginScope(tenantId);
                var result = await scope.Services.GetRequiredService<CreateItemHandler>().HandleAsync(new CreateItem
                {
                    DisplayName = $"Bench item {Guid.NewGuid():N}"[..30],
                    UnitPrice = 10m + next % 90,
                    UnitCost = 5m + next % 40,
                });
                positions.Add(result.ReadPosition);
                latencies.Add(one.Elapsed.TotalMilliseconds);
            }
        })));
        var elapsed = clock.Elapsed;

        var projection = await ProjectionLatenciesAsync(database, positions.ToHashSet(), started);
        var perSecond = commands / elapsed.TotalSeconds;
        return $"| {label} | {workers} | {perSecond:F0} | {BenchHost.Percentile(latencies, 50):F1} | {BenchHost.Percentile(latencies, 99):F1} | " +
            $"{BenchHost.Percentile(projection, 50):F1} | {BenchHost.Percentile(projection, 99):F1} |";
    }

    /// <summary>Waits (bounded) until every event is projected, then reads occurred → processed per message.</summary>
    internal static async Task<List<double>> ProjectionLatenciesAsync(DatabaseOptions database, HashSet<Guid> positions, DateTime since)
    {
        await using var connection = DatabaseProviders.CreateConnection(database.Provider, database.DataAdminOrData);
        await connection.OpenAsync();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        List<(Guid MessageId, DateTime Occurred, DateTime Processed)> rows;
        do
        {
            rows = (await connection.QueryAsync<(Guid, DateTime, DateTime)>(
                """
                SELECT o.message_id, o.occurred_utc, i.processed_utc
                FROM outbox o JOIN inbox i ON i.message_id = o.message_id AND i.tenant_id = o.tenant_id
                WHERE o.occurred_utc >= @since
                """,
                new { since })).Where(r => positions.Contains(r.Item1)).ToList();
            if (rows.Count >= positions.Count)
            {
                break;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        if (rows.Count < positions.Count)
        {
            throw new TimeoutException($"Only {rows.Count} of {positions.Count} events were projected within two minutes.");
        }

        return rows.Select(r => (r.Processed - r.Occurred).TotalMilliseconds).ToList();
    }
}
