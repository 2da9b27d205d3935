using Saas.Bench;

// Master-data command throughput and event → read-model latency, on the provider the arguments name.
// Usage: dotnet run -c Release --project bench/Saas.Bench -- [--provider Sqlite|Postgres] [--commands 2000] [--concurrency 1,8]
// PostgreSQL connection strings come from SAAS_BENCH_CATALOG, SAAS_BENCH_DATA (app role), SAAS_BENCH_DATA_ADMIN
// (owner); bench/run.sh starts a durable throw-away cluster and sets them.
var options = BenchOptions.Parse(args);
await MasterDataBenchmark.RunAsync(options);
