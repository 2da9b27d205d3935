using Microsoft.Extensions.DependencyInjection;
using Saas.Read.MasterData;
using Saas.Tests.Infrastructure;
using Saas.Tests.Posting;
using Saas.Write.Inventory;
using Xunit.Abstractions;
using static Saas.Tests.Posting.PostingHarness;

namespace Saas.Tests.InventoryRead;

/// <summary>
/// Property over random postings (receipts, sales, adjustments, transfers between two locations, expected-cost
/// receipts, on FIFO and Average items): after every posting the projection holds, per item and location,
/// Σ item ledger quantities and Σ value entry costs; a rebuild from the ledgers gives the same rows; a company
/// with the same item numbers is never touched.
/// </summary>
public abstract class inventory_on_hand_is_the_sum_of_the_item_ledger<TApp>(TApp app, ITestOutputHelper output) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    protected virtual int Steps => 14;

    [Fact]
    public async Task after_every_random_posting_and_after_a_rebuild()
    {
        var seed = Environment.TickCount;
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);

        var company = await NewCompanyAsync(app);
        var other = await NewCompanyAsync(app);
        string[] items = [await company.ItemAsync("INV-F", CostingMethod.FIFO, 3m), await company.ItemAsync("INV-A", CostingMethod.Average, 5m)];
        string[] locations = ["MAIN", await company.LocationAsync("WEST")];
        await other.ItemAsync("INV-F", CostingMethod.FIFO, 3m);
        var otherPosted = await other.PostAsync(PositiveAdjmt("INV-F", 7, 2m, Day1));
        await app.SettleAsync(other.TenantId, otherPosted.ReadPosition!.Value);
        var otherBefore = await InventoryRows.ProjectedAsync(app, other.TenantId);
        Assert.Equal(7m, Assert.Single(otherBefore).Quantity);

        var onHand = new Dictionary<(string Item, string Location), decimal>();
        for (var step = 0; step < Steps; step++)
        {
            var item = items[random.Next(items.Length)];
            var location = locations[random.Next(locations.Length)];
            var date = Day1.AddDays(step);
            var have = onHand.GetValueOrDefault((item, location));
            var quantity = random.Next(1, 9) + random.Next(0, 4) * 0.25m;
            var cost = random.Next(1, 2000) / 100m;
            var line = random.Next(6) switch
            {
                0 when have >= quantity => Sale(item, quantity, date, unitPrice: 30m, location: location),
                1 when have >= quantity => NegativeAdjmt(item, quantity, date, location),
                2 when have >= quantity => Transfer(item, quantity, date, location, locations.Single(l => l != location)),
                3 => Purchase(item, quantity, cost, date, invoice: false, location: location),
                4 => PositiveAdjmt(item, quantity, cost, date, location),
                _ => Purchase(item, quantity, cost, date, location: location),
            };
            output.WriteLine($"step {step}: {line.EntryType} {line.Quantity} {item} at {location}");
            var posted = await company.PostAsync(line);
            onHand[(item, location)] = have + (line.IsInbound ? quantity : -quantity);
            if (line.EntryType == Saas.Write.Inventory.Ledger.ItemLedgerEntryType.Transfer)
            {
                onHand[(item, line.NewLocationCode)] = onHand.GetValueOrDefault((item, line.NewLocationCode)) + quantity;
            }

            await app.SettleAsync(company.TenantId, posted.ReadPosition!.Value);
            var expected = InventoryRows.Expected(await company.LedgersAsync());
            Assert.Equal(expected, await InventoryRows.ProjectedAsync(app, company.TenantId));
        }

        var before = await InventoryRows.ProjectedAsync(app, company.TenantId);
        Assert.Equal(
            onHand.Where(kv => kv.Value != 0).OrderBy(kv => kv.Key).Select(kv => $"{kv.Key.Item}@{kv.Key.Location}={kv.Value:0.#####}"),
            await QuantitiesByNumberAsync(company, before));

        // Damage, then rebuild every tenant from the ledgers: identical rows, the other company untouched.
        await app.InTenantAsync(company.TenantId, sp => sp.GetRequiredService<Saas.Tenancy.Storage.TenantDb>().ReadAsync(s =>
            s.ExecuteAsync("UPDATE item_location_inventory SET quantity = 12345 WHERE tenant_id = @TenantId")));
        await app.Services.GetRequiredService<ReadModelRebuilder>().RebuildAllAsync();
        Assert.Equal(before, await InventoryRows.ProjectedAsync(app, company.TenantId));
        Assert.Equal(otherBefore, await InventoryRows.ProjectedAsync(app, other.TenantId));

        // A posting after the rebuild is added once: its register was not among those the rebuild counted.
        var after = await company.PostAsync(PositiveAdjmt(items[0], 2, 1m, Day1.AddDays(Steps)));
        await app.SettleAsync(company.TenantId, after.ReadPosition!.Value);
        Assert.Equal(InventoryRows.Expected(await company.LedgersAsync()), await InventoryRows.ProjectedAsync(app, company.TenantId));
        Assert.Equal(otherBefore, await InventoryRows.ProjectedAsync(app, other.TenantId));
    }

    [Fact]
    public async Task parallel_postings_of_one_company_add_up()
    {
        // Consumers of one company run at once (several deliveries in flight): their additions to the same rows
        // must neither get lost nor deadlock.
        var company = await NewCompanyAsync(app);
        string[] items = [await company.ItemAsync("PAR-1", CostingMethod.FIFO, 1m), await company.ItemAsync("PAR-2", CostingMethod.Average, 2m)];
        string[] locations = ["MAIN", await company.LocationAsync("SOUTH")];
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(poster => Task.Run(async () =>
        {
            var positions = new List<Guid>();
            for (var i = 0; i < 3; i++)
            {
                // Both items and both locations in every posting, in an order that differs between posters.
                var lines = items.SelectMany(item => locations.Select(location => PositiveAdjmt(item, poster + i + 1, 1.5m, Day1, location)))
                    .OrderBy(l => (l.ItemNo.GetHashCode() ^ poster) + l.LocationCode.Length * i).ToArray();
                positions.Add((await company.PostAsync(lines)).ReadPosition!.Value);
            }

            return positions;
        })));
        foreach (var position in results.SelectMany(p => p))
        {
            await app.SettleAsync(company.TenantId, position);
        }

        var projected = await InventoryRows.ProjectedAsync(app, company.TenantId);
        Assert.Equal(InventoryRows.Expected(await company.LedgersAsync()), projected);
        Assert.All(projected, r => Assert.Equal(Enumerable.Range(0, 8).Sum(p => 3 * p + 6), r.Quantity));
    }

    private static async Task<List<string>> QuantitiesByNumberAsync(PostingHarness company, List<OnHand> rows)
    {
        var numbers = (await company.LedgersAsync()).Items.DistinctBy(e => e.ItemId).ToDictionary(e => e.ItemId, e => e.ItemNo);
        return rows.Where(r => r.Quantity != 0).Select(r => (Item: numbers[r.ItemId], r.LocationCode, r.Quantity))
            .OrderBy(r => (r.Item, r.LocationCode)).Select(r => $"{r.Item}@{r.LocationCode}={r.Quantity:0.#####}").ToList();
    }
}

public sealed class inventory_on_hand_is_the_sum_of_the_item_ledger_on_sqlite(SqliteApp app, ITestOutputHelper output)
    : inventory_on_hand_is_the_sum_of_the_item_ledger<SqliteApp>(app, output);

public sealed class inventory_on_hand_is_the_sum_of_the_item_ledger_on_postgres(PostgresApp app, ITestOutputHelper output)
    : inventory_on_hand_is_the_sum_of_the_item_ledger<PostgresApp>(app, output);

public sealed class inventory_on_hand_is_the_sum_of_the_item_ledger_on_postgres_and_rabbitmq(PostgresRabbitMqApp app, ITestOutputHelper output)
    : inventory_on_hand_is_the_sum_of_the_item_ledger<PostgresRabbitMqApp>(app, output)
{
    protected override int Steps => 8;
}
