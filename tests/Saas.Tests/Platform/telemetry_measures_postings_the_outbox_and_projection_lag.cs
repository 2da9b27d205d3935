using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Saas.Identity;
using Saas.Read.Messaging;
using Saas.Tenancy.Storage;
using Saas.Tests.Hosting;
using Saas.Tests.Infrastructure;
using Saas.Write.Inventory;
using Saas.Write.Telemetry;
using static Saas.Tests.ItemJournals.JournalClient;
using static Saas.Tests.Posting.PostingHarness;

namespace Saas.Tests.Platform;

/// <summary>The pipeline on SQLite with the dispatcher off, so the test decides when the outbox empties.</summary>
public sealed class SqliteManualDispatchApp : PipelineApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    public override bool RunDispatcher => false;
}

/// <summary>
/// OpenTelemetry (issue 9): posting duration, outbox depth and age, projection lag per consumer are measured; the OTLP
/// exporter (and the SDK with it) is on only when an endpoint is configured.
/// </summary>
public sealed class telemetry_measures_postings_the_outbox_and_projection_lag(SqliteManualDispatchApp app)
    : IClassFixture<SqliteManualDispatchApp>, IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentBag<(string Instrument, double Value, Dictionary<string, object?> Tags)> measured = [];

    private void Listen()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name is WriteMetrics.MeterName or ProjectionMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
            measured.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.Start();
    }

    [Fact]
    public async Task a_posting_records_its_duration_and_its_projection_records_the_lag_of_its_consumer()
    {
        Listen();
        var company = await NewCompanyAsync(app);
        var item = await company.ItemAsync("METRIC", CostingMethod.FIFO);
        using var journal = For(app, company.TenantId, SaasPolicies.ItemsWrite);

        await CreatedAsync(await journal.Http.PostAsync(journal.Url("itemJournals/Microsoft.NAV.post"), Api.Json($$"""
            { "template": "Item", "lines": [
                { "entryType": "Positive Adjmt.", "itemNumber": "{{item}}", "locationCode": "MAIN", "postingDate": "2027-01-04", "quantity": 1, "unitCost": 1 } ] }
            """)));
        await app.DispatchAllAsync();

        Assert.Contains(measured, m => m.Instrument == WriteMetrics.PostingDuration && (string?)m.Tags["kind"] == "post"
            && (string?)m.Tags["outcome"] == "posted" && m.Value >= 0);
        await WaitForAsync(() => measured.Any(m => m.Instrument == ProjectionMetrics.ProjectionLag && m.Tags["consumer"] is string { Length: > 0 }));
    }

    [Fact]
    public async Task the_outbox_depth_and_age_count_unpublished_events_until_they_are_dispatched()
    {
        var gauges = app.Services.GetRequiredService<OutboxGauges>();
        await app.DispatchAllAsync();
        var empty = await gauges.MeasureAsync(CancellationToken.None);
        Assert.Equal(0, empty.Depth);
        Assert.Equal(0, empty.OldestAgeSeconds);

        var company = await NewCompanyAsync(app);
        await company.ItemAsync("GAUGE", CostingMethod.FIFO);
        var waiting = await gauges.MeasureAsync(CancellationToken.None);
        Assert.True(waiting.Depth >= 1, $"depth {waiting.Depth}");
        Assert.True(waiting.OldestAgeSeconds >= 0);

        await app.DispatchAllAsync();
        Assert.Equal(0, (await gauges.MeasureAsync(CancellationToken.None)).Depth);
    }

    [Fact]
    public async Task nothing_is_exported_unless_an_otlp_endpoint_is_configured()
    {
        await using var quiet = new SaasFactory();
        Assert.Null(quiet.Services.GetService<TracerProvider>());
        Assert.Null(quiet.Services.GetService<MeterProvider>());

        await using var exporting = new SaasFactory();
        exporting.Settings["OpenTelemetry:Otlp:Endpoint"] = "http://127.0.0.1:4317";
        Assert.NotNull(exporting.Services.GetService<TracerProvider>());
        Assert.NotNull(exporting.Services.GetService<MeterProvider>());
    }

    private static async Task WaitForAsync(Func<bool> reached)
    {
        for (var waited = 0; !reached(); waited++)
        {
            Assert.True(waited < 300, "not measured within 30 s");
            await Task.Delay(100);
        }
    }

    public void Dispose() => listener.Dispose();
}
