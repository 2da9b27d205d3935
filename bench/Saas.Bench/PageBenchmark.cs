using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Saas.Read.Common;
using Saas.Tenancy.Context;
using Saas.Web.Startup;
using Saas.Write;
using Saas.Write.Finance.Posting;
using Saas.Write.Inventory;
using Saas.Write.Inventory.Ledger;
using Saas.Write.Inventory.Transfers;
using Saas.Write.Setup;

namespace Saas.Bench;

/// <summary>
/// Page timings of issue 10 on the document page that exists, the transfer order card: (1) server render — a
/// signed-in person's GET of the card of a transfer order with <c>--lines</c> lines (and of the list of transfer
/// orders, for comparison), timed to the last byte of the body; (2) the interactive round trip of a line edit in real
/// Chromium — a quantity typed into a line until the totals show it, and a line selected until the Item Availability
/// FactBox shows its item — timed inside the page (performance.now() and a MutationObserver), so that Playwright's
/// own protocol round trips are not counted. The order is seeded through the real handlers and posting engine in the
/// demo company Contoso: items with stock at MAIN (the FactBox has something to show), a second location, the order
/// and its lines, all projected before the first request.
/// </summary>
public static class PageBenchmark
{
    private const string Person = "anna@contoso.example";
    private const string Password = "Bench-Only-2026!"; // BenchHost's demo password: a throw-away data directory
    private const int Items = 10;

    public static async Task RunAsync(BenchOptions options)
    {
        // As the UI tests host it (WebApplicationFactory): Development, so that over plain HTTP on loopback the cookies
        // need not be Secure-only, and the web project's application name, so that a build (not a publish) serves
        // Blazor's script and the stylesheet through Saas.Web's static web assets manifest (read in Development only).
        // Logging stays at Warning (BenchHost), so nothing chatty is timed.
        var app = await BenchHost.StartAsync(options, "--environment=Development", "--applicationName=Saas.Web");
        using var server = new ServerSideTimes();
        var chromium = Environment.GetEnvironmentVariable("SAAS_TEST_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        try
        {
            var baseAddress = new Uri(app.Urls.First());
            var contoso = DemoData.Companies.Single(c => c.Identifier == "contoso").Id;
            var order = await SeedOrderAsync(app.Services, contoso, options.Lines);

            var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = baseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            });
            context.SetDefaultTimeout(30_000);
            var page = await context.NewPageAsync();
            await SignInAsync(page);

            Console.WriteLine($"# Page timings on {options.Provider}: a transfer order of {options.Lines} lines ({Environment.ProcessorCount} cores)");
            using var http = await SignedInClientAsync(context, baseAddress);
            Console.WriteLine();
            Console.WriteLine("## Server render (GET, signed in, to the last byte of the body)");
            Console.WriteLine("| page | requests | KB | p50 ms | p95 ms | p99 ms | max ms | server p50 ms | server p99 ms | process CPU ms per request |");
            Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
            var card = $"/transferOrders/{order}";
            foreach (var (label, path) in new[] { ($"transfer order card, {options.Lines} lines", card), ("transfer order list", "/transferOrders") })
            {
                Console.WriteLine(await ServerRenderAsync(http, server, label, path, options.Requests, options.Lines));
            }

            Console.WriteLine();
            Console.WriteLine("## Interactive round trip in Chromium (event in the page → the server's update in the DOM)");
            Console.WriteLine("| edit | edits | p50 ms | p95 ms | p99 ms | max ms | event handler p50 ms | render batch → browser ack p50 ms |");
            Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
            foreach (var row in await InteractiveAsync(page, server, card, options.Lines, options.Edits))
            {
                Console.WriteLine(row);
            }

            await context.CloseAsync();
        }
        finally
        {
            await browser.CloseAsync();
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>
    /// Items with stock at MAIN, a second location, and a transfer order from MAIN with <paramref name="lines"/> lines
    /// cycling over the items (so neighbouring lines show different items in the FactBox). Returns the order's id once
    /// everything the card and its FactBox read has been projected.
    /// </summary>
    private static async Task<Guid> SeedOrderAsync(IServiceProvider services, Guid company, int lines)
    {
        await using var scope = await services.GetRequiredService<TenantScopes>().BeginScope(company);
        var created = new List<string>();
        for (var i = 1; i <= Items; i++)
        {
            var item = await scope.Services.GetRequiredService<CreateItemHandler>()
                .HandleAsync(new CreateItem { DisplayName = $"Bench bicycle {i}", UnitCost = 100 + i, UnitPrice = 150 + i });
            created.Add(item.Snapshot.Number);
        }

        await scope.Services.GetRequiredService<ItemPostingEngine>().PostAsync(new ItemPosting
        {
            Lines = created.Select((number, i) => new ItemPostingLine
            {
                EntryType = ItemLedgerEntryType.PositiveAdjmt, ItemNo = number, LocationCode = "MAIN", Quantity = 100 + 10 * i, UnitCost = 100,
                PostingDate = DateOnly.FromDateTime(DateTime.UtcNow),
            }).ToList(),
        });
        await scope.Services.GetRequiredService<CreateLocationHandler>().HandleAsync(new CreateLocation { Code = "STORE", DisplayName = "City store" });
        var orders = scope.Services.GetRequiredService<TransferOrders>();
        var order = await orders.CreateAsync(new CreateTransferOrder
        {
            TransferFromCode = "MAIN", TransferToCode = "STORE", InTransitCode = TenantOnboarding.InTransitLocationCode,
        });
        for (var i = 0; i < lines; i++)
        {
            await orders.SaveLineAsync(new SaveTransferLine { TransferOrderId = order.Id, ItemNumber = created[i % Items], Quantity = 1 + i % 5 });
        }

        // The card reads the order from the write tables, the FactBox items and inventory from the read side: every
        // event the company has written (demo seed included) is projected before anything is timed.
        var positions = await scope.Services.GetRequiredService<WriteDbContext>().Outbox.Select(m => m.MessageId).ToListAsync();
        var read = scope.Services.GetRequiredService<ReadPositions>();
        foreach (var position in positions)
        {
            if (!await read.WaitAsync(position, TimeSpan.FromSeconds(120)))
            {
                throw new TimeoutException($"Event {position} was not projected within 120 s.");
            }
        }

        return order.Id;
    }

    private static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-mail").FillAsync(Person);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }

    /// <summary>The browser's session cookie in a plain HTTP client: the same sign-in, without a browser per request.</summary>
    private static async Task<HttpClient> SignedInClientAsync(IBrowserContext context, Uri baseAddress)
    {
        var cookies = new CookieContainer();
        foreach (var cookie in await context.CookiesAsync())
        {
            cookies.Add(baseAddress, new System.Net.Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        }

        return new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
    }

    private static async Task<string> ServerRenderAsync(HttpClient http, ServerSideTimes server, string label, string path, int requests, int lines)
    {
        var body = await GetAsync(http, path);
        if (path.Contains("transferOrders/", StringComparison.Ordinal) && CountOf(body, "data-testid=\"transfer-line-") != lines)
        {
            throw new InvalidOperationException($"{path} did not render its {lines} lines; is the person signed in to Contoso?");
        }

        // Warm-up: JIT, EF/Dapper caches, connection pools, the component tree's first render.
        for (var i = 0; i < Math.Max(50, requests / 4); i++)
        {
            await GetAsync(http, path);
        }

        var idlePerMs = await IdleCpuPerMsAsync();
        server.Clear();
        var times = new List<double>();
        var cpu = CpuMilliseconds();
        var phase = Stopwatch.StartNew();
        for (var i = 0; i < requests; i++)
        {
            var clock = Stopwatch.StartNew();
            await GetAsync(http, path);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        cpu = CpuMilliseconds() - cpu - idlePerMs * phase.Elapsed.TotalMilliseconds;
        var onServer = server.Take("http.server.request.duration");
        return $"| {label} | {requests} | {body.Length / 1024.0:F0} | {Row(times)} | {Ms(onServer, 50)} | {Ms(onServer, 99)} | {cpu / requests:F1} |";
    }

    private static async Task<string> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode} {response.Headers.Location}");
        }

        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>
    /// Quantity typed: one input event on a line's Quantity (what a keystroke sends) until the Total quantity cell
    /// changes — the server's handler, its render of the grid and the diff applied by Blazor's script. Line selected:
    /// focus moves into another line (focusin) until the FactBox names that line's item — that also reads the item and
    /// its inventory by location from the read side.
    /// </summary>
    private static async Task<List<string>> InteractiveAsync(IPage page, ServerSideTimes server, string card, int lines, int edits)
    {
        await page.GotoAsync(card);

        // The line actions are enabled once the island is interactive (its circuit is up).
        await page.WaitForFunctionAsync("() => { const b = document.querySelector('[data-line-action=new]'); return b && !b.disabled; }");
        var items = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('tbody tr[data-testid^=transfer-line-]')].map(r => r.cells[0].innerText.trim())");

        var typed = new List<double>();
        var selected = new List<double>();
        var handler = new List<double>();
        var render = new List<double>();
        var selectHandler = new List<double>();
        var selectRender = new List<double>();
        var warmUp = Math.Max(20, edits / 5);
        for (var i = -warmUp; i < edits; i++)
        {
            // Quantity typed: lines spread over the grid, a value no line has had yet so that the total must change.
            var line = (i + warmUp) * 7 % lines;
            server.Clear();
            var ms = await page.EvaluateAsync<double>(TypeQuantityScript, new { label = $"Quantity, line {(line + 1) * 10000}", value = $"{1000 + i + warmUp}" });
            await Settled(page);
            if (i >= 0)
            {
                typed.Add(ms);
                handler.AddRange(server.Take("aspnetcore.components.handle_event.duration"));
                render.AddRange(server.Take("aspnetcore.components.render_diff.duration"));
            }

            // Line selected: the next line (a different item), so the FactBox must change.
            var next = (line + 1) % lines;
            server.Clear();
            ms = await page.EvaluateAsync<double>(SelectLineScript, new { label = $"Qty. to Ship, line {(next + 1) * 10000}", item = items[next] });
            await Settled(page);
            if (i >= 0)
            {
                selected.Add(ms);
                selectHandler.AddRange(server.Take("aspnetcore.components.handle_event.duration"));
                selectRender.AddRange(server.Take("aspnetcore.components.render_diff.duration"));
            }
        }

        return
        [
            $"| quantity typed → totals updated | {edits} | {Row(typed)} | {Ms(handler, 50)} | {Ms(render, 50)} |",
            $"| line selected → Item Availability FactBox shows its item | {edits} | {Row(selected)} | {Ms(selectHandler, 50)} | {Ms(selectRender, 50)} |",
        ];
    }

    /// <summary>Lets the circuit finish what the last event started (after-render work, the browser's acknowledgement).</summary>
    private static Task Settled(IPage page) => page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)))");

    private const string TypeQuantityScript =
        """
        ({ label, value }) => new Promise((resolve, reject) => {
            const input = document.querySelector(`input[aria-label="${label}"]`);
            const total = document.querySelector('[data-testid=total-quantity]');
            if (!input || !total) { reject(new Error(`no ${label} or total`)); return; }
            const before = total.textContent;
            let start = 0;
            const watch = new MutationObserver(() => {
                if (total.textContent !== before) { watch.disconnect(); clearTimeout(timer); resolve(performance.now() - start); }
            });
            watch.observe(total, { childList: true, characterData: true, subtree: true });
            const timer = setTimeout(() => { watch.disconnect(); reject(new Error(`the total did not change within 10 s after ${label} = ${value}`)); }, 10000);
            start = performance.now();
            input.value = value;
            input.dispatchEvent(new Event('input', { bubbles: true }));
        })
        """;

    private const string SelectLineScript =
        """
        ({ label, item }) => new Promise((resolve, reject) => {
            const input = document.querySelector(`input[aria-label="${label}"]`);
            const box = document.querySelector('[data-testid=item-availability]');
            if (!input || !box) { reject(new Error(`no ${label} or FactBox`)); return; }
            const shows = () => box.querySelector('dd a')?.textContent.trim() === item;
            let start = 0;
            const watch = new MutationObserver(() => {
                if (shows()) { watch.disconnect(); clearTimeout(timer); resolve(performance.now() - start); }
            });
            watch.observe(box, { childList: true, characterData: true, subtree: true });
            const timer = setTimeout(() => { watch.disconnect(); reject(new Error(`the FactBox did not show ${item} within 10 s after ${label}`)); }, 10000);
            start = performance.now();
            input.focus();
        })
        """;

    /// <summary>
    /// CPU time of this process (the app and the benchmark's own HTTP client, which is small beside it): what one request
    /// costs the server, however busy the shared machine is. (Per line edit it is below what the background work of the
    /// process varies by, so it is not reported.)
    /// </summary>
    /// <summary>
    /// What the process spends meanwhile on other things (the outbox dispatcher's poll, timers, and for a while after
    /// the warm-up the JIT recompiling hot methods in the background), per millisecond, measured just before a timed
    /// phase so that it can be taken off that phase's CPU time.
    /// </summary>
    private static async Task<double> IdleCpuPerMsAsync()
    {
        var cpu = CpuMilliseconds();
        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(2));
        return (CpuMilliseconds() - cpu) / clock.Elapsed.TotalMilliseconds;
    }

    private static double CpuMilliseconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;

    private static string Row(IReadOnlyCollection<double> times) =>
        $"{BenchHost.Percentile(times, 50):F1} | {BenchHost.Percentile(times, 95):F1} | {BenchHost.Percentile(times, 99):F1} | {times.Max():F1}";

    private static string Ms(IReadOnlyCollection<double> times, int percentile) =>
        times.Count == 0 ? "–" : $"{BenchHost.Percentile(times, percentile):F2}";

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>
    /// What the server itself measured, from the framework's own meters in this process: ASP.NET Core's request
    /// duration and Blazor's event-handler and render-batch durations (seconds, kept here in ms). On a circuit a
    /// render batch counts until the browser acknowledges it, so it is the round trip seen from the server, not the
    /// render alone.
    /// </summary>
    private sealed class ServerSideTimes : IDisposable
    {
        private static readonly string[] Instruments =
        [
            "http.server.request.duration", "aspnetcore.components.handle_event.duration", "aspnetcore.components.render_diff.duration",
        ];

        private readonly MeterListener listener = new();
        private readonly ConcurrentDictionary<string, ConcurrentQueue<double>> recorded = new();

        public ServerSideTimes()
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (Instruments.Contains(instrument.Name))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<double>((instrument, seconds, _, _) =>
                recorded.GetOrAdd(instrument.Name, _ => new()).Enqueue(seconds * 1000));
            listener.Start();
        }

        public void Clear() => recorded.Clear();

        public List<double> Take(string instrument) => recorded.TryRemove(instrument, out var values) ? [.. values] : [];

        public void Dispose() => listener.Dispose();
    }
}
