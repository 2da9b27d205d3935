using Saas.Tests.Infrastructure;
using Saas.Tests.Inventory.Transfers;
using Saas.Write.Common;
using Saas.Write.Inventory;
using static Saas.Tests.Posting.PostingHarness;

namespace Saas.Tests.Bugs;

/// <summary>
/// Issue 10: shipping more than is on hand was refused with the quantities as the database returned them
/// ("5.0 available, 20.0 needed" on SQLite). The refusal names the line's Qty. to Ship and writes quantities as
/// people do; the card shows it next to that field (UI test: the_defects_of_issue_10_are_fixed_in_the_browser).
/// </summary>
public abstract class Bug_insufficient_stock_on_a_transfer_line_reads_5_0_of_20_0<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    [Fact]
    public async Task the_refusal_names_qty_to_ship_with_plain_quantities()
    {
        var company = await NewCompanyAsync(app);
        var steps = new TransferSteps(company);
        var item = await company.ItemAsync("T-SHORT", CostingMethod.FIFO);
        var east = await company.LocationAsync("EAST");
        await company.PostAsync(Purchase(item, 5, 10, Day1));
        var order = await steps.OrderAsync("MAIN", east, Day1.AddDays(1));
        var line = await steps.LineAsync(order.Id, item, 20);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => steps.ShipAsync(order.Id));

        var message = Assert.Single(refused.Errors[$"transferLines[{line.LineNo}].qtyToShip"]);
        Assert.EndsWith("5 available, 20 needed.", message);
        Assert.DoesNotContain($"transferLines[{line.LineNo}].quantity", refused.Errors.Keys);
    }
}

public sealed class Bug_insufficient_stock_on_a_transfer_line_reads_5_0_of_20_0_on_sqlite(SqliteApp app)
    : Bug_insufficient_stock_on_a_transfer_line_reads_5_0_of_20_0<SqliteApp>(app);

public sealed class Bug_insufficient_stock_on_a_transfer_line_reads_5_0_of_20_0_on_postgres(PostgresApp app)
    : Bug_insufficient_stock_on_a_transfer_line_reads_5_0_of_20_0<PostgresApp>(app);
