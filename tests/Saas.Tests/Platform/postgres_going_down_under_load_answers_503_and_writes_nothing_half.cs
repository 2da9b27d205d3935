using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Npgsql;
using Saas.Identity;
using Saas.Tenancy.Storage;
using Saas.Tests.Infrastructure;
using Saas.Web.Hosting;
using Saas.Write.Inventory;
using static Saas.Tests.ItemJournals.JournalClient;
using static Saas.Tests.Posting.PostingHarness;

namespace Saas.Tests.Platform;

/// <summary>The application on PostgreSQL, connected through a <see cref="DatabaseSwitch"/> the test can cut.</summary>
public sealed class PostgresBehindASwitchApp : PipelineApp
{
    public DatabaseSwitch? Switch { get; private set; }

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override string Through(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (Switch is null)
        {
            Switch = new DatabaseSwitch(builder.Host!, builder.Port);
            Switch.Start();
        }

        builder.Host = "127.0.0.1";
        builder.Port = Switch.Port;
        builder.Timeout = 3; // connect timeout: a request during the outage fails fast instead of queueing
        return builder.ConnectionString;
    }

    public override async ValueTask DisposeAsync()
    {
        Switch?.Restore();
        await base.DisposeAsync();
        if (Switch is not null)
        {
            await Switch.DisposeAsync();
        }
    }
}

/// <summary>
/// Issue 9: with PostgreSQL down for 10 s under load, clients got 159 generic 500s. Postings running while the
/// database goes away are answered 503 with Retry-After and a problem type that says a retry is safe; retried with
/// the same idempotency key after the database is back, each is posted exactly once, and the ledgers hold nothing
/// half-written.
/// </summary>
public sealed class postgres_going_down_under_load_answers_503_and_writes_nothing_half(PostgresBehindASwitchApp app)
    : IClassFixture<PostgresBehindASwitchApp>
{
    private const int Workers = 4;

    [Fact]
    public async Task retries_with_the_same_key_post_each_journal_once()
    {
        var company = await NewCompanyAsync(app);
        var item = await company.ItemAsync("OUTAGE", CostingMethod.FIFO);
        using var journal = For(app, company.TenantId, SaasPolicies.ItemsWrite);
        var url = journal.Url("itemJournals/Microsoft.NAV.post");
        string Body(string key) => $$"""
            { "template": "Item", "idempotencyKey": "{{key}}", "lines": [
                { "entryType": "Positive Adjmt.", "itemNumber": "{{item}}", "locationCode": "MAIN", "postingDate": "2027-01-04", "quantity": 2, "unitCost": 3 },
                { "entryType": "Negative Adjmt.", "itemNumber": "{{item}}", "locationCode": "MAIN", "postingDate": "2027-01-04", "quantity": 1 } ] }
            """;

        var answers = new ConcurrentBag<(string Key, HttpStatusCode Status, string Body, string? RetryAfter)>();
        var sent = 0;
        using var load = new CancellationTokenSource();
        var workers = Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
        {
            while (!load.IsCancellationRequested)
            {
                var key = $"W{worker}-{Interlocked.Increment(ref sent)}";
                var response = await journal.Http.PostAsync(url, Api.Json(Body(key)));
                answers.Add((key, response.StatusCode, await response.Content.ReadAsStringAsync(),
                    response.Headers.TryGetValues("Retry-After", out var retry) ? retry.Single() : null));
            }
        })).ToList();

        // Load runs until some postings went through, then the database goes away mid-load, then comes back.
        await WaitUntilAsync(() => answers.Count(a => a.Status == HttpStatusCode.Created) >= 8);
        app.Switch!.Cut();
        await WaitUntilAsync(() => answers.Count(a => a.Status == HttpStatusCode.ServiceUnavailable) >= 8);
        app.Switch.Restore();
        await WaitUntilAsync(() => answers.Count(a => a.Status == HttpStatusCode.ServiceUnavailable) >= 8
            && answers.Count(a => a.Status == HttpStatusCode.Created) >= 16);
        await load.CancelAsync();
        await Task.WhenAll(workers);

        // Only successes and "unavailable, retry is safe": never a generic 500.
        var unexpected = answers.Where(a => a.Status is not (HttpStatusCode.Created or HttpStatusCode.ServiceUnavailable)).ToList();
        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected.Take(5).Select(a => $"{a.Key}: {(int)a.Status} {a.Body}")));
        foreach (var refused in answers.Where(a => a.Status == HttpStatusCode.ServiceUnavailable))
        {
            var problem = JsonDocument.Parse(refused.Body).RootElement;
            Assert.Equal(DatabaseUnavailable.ProblemType, problem.GetProperty("type").GetString());
            Assert.Equal(503, problem.GetProperty("status").GetInt32());
            Assert.Equal(DatabaseUnavailable.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), refused.RetryAfter);
        }

        // The client does what the problem says: the same request with the same key again.
        foreach (var refused in answers.Where(a => a.Status == HttpStatusCode.ServiceUnavailable))
        {
            var again = await journal.Http.PostAsync(url, Api.Json(Body(refused.Key)));
            Assert.True(again.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{(int)again.StatusCode} {await again.Content.ReadAsStringAsync()}");
        }

        // Every key is posted exactly once, each posting whole: two item entries, quantity +1, balanced G/L.
        var keys = answers.Select(a => a.Key).Distinct().Count();
        var ledgers = await company.LedgersAsync();
        Assert.Equal(keys, ledgers.Registers.Count);
        Assert.Equal(2 * keys, ledgers.Items.Count);
        Assert.Equal((decimal)keys, ledgers.QuantityOf(item));
        Assert.Empty(ledgers.BrokenInvariants());
    }

    /// <summary>Waits for progress of the load, however slow the machine; the bound only catches a stuck run.</summary>
    private static async Task WaitUntilAsync(Func<bool> reached)
    {
        for (var waited = 0; !reached(); waited++)
        {
            Assert.True(waited < 1200, "The load made no progress in 120 s.");
            await Task.Delay(100);
        }
    }
}
