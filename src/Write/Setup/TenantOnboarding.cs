using Microsoft.EntityFrameworkCore;
using Saas.Write.Common;
using Saas.Write.Finance.Setup;

namespace Saas.Write.Setup;

/// <summary>
/// What a new company needs before its first item or customer: the number series BC's demo company starts
/// with, BC's usual units of measure, a default location, and the chart of accounts and posting setup (<see cref="DefaultFinanceSetup"/>). Call inside the new tenant's scope; running it again changes nothing.
/// </summary>
public sealed class TenantOnboarding(
    WriteDbContext db, CreateLocationHandler createLocation, DefaultFinanceSetup finance, Inventory.Journals.ItemJournalBatches journals,
    UnitsOfMeasure units)
{
    public const string DefaultLocationCode = "MAIN";

    /// <summary>Where transferred goods wait between shipment and receipt (BC's demo calls its one "OWN LOG.").</summary>
    public const string InTransitLocationCode = "IN-TRANSIT";

    private static readonly NoSeries[] StandardSeries =
    [
        new() { Code = NoSeries.Items, Description = "Items", StartingNo = "1000", IncrementBy = 1 },
        new() { Code = NoSeries.Customers, Description = "Customers", StartingNo = "C00010", IncrementBy = 10 },
        new() { Code = NoSeries.Vendors, Description = "Vendors", StartingNo = "V00010", IncrementBy = 10 },
        new() { Code = Inventory.Catalog.CatalogItem.NumberSeries, Description = "Catalog items", StartingNo = "NS0001", IncrementBy = 1 },
        new() { Code = Inventory.Transfers.TransferHeader.NumberSeries, Description = "Transfer orders", StartingNo = "TO00001", IncrementBy = 1 },
        new() { Code = Inventory.Transfers.PostedTransferDocument.ShipmentSeries, Description = "Posted transfer shipments", StartingNo = "TS00001", IncrementBy = 1 },
        new() { Code = Inventory.Transfers.PostedTransferDocument.ReceiptSeries, Description = "Posted transfer receipts", StartingNo = "TR00001", IncrementBy = 1 },
    ];

    /// <summary>Returns the read position of the last seeded location's event, or null when nothing was created.</summary>
    public async Task<Guid?> SeedAsync(CancellationToken cancellationToken = default)
    {
        var existing = await db.NoSeries.Select(s => s.Code).ToListAsync(cancellationToken);
        foreach (var series in StandardSeries.Where(s => !existing.Contains(s.Code)))
        {
            db.NoSeries.Add(new NoSeries
            {
                TenantId = db.CurrentTenantId,
                Code = series.Code,
                Description = series.Description,
                StartingNo = series.StartingNo,
                IncrementBy = series.IncrementBy,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        await units.SeedAsync(cancellationToken);
        var main = await EnsureLocationAsync(
            new CreateLocation { Code = DefaultLocationCode, DisplayName = "Main warehouse" }, cancellationToken);
        var inTransit = await EnsureLocationAsync(
            new CreateLocation { Code = InTransitLocationCode, DisplayName = "In transit (own logistics)", UseAsInTransit = true },
            cancellationToken);

        // After the locations, so that their inventory posting setup is seeded with them.
        await finance.SeedAsync(cancellationToken);
        await journals.SeedDefaultsAsync(cancellationToken);
        return inTransit ?? main;
    }

    /// <summary>Creates the location unless it exists; returns its event's read position, or null when nothing was created.</summary>
    private async Task<Guid?> EnsureLocationAsync(CreateLocation location, CancellationToken cancellationToken)
    {
        if (await db.Locations.AnyAsync(l => l.Code == location.Code, cancellationToken))
        {
            return null;
        }

        try
        {
            return (await createLocation.HandleAsync(location, cancellationToken)).ReadPosition;
        }
        catch (ConflictException)
        {
            return null; // seeded concurrently by another call: the location is there, which is all that matters
        }
    }
}
