namespace Saas.Bench;

public sealed record BenchOptions(string Provider, int Commands, int[] Concurrency, string Benchmark, int Postings, int Entries, int Items)
{
    public static BenchOptions Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
        }

        return new BenchOptions(
            Value("--provider", "Sqlite"),
            int.Parse(Value("--commands", "2000")),
            Value("--concurrency", "1,8").Split(',').Select(int.Parse).ToArray(),
            Value("--benchmark", "masterdata").ToLowerInvariant(),
            int.Parse(Value("--postings", "400")),
            int.Parse(Value("--entries", "100000")),
            int.Parse(Value("--items", "4")));
    }
}
