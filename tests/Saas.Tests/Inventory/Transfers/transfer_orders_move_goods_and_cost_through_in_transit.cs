using Saas.Tests.Infrastructure;
using Saas.Write.Common;
using Saas.Write.Finance.Posting;
using Saas.Write.Inventory;
using Saas.Write.Inventory.Ledger;
using Saas.Write.Inventory.Transfers;
using static Saas.Tests.Posting.PostingHarness;
using Accounts = Saas.Write.Finance.Setup.DefaultFinanceSetup.Accounts;

namespace Saas.Tests.Inventory.Transfers;

/// <summary>
/// BC's transfer order with an in-transit location: shipping moves goods (and their cost) from the from-location to
/// in-transit, receiving moves them on to the to-location, in parts if need be; the receipt applies to the in-transit
/// entries its shipments created, so the goods arrive at exactly the cost they left with, later cost changes of the
/// original receipt included. Goods in transit sit on their own inventory account.
/// </summary>
public abstract class transfer_orders_move_goods_and_cost_through_in_transit<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PipelineApp
{
    [Fact]
    public async Task shipping_and_receiving_everything_moves_goods_and_value_and_deletes_the_order()
    {
        var company = await NewCompanyAsync(app);
        var steps = new TransferSteps(company);
        var item = await company.ItemAsync("T-FULL", CostingMethod.FIFO);
        var east = await company.LocationAsync("EAST");
        await company.PostAsync(Purchase(item, 10, 10, Day1));
        var order = await steps.OrderAsync("MAIN", east, Day1.AddDays(1), Day1.AddDays(3));
        var line = await steps.LineAsync(order.Id, item, 6);
        Assert.Equal(6, line.QtyToShip); // BC: Qty. to Ship defaults to what is outstanding
        Assert.Equal(0, line.QtyToReceive);

        var shipment = await steps.ShipAsync(order.Id);
        Assert.Equal("TS00001", shipment.DocumentNo);
        line = (await steps.ReloadAsync(line))!;
        Assert.Equal((6m, 0m, 6m, 0m), (line.QuantityShipped, line.QtyToShip, line.QtyToReceive, line.QuantityReceived));
        var ledgers = await company.LedgersAsync();
        var shipped = ledgers.Items.Where(e => e.DocumentNo == "TS00001").ToList();
        Assert.Equal([("MAIN", -6m), (TransferSteps.InTransit, 6m)], shipped.Select(e => (e.LocationCode, e.Quantity)));
        Assert.All(shipped, e => Assert.Equal(ItemLedgerEntryType.Transfer, e.EntryType));
        Assert.Equal(60m, ledgers.CostOf(shipped[1].EntryNo));
        Assert.Equal(60m, ledgers.Balance(Accounts.InventoryInTransit));
        Assert.Equal(40m, ledgers.Balance(Accounts.Inventory));
        ledgers.AssertInvariants();

        var receipt = await steps.ReceiveAsync(order.Id);
        Assert.Equal("TR00001", receipt.DocumentNo);
        Assert.True(receipt.OrderDeleted);
        Assert.Null(await steps.HeaderAsync(order.Id));
        ledgers = await company.LedgersAsync();
        var received = ledgers.Items.Where(e => e.DocumentNo == "TR00001").ToList();
        Assert.Equal([(TransferSteps.InTransit, -6m), (east, 6m)], received.Select(e => (e.LocationCode, e.Quantity)));
        Assert.Equal(shipped[1].EntryNo, received[0].AppliesToEntry);
        Assert.Equal(60m, ledgers.CostOf(received[1].EntryNo));
        Assert.Equal(0m, ledgers.Balance(Accounts.InventoryInTransit));
        Assert.Equal(100m, ledgers.Balance(Accounts.Inventory));
        Assert.Equal(0m, ledgers.Balance(Accounts.InventoryAdjustment)); // a transfer moves value, it creates none
        ledgers.AssertInvariants();

        var documents = await steps.DocumentsAsync();
        Assert.Equal([(TransferDocumentType.Shipment, "TS00001"), (TransferDocumentType.Receipt, "TR00001")], documents.Select(d => (d.DocumentType, d.Number)));
        Assert.All(documents, d => Assert.Equal(order.Number, d.TransferOrderNo));
        Assert.Equal(6m, (await steps.LinesOfAsync(documents[1].Id)).Single().Quantity);
    }

    [Fact]
    public async Task partial_shipments_and_receipts_keep_the_order_until_everything_arrived()
    {
        var company = await NewCompanyAsync(app);
        var steps = new TransferSteps(company);
        var item = await company.ItemAsync("T-PART", CostingMethod.FIFO);
        var east = await company.LocationAsync("EAST");
        await company.PostAsync(Purchase(item, 4, 10, Day1), Purchase(item, 6, 20, Day1));
        var order = await steps.OrderAsync("MAIN", east, Day1.AddDays(1), Day1.AddDays(2));
        var line = await steps.LineAsync(order.Id, item, 10);

        var tooMuch = await Assert.ThrowsAsync<ValidationFailedException>(() => steps.ChangeLineAsync(line, qtyToShip: 11));
        Assert.Contains("outstanding quantity (10)", tooMuch.Errors["qtyToShip"].Single());

        line = await steps.ChangeLineAsync(line, qtyToShip: 4);
        Assert.Equal("TS00001", (await steps.ShipAsync(order.Id)).DocumentNo);
        line = (await steps.ReloadAsync(line))!;
        Assert.Equal((4m, 6m, 4m), (line.QuantityShipped, line.QtyToShip, line.QtyToReceive));
        Assert.Equal("TS00002", (await steps.ShipAsync(order.Id)).DocumentNo);
        line = (await steps.ReloadAsync(line))!;
        Assert.Equal((10m, 0m, 10m), (line.QuantityShipped, line.QtyToShip, line.QtyToReceive));

        // 7 arrive: the 4 of the first shipment (at 10) and 3 of the second (at 20).
        line = await steps.ChangeLineAsync(line, qtyToReceive: 7);
        var first = await steps.ReceiveAsync(order.Id);
        Assert.False(first.OrderDeleted);
        var ledgers = await company.LedgersAsync();
        var arrived = ledgers.Items.Where(e => e.DocumentNo == first.DocumentNo && e.LocationCode == east).ToList();
        Assert.Equal([4m, 3m], arrived.Select(e => e.Quantity));
        Assert.Equal([40m, 60m], arrived.Select(e => ledgers.CostOf(e.EntryNo)));
        Assert.Equal(60m, ledgers.Balance(Accounts.InventoryInTransit));
        Assert.Equal(7m, (await steps.LinesOfAsync(first.DocumentId)).Single().Quantity);

        line = (await steps.ReloadAsync(line))!;
        Assert.Equal((7m, 3m), (line.QuantityReceived, line.QtyToReceive));
        var overReceive = await Assert.ThrowsAsync<ValidationFailedException>(() => steps.ChangeLineAsync(line, qtyToReceive: 4));
        Assert.Contains("shipped and not yet received (3)", overReceive.Errors["qtyToReceive"].Single());
        var shrink = await Assert.ThrowsAsync<ValidationFailedException>(() => steps.ChangeLineAsync(line, quantity: 9));
        Assert.Contains("quantity shipped", shrink.Errors["quantity"].Single());

        var last = await steps.ReceiveAsync(order.Id);
        Assert.Equal("TR00002", last.DocumentNo);
        Assert.True(last.OrderDeleted);
        ledgers = await company.LedgersAsync();
        Assert.Equal(160m, ledgers.Items.Where(e => e.LocationCode == east).Sum(e => ledgers.CostOf(e.EntryNo)));
        Assert.Equal(0m, ledgers.Balance(Accounts.InventoryInTransit));
        ledgers.AssertInvariants();
    }

    [Fact]
    public async Task a_late_charge_while_in_transit_and_after_receipt_follows_the_goods()
    {
        var company = await NewCompanyAsync(app);
        var steps = new TransferSteps(company);
        var item = await company.ItemAsync("T-LATE", CostingMethod.FIFO);
        var east = await company.LocationAsync("EAST");
        var purchase = await company.PostAsync(Purchase(item, 10, 10, Day1, invoice: false));
        var order = await steps.OrderAsync("MAIN", east, Day1.AddDays(1), Day1.AddDays(5));
        await steps.LineAsync(order.Id, item, 10);
        await steps.ShipAsync(order.Id);

        // While the goods are on the road the vendor's invoice comes in dearer, and freight is charged.
        var receiptNo = purchase.ItemLedgerEntries[0].EntryNo;
        await company.PostAsync(new ItemPosting
        {
            Invoices = [new ItemInvoiceLine { ItemLedgerEntryNo = receiptNo, Quantity = 10, UnitCost = 11, PostingDate = Day1.AddDays(2) }],
            Charges = [new ItemChargeLine { ItemLedgerEntryNo = receiptNo, Amount = 20, PostingDate = Day1.AddDays(2) }],
        });
        var ledgers = await company.LedgersAsync();
        Assert.Equal(130m, ledgers.Balance(Accounts.InventoryInTransit));
        ledgers.AssertInvariants();

        var receipt = await steps.ReceiveAsync(order.Id);
        ledgers = await company.LedgersAsync();
        var arrived = ledgers.Items.Single(e => e.DocumentNo == receipt.DocumentNo && e.Positive);
        Assert.Equal(130m, ledgers.CostOf(arrived.EntryNo));
        Assert.Equal(0m, ledgers.Balance(Accounts.InventoryInTransit));

        // And a charge after the receipt still reaches the destination (cost adjustment along the whole chain).
        await company.PostAsync(new ItemPosting
        {
            Charges = [new ItemChargeLine { ItemLedgerEntryNo = receiptNo, Amount = 5, PostingDate = Day1.AddDays(6) }],
        });
        ledgers = await company.LedgersAsync();
        Assert.Equal(135m, ledgers.CostOf(arrived.EntryNo));
        Assert.Equal(135m, ledgers.Balance(Accounts.Inventory));
        Assert.Equal(0m, ledgers.Balance(Accounts.InventoryInTransit));
        ledgers.AssertInvariants();
    }

    [Fact]
    public async Task an_average_cost_item_shipped_and_received_on_one_day_arrives_at_its_average()
    {
        var company = await NewCompanyAsync(app);
        var steps = new TransferSteps(company);
        var item = await company.ItemAsync("T-AVG", CostingMethod.Average);
        var east = await company.LocationAsync("EAST");
        await company.PostAsync(Purchase(item, 10, 10, Day1), Purchase(item, 10, 20, Day1));
        var order = await steps.OrderAsync("MAIN", east, Day1);
        await steps.LineAsync(order.Id, item, 5);
        await steps.ShipAsync(order.Id);
        var receipt = await steps.ReceiveAsync(order.Id);

        var ledgers = await company.LedgersAsync();
        var arrived = ledgers.Items.Single(e => e.DocumentNo == receipt.DocumentNo && e.Positive);
        Assert.Equal(75m, ledgers.CostOf(arrived.EntryNo));
        Assert.Equal(0m, ledgers.Balance(Accounts.InventoryInTransit));
        ledgers.AssertInvariants();
    }

    [Fact]
    public async Task a_failed_shipment_writes_nothing_and_uses_no_number()
    {
        var company = await NewCompanyAsync(app);
        var steps = new TransferSteps(company);
        var item = await company.ItemAsync("T-FAIL", CostingMethod.FIFO);
        var east = await company.LocationAsync("EAST");
        await company.PostAsync(Purchase(item, 5, 10, Day1));
        var order = await steps.OrderAsync("MAIN", east, Day1.AddDays(1));
        var line = await steps.LineAsync(order.Id, item, 8);
        var before = await company.LedgersAsync();

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => steps.ShipAsync(order.Id));
        Assert.Contains("insufficient quantity", error.Errors[$"transferLines[{line.LineNo}].qtyToShip"].Single());
        var after = await company.LedgersAsync();
        Assert.Equal(before.Items.Count, after.Items.Count);
        Assert.Equal(before.GL.Count, after.GL.Count);
        Assert.Empty(await steps.DocumentsAsync());
        Assert.Equal(0m, (await steps.ReloadAsync(line))!.QuantityShipped);

        var nothing = await Assert.ThrowsAsync<ValidationFailedException>(() => steps.ReceiveAsync(order.Id));
        Assert.Contains("nothing to post", nothing.Errors["qtyToReceive"].Single());

        await steps.ChangeLineAsync(line, qtyToShip: 5);
        Assert.Equal("TS00001", (await steps.ShipAsync(order.Id)).DocumentNo); // the failed attempt used no number
        (await company.LedgersAsync()).AssertInvariants();
    }

    [Fact]
    public async Task a_retried_shipment_with_the_same_key_posts_once()
    {
        var company = await NewCompanyAsync(app);
        var steps = new TransferSteps(company);
        var item = await company.ItemAsync("T-IDEM", CostingMethod.FIFO);
        var east = await company.LocationAsync("EAST");
        await company.PostAsync(Purchase(item, 10, 10, Day1));
        var order = await steps.OrderAsync("MAIN", east, Day1.AddDays(1));
        var line = await steps.LineAsync(order.Id, item, 10);
        await steps.ChangeLineAsync(line, qtyToShip: 3);

        var first = await steps.ShipAsync(order.Id, "ship-once");
        var again = await steps.ShipAsync(order.Id, "ship-once");
        Assert.False(first.AlreadyPosted);
        Assert.True(again.AlreadyPosted);
        Assert.Equal(first.DocumentId, again.DocumentId);
        Assert.Single(await steps.DocumentsAsync());
        Assert.Equal(3m, (await steps.ReloadAsync(line))!.QuantityShipped);
        Assert.Equal(2, (await company.LedgersAsync()).Items.Count(e => e.EntryType == ItemLedgerEntryType.Transfer));
    }

    [Fact]
    public async Task bc_rules_for_locations_and_items_are_enforced_with_field_names()
    {
        var company = await NewCompanyAsync(app);
        var steps = new TransferSteps(company);
        var item = await company.ItemAsync("T-RULE", CostingMethod.FIFO);
        var service = await company.ItemAsync("T-SERV", CostingMethod.FIFO, type: ItemType.Service);
        var east = await company.LocationAsync("EAST");

        var same = await Assert.ThrowsAsync<ValidationFailedException>(() => steps.OrderAsync("MAIN", "MAIN", Day1));
        Assert.True(same.Errors.ContainsKey("transferToCode"));
        var transitAsFrom = await Assert.ThrowsAsync<ValidationFailedException>(() => steps.OrderAsync(TransferSteps.InTransit, east, Day1));
        Assert.Contains("in-transit location", transitAsFrom.Errors["transferFromCode"].Single());
        var notTransit = await Assert.ThrowsAsync<ValidationFailedException>(() => steps.OrderAsync("MAIN", east, Day1, inTransit: east));
        Assert.Contains("not an in-transit location", notTransit.Errors["inTransitCode"].Single());
        var early = await Assert.ThrowsAsync<ValidationFailedException>(() => steps.OrderAsync("MAIN", east, Day1, receipt: Day1.AddDays(-1)));
        Assert.True(early.Errors.ContainsKey("receiptDate"));

        var order = await steps.OrderAsync("MAIN", east, Day1);
        var serviceLine = await Assert.ThrowsAsync<ValidationFailedException>(() => steps.LineAsync(order.Id, service, 1));
        Assert.Contains("only Inventory items can be transferred", serviceLine.Errors["itemNumber"].Single());

        // BC: goods reach an in-transit location only through a transfer order.
        var journal = await Assert.ThrowsAsync<ValidationFailedException>(() => company.PostAsync(PositiveAdjmt(item, 1, 10, Day1, location: TransferSteps.InTransit)));
        Assert.Contains("in-transit location", journal.Errors["lines[0].locationCode"].Single());
        var reclass = await Assert.ThrowsAsync<ValidationFailedException>(() => company.PostAsync(Transfer(item, 1, Day1, "MAIN", TransferSteps.InTransit)));
        Assert.True(reclass.Errors.ContainsKey("lines[0].newLocationCode"));
    }
}

public sealed class transfer_orders_move_goods_and_cost_through_in_transit_on_sqlite(SqliteApp app)
    : transfer_orders_move_goods_and_cost_through_in_transit<SqliteApp>(app);

public sealed class transfer_orders_move_goods_and_cost_through_in_transit_on_postgres(PostgresApp app)
    : transfer_orders_move_goods_and_cost_through_in_transit<PostgresApp>(app);
