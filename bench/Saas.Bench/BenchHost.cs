using Microsoft.AspNetCore.Builder;
using Saas.Web;

namespace Saas.Bench;

/// <summary>Starts the real application on a fresh data directory for the provider the options name.</summary>
public static class BenchHost
{
    /// <param name="settings">More command-line settings of the app, e.g. its environment.</param>
    public static async Task<WebApplication> StartAsync(BenchOptions options, params string[] settings)
    {
        var directory = Directory.CreateTempSubdirectory("saas-bench-").FullName;
        var args = new List<string>
        {
            $"--Database:Provider={options.Provider}",
            $"--Database:DataDirectory={directory}",
            "--urls=http://127.0.0.1:0",
            "--Logging:LogLevel:Default=Warning",
            "--Demo:Password=Bench-Only-2026!",
        };
        if (options.Provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
        {
            args.Add($"--ConnectionStrings:Catalog={Required("SAAS_BENCH_CATALOG")}");
            args.Add($"--ConnectionStrings:Data={Required("SAAS_BENCH_DATA")}");
            args.Add($"--ConnectionStrings:DataAdmin={Required("SAAS_BENCH_DATA_ADMIN")}");
        }

        args.AddRange(settings);

        // BENCH_APP_ARGS adds settings, e.g. "--Outbox:Enabled=false" to profile a posting without its dispatch.
        args.AddRange((Environment.GetEnvironmentVariable("BENCH_APP_ARGS") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var app = SaasApplication.Build([.. args]);
        await app.StartAsync();
        return app;
    }

    public static double Percentile(IEnumerable<double> values, int percentile)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: run bench/run.sh, which starts PostgreSQL and sets it.");
}
