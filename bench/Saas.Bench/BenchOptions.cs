namespace Saas.Bench;

public sealed record BenchOptions(string Provider, int Commands, int[] Concurrency, string Benchmark, int Postings, int Entries, int Items)
{
    /// <summary>The posting benchmark's runs: "8" is 8 companies with one worker each, "1x8" one company with 8 workers.</summary>
    public IReadOnlyList<(int Tenants, int Workers)> TenantsAndWorkers { get; init; } = [];

    /// <summary>How the posting benchmark posts: "inprocess" (the journal handler), "http" (the API), or both.</summary>
    public IReadOnlyList<string> Via { get; init; } = ["inprocess"];

    /// <summary>The page benchmark's transfer order: how many lines it has.</summary>
    public int Lines { get; init; } = 50;

    /// <summary>The page benchmark's GETs per page (after a warm-up).</summary>
    public int Requests { get; init; } = 200;

    /// <summary>The page benchmark's line edits in the browser (after a warm-up).</summary>
    public int Edits { get; init; } = 100;

    public static BenchOptions Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
        }

        var runs = Value("--concurrency", "1,8").Split(',')
            .Select(run => run.Split('x') is [var tenants, var workers] ? (int.Parse(tenants), int.Parse(workers)) : (int.Parse(run), 1))
            .ToList();
        return new BenchOptions(
            Value("--provider", "Sqlite"),
            int.Parse(Value("--commands", "2000")),
            runs.Select(r => r.Item1).ToArray(),
            Value("--benchmark", "masterdata").ToLowerInvariant(),
            int.Parse(Value("--postings", "400")),
            int.Parse(Value("--entries", "100000")),
            int.Parse(Value("--items", "4")))
        {
            TenantsAndWorkers = runs,
            Via = Value("--via", "inprocess").Split(',').Select(v => v.Trim().ToLowerInvariant()).ToList(),
            Lines = int.Parse(Value("--lines", "50")),
            Requests = int.Parse(Value("--requests", "200")),
            Edits = int.Parse(Value("--edits", "100")),
        };
    }
}
