using Saas.Tests.Infrastructure;
using Saas.Write.Finance.Setup;
using Saas.Write.Inventory;
using static Saas.Tests.Posting.PostingHarness;

namespace Saas.Tests.Posting;

/// <summary>
/// BC's average cost period: every outbound entry of a period is valued at the average of what was on hand at
/// the start of the period plus what came in during it. 1 @ 20 and 1 @ 40 on day 1, a sale on day 1, 1 @ 100 on
/// day 2, a sale on day 3. By day: 30, then (30 + 100) / 2 = 65. By month: all three purchases average 53.33…,
/// and the rounding of the second sale takes the cent (53.33 + 53.34 = 106.67).
/// </summary>
public abstract class average_cost_depends_on_the_average_cost_period<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    [Theory]
    [InlineData(AverageCostPeriod.Day, 30, 65)]
    [InlineData(AverageCostPeriod.Month, 53.33, 53.34)]
    public async Task sales_are_valued_at_the_average_of_their_period(AverageCostPeriod period, decimal firstSale, decimal secondSale)
    {
        var company = await NewCompanyAsync(app, s => s.AverageCostPeriod = period);
        var item = await company.ItemAsync("AVG", CostingMethod.Average);
        var day1 = new DateOnly(2027, 3, 1);
        await company.PostAsync(Purchase(item, 1, 20, day1), Purchase(item, 1, 40, day1));
        var first = await company.PostAsync(Sale(item, 1, day1));
        await company.PostAsync(Purchase(item, 1, 100, day1.AddDays(1)));
        var second = await company.PostAsync(Sale(item, 1, day1.AddDays(2)));

        var ledgers = await company.LedgersAsync();
        Assert.Equal(-firstSale, ledgers.CostOf(first.ItemLedgerEntries[0].EntryNo));
        Assert.Equal(-secondSale, ledgers.CostOf(second.ItemLedgerEntries[0].EntryNo));
        Assert.Equal(160 - firstSale - secondSale, ledgers.ValueOf(item));
        ledgers.AssertInvariants();
    }
}

public sealed class average_cost_depends_on_the_average_cost_period_on_sqlite(SqliteApp app)
    : average_cost_depends_on_the_average_cost_period<SqliteApp>(app);

public sealed class average_cost_depends_on_the_average_cost_period_on_postgres(PostgresApp app)
    : average_cost_depends_on_the_average_cost_period<PostgresApp>(app);
