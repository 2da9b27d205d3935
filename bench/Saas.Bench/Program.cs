using Saas.Bench;

// Benchmarks of the real application, printing Markdown rows for bench/RESULTS.md.
//   --benchmark masterdata (default): master-data command throughput and event → read-model latency (issue 2).
//   --benchmark posting: item journal postings per second with 1 and N tenants (--concurrency 1,8,1x8: "1x8" is one
//     tenant with 8 workers; --via inprocess,http posts through the handler and/or the HTTP API), and on-demand cost adjustment
//     time over a ledger of --entries item ledger entries (build capped at 5 minutes; the row says what was built; 0 skips it).
//   --benchmark adjustment: cost adjustment in a tenant of --entries item ledger entries (e.g. 1000000) over --items
//     ordinary and 4 long-history items: full adjustment, one posting's adjustment, postings/s big vs empty tenant.
//   --benchmark profile: what one 5-line posting costs (round trips, statements, rows, CPU, lock held), --postings of them.
//   --benchmark pages: page timings of issue 10 — server render of a transfer order card with --lines lines (and the
//     list) over --requests GETs, and the interactive round trip of --edits line edits in Chromium (SAAS_TEST_CHROMIUM,
//     default /usr/bin/chromium; never downloaded). SQLite only is the embedded default it is meant for.
//   --benchmark all: masterdata and posting.
// Usage: dotnet run -c Release --project bench/Saas.Bench -- [--benchmark masterdata|posting|adjustment|all] [--provider Sqlite|Postgres]
//   [--commands 2000] [--concurrency 1,8] [--postings 400] [--entries 100000] [--items 4] [--lines 50] [--requests 200] [--edits 100]
// PostgreSQL connection strings come from SAAS_BENCH_CATALOG, SAAS_BENCH_DATA (app role), SAAS_BENCH_DATA_ADMIN
// (owner); bench/run.sh starts a durable throw-away cluster and sets them.
var options = BenchOptions.Parse(args);
if (options.Benchmark is "masterdata" or "all")
{
    await MasterDataBenchmark.RunAsync(options);
}

if (options.Benchmark is "posting" or "all")
{
    await PostingBenchmark.RunAsync(options);
}

if (options.Benchmark is "adjustment")
{
    await AdjustmentBenchmark.RunAsync(options);
}

if (options.Benchmark is "profile")
{
    await PostingProfile.RunAsync(options);
}

if (options.Benchmark is "pages")
{
    await PageBenchmark.RunAsync(options);
}

if (options.Benchmark is not ("masterdata" or "posting" or "adjustment" or "profile" or "pages" or "all"))
{
    throw new ArgumentException($"Unknown benchmark '{options.Benchmark}': use masterdata, posting, adjustment, profile, pages or all.");
}
