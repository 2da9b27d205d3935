using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Saas.Tenancy.Context;
using Saas.Write.Inventory.Journals;

namespace Saas.Bench;

/// <summary>
/// What one 5-line posting costs (issue 8): SQL commands (round trips) and statements, rows read, entities written,
/// process CPU, and how long the company's posting lock is held (from the statement that takes it to the commit).
/// Postings run one after another in one company; EF's diagnostic events are attributed to the posting through an
/// AsyncLocal, so the outbox dispatcher and the projections running in the same process are not counted as SQL
/// (their CPU is: the CPU column is the whole process, per posting).
/// </summary>
public static class PostingProfile
{
    private static readonly AsyncLocal<Sample?> Current = new();
    private static bool sqlite;

    public static async Task RunAsync(BenchOptions options)
    {
        sqlite = options.Provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase);
        using var subscription = DiagnosticListener.AllListeners.Subscribe(new ListenerObserver());
        var app = await BenchHost.StartAsync(options);
        var scopes = app.Services.GetRequiredService<TenantScopes>();
        var run = Guid.NewGuid().ToString("N")[..6];
        var tenant = await PostingBenchmark.OnboardAsync(app.Services, run);
        var items = await PostingBenchmark.CreateStockedItemsAsync(scopes, tenant);

        var samples = new List<Sample>();
        var process = Process.GetCurrentProcess();
        var warmUp = Math.Min(50, options.Postings);
        TimeSpan cpuStart = default;
        for (var n = 0; n < warmUp + options.Postings; n++)
        {
            if (n == warmUp)
            {
                process.Refresh();
                cpuStart = process.TotalProcessorTime;
            }

            var sample = new Sample();
            Current.Value = sample;
            var clock = Stopwatch.StartNew();
            await using (var scope = await scopes.BeginScope(tenant))
            {
                await scope.Services.GetRequiredService<ItemJournal>().PostAsync(PostingBenchmark.FiveLines(items, n));
            }

            sample.Milliseconds = clock.Elapsed.TotalMilliseconds;
            Current.Value = null;
            if (n >= warmUp)
            {
                samples.Add(sample);
            }
        }

        process.Refresh();
        var cpuPerPosting = (process.TotalProcessorTime - cpuStart).TotalMilliseconds / options.Postings;
        Console.WriteLine($"# Profile of one 5-line posting on {options.Provider} ({options.Postings} postings in one company, one after another)");
        Console.WriteLine("| provider | round trips | statements | rows read | entities written | process CPU ms | lock held ms p50 | posting ms p50 | posting ms p99 |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        Console.WriteLine(
            $"| {options.Provider} | {Median(samples, s => s.Commands)} | {Median(samples, s => s.Statements)} | {Median(samples, s => s.RowsRead)} | " +
            $"{Median(samples, s => s.EntitiesWritten)} | {cpuPerPosting:F1} | {BenchHost.Percentile(samples.Select(s => s.LockHeldMs), 50):F1} | " +
            $"{BenchHost.Percentile(samples.Select(s => s.Milliseconds), 50):F1} | {BenchHost.Percentile(samples.Select(s => s.Milliseconds), 99):F1} |");
        if (Environment.GetEnvironmentVariable("BENCH_PROFILE_SQL") is "1")
        {
            Console.WriteLine();
            Console.WriteLine("SQL of the last posting (ms, rows read):");
            foreach (var (text, ms, rows) in samples[^1].Log)
            {
                Console.WriteLine($"-- {ms:F2} ms, {rows} rows\n{text}\n");
            }
        }

        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static double Median(List<Sample> samples, Func<Sample, int> value) => BenchHost.Percentile(samples.Select(s => (double)value(s)), 50);

    private sealed class Sample
    {
        public int Commands;
        public int Statements;
        public int RowsRead;
        public int EntitiesWritten;
        public double Milliseconds;
        public double LockHeldMs;
        public long? LockTakenAt;
        public readonly ConcurrentQueue<(string Text, double Ms, int Rows)> Log = new();
    }

    private sealed class ListenerObserver : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name)
            {
                listener.Subscribe(new EventObserver());
            }
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }
    }

    private sealed class EventObserver : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (Current.Value is not { } sample)
            {
                return;
            }

            switch (value.Value)
            {
                case CommandExecutedEventData executed:
                    var text = executed.Command.CommandText;
                    Interlocked.Increment(ref sample.Commands);
                    Interlocked.Add(ref sample.Statements, Math.Max(1, text.Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Count(s => s.Length > 0)));
                    sample.Log.Enqueue((text, executed.Duration.TotalMilliseconds, 0));
                    if (sample.LockTakenAt is null && text.Contains("FOR UPDATE", StringComparison.Ordinal))
                    {
                        sample.LockTakenAt = Stopwatch.GetTimestamp();
                    }

                    break;
                case TransactionEventData when sqlite && sample.LockTakenAt is null && value.Key.EndsWith("TransactionStarted", StringComparison.Ordinal):
                    // SQLite: BEGIN IMMEDIATE takes the database's write lock with the transaction.
                    sample.LockTakenAt = Stopwatch.GetTimestamp();
                    break;
                case DataReaderDisposingEventData reader:
                    Interlocked.Add(ref sample.RowsRead, reader.ReadCount);
                    break;
                case SaveChangesCompletedEventData saved:
                    Interlocked.Add(ref sample.EntitiesWritten, saved.EntitiesSavedCount);
                    break;
                case TransactionEndEventData when value.Key.EndsWith("TransactionCommitted", StringComparison.Ordinal) && sample.LockTakenAt is { } taken:
                    sample.LockHeldMs = Stopwatch.GetElapsedTime(taken).TotalMilliseconds;
                    break;
            }
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }
    }
}
