using Microsoft.EntityFrameworkCore;
using Saas.Write.Common;
using static Saas.Write.Inventory.Transfers.TransferLocations;
using Saas.Write.Setup;

namespace Saas.Write.Inventory.Transfers;

/// <summary>Create a transfer order; its number comes from the TORD series. Dates default to today.</summary>
public sealed record CreateTransferOrder
{
    public string? TransferFromCode { get; init; }
    public string? TransferToCode { get; init; }
    public string? InTransitCode { get; init; }
    public DateOnly? ShipmentDate { get; init; }
    public DateOnly? ReceiptDate { get; init; }
}

/// <summary>Change a transfer order's header (PATCH semantics: null = unchanged).</summary>
public sealed record UpdateTransferOrder
{
    public required Guid Id { get; init; }
    public long? ExpectedVersion { get; init; }
    public string? TransferFromCode { get; init; }
    public string? TransferToCode { get; init; }
    public string? InTransitCode { get; init; }
    public DateOnly? ShipmentDate { get; init; }
    public DateOnly? ReceiptDate { get; init; }
}

/// <summary>Add or change a line (PATCH semantics for a change: null = unchanged).</summary>
public sealed record SaveTransferLine
{
    public required Guid TransferOrderId { get; init; }

    /// <summary>Null adds a line.</summary>
    public Guid? LineId { get; init; }

    public long? ExpectedVersion { get; init; }
    public string? ItemNumber { get; init; }
    public string? Description { get; init; }
    public decimal? Quantity { get; init; }
    public decimal? QtyToShip { get; init; }
    public decimal? QtyToReceive { get; init; }

    /// <summary>A new line goes before the line with this number (BC's Insert Line); null adds it at the end.</summary>
    public int? InsertBeforeLineNo { get; init; }
}

/// <summary>Transfer order header and line commands. Posting is <see cref="TransferPosting"/>.</summary>
public sealed class TransferOrders(WriteDbContext db, NumberSeries numbers, TimeProvider clock)
{
    public Task<TransferHeader> CreateAsync(CreateTransferOrder command, CancellationToken cancellationToken = default) =>
        SaveErrors.RetryOnConcurrencyAsync(db, async () =>
        {
            db.ChangeTracker.Clear();
            var now = clock.GetUtcNow().UtcDateTime;
            var today = DateOnly.FromDateTime(now);
            var header = new TransferHeader
            {
                TenantId = db.CurrentTenantId,
                Id = Guid.CreateVersion7(now),
                TransferFromCode = Codes.Normalize(command.TransferFromCode),
                TransferToCode = Codes.Normalize(command.TransferToCode),
                InTransitCode = Codes.Normalize(command.InTransitCode),
                ShipmentDate = command.ShipmentDate ?? today,
                ReceiptDate = command.ReceiptDate ?? command.ShipmentDate ?? today,
                LastModifiedUtc = now,
                Version = 1,
            };
            if (command.InTransitCode is null && await DefaultInTransitAsync(cancellationToken) is { } transit)
            {
                header.InTransitCode = transit;
            }

            var v = new Validation();
            await TransferLocations.CheckAsync(db, header, v, cancellationToken);
            v.ThrowIfInvalid();
            header.Number = await numbers.TakeNextAsync(TransferHeader.NumberSeries, "number",
                async candidate => !await db.TransferHeaders.AnyAsync(h => h.Number == candidate, cancellationToken), cancellationToken);
            db.TransferHeaders.Add(header);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return header;
        });

    public async Task<TransferHeader> UpdateAsync(UpdateTransferOrder command, CancellationToken cancellationToken = default)
    {
        db.ChangeTracker.Clear();
        var header = await LoadAsync(command.Id, command.ExpectedVersion, cancellationToken);
        var lines = await db.TransferLines.Where(l => l.TransferOrderId == header.Id).ToListAsync(cancellationToken);
        var codesChange = command.TransferFromCode is not null || command.TransferToCode is not null || command.InTransitCode is not null;
        if (codesChange && lines.Any(l => l.QuantityShipped != 0))
        {
            // BC: the locations of an order with shipped lines are fixed; what is in transit must arrive where it was sent.
            throw ValidationFailedException.For(
                command.TransferFromCode is not null ? "transferFromCode" : command.TransferToCode is not null ? "transferToCode" : "inTransitCode",
                "cannot be changed: lines of this order have been shipped.");
        }

        header.TransferFromCode = Codes.NormalizeOrNull(command.TransferFromCode) ?? header.TransferFromCode;
        header.TransferToCode = Codes.NormalizeOrNull(command.TransferToCode) ?? header.TransferToCode;
        header.InTransitCode = Codes.NormalizeOrNull(command.InTransitCode) ?? header.InTransitCode;
        header.ShipmentDate = command.ShipmentDate ?? header.ShipmentDate;
        header.ReceiptDate = command.ReceiptDate ?? header.ReceiptDate;
        var v = new Validation();
        await TransferLocations.CheckAsync(db, header, v, cancellationToken);
        v.ThrowIfInvalid();
        await TouchAsync(header, null, cancellationToken);
        return header;
    }

    /// <summary>
    /// BC refuses to delete an order whose shipped goods have not all arrived; an unshipped order goes with its lines.
    /// <paramref name="expectedVersion"/> (the order's ETag, optional) keeps a delete from removing changes its caller never saw.
    /// </summary>
    public async Task DeleteAsync(Guid id, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        db.ChangeTracker.Clear();
        var header = await LoadAsync(id, expectedVersion, cancellationToken);
        var lines = await db.TransferLines.Where(l => l.TransferOrderId == id).ToListAsync(cancellationToken);
        if (lines.Any(l => l.InTransitQuantity != 0))
        {
            throw ValidationFailedException.For("transferLines", "Goods of this order are in transit: receive them before the order is deleted.");
        }

        db.TransferLines.RemoveRange(lines);
        db.TransferHeaders.Remove(header);
        await SaveAsync("Transfer Order", expectedVersion, cancellationToken);
    }

    public async Task<TransferLine> SaveLineAsync(SaveTransferLine command, CancellationToken cancellationToken = default)
    {
        db.ChangeTracker.Clear();
        var header = await LoadAsync(command.TransferOrderId, null, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        TransferLine line;
        var v = new Validation();
        if (command.LineId is { } lineId)
        {
            line = await db.TransferLines.SingleOrDefaultAsync(l => l.Id == lineId && l.TransferOrderId == header.Id, cancellationToken)
                ?? throw new NotFoundException("Transfer Line", lineId);
            if (command.ExpectedVersion is { } expected && expected != line.Version)
            {
                throw new ConcurrencyException("Transfer Line", expected, line.Version);
            }
        }
        else
        {
            line = new TransferLine
            {
                TenantId = db.CurrentTenantId,
                Id = Guid.CreateVersion7(now),
                TransferOrderId = header.Id,
                LineNo = await NewLineNoAsync(header.Id, command.InsertBeforeLineNo, v, cancellationToken),
            };
            if (string.IsNullOrWhiteSpace(command.ItemNumber))
            {
                v.Add("itemNumber", "is required.");
            }
        }

        if (command.ItemNumber is not null && Codes.Normalize(command.ItemNumber) != line.ItemNo)
        {
            if (line.QuantityShipped != 0)
            {
                v.Add("itemNumber", "cannot be changed: the line has been shipped.");
            }
            else if (await ItemAsync(command.ItemNumber, v) is { } item)
            {
                line.ItemId = item.Id;
                line.ItemNo = item.Number;
                line.Description = item.DisplayName;
            }
        }

        if (command.Description is not null)
        {
            v.MaxLength("description", command.Description.Trim(), Item.DisplayNameLength);
            line.Description = command.Description.Trim();
        }

        if (command.Quantity is { } quantity)
        {
            Quantities(v, "quantity", quantity);
            if (quantity < line.QuantityShipped)
            {
                v.Add("quantity", $"must not be less than the quantity shipped ({Show(line.QuantityShipped)}).");
            }

            // BC: a new quantity resets Qty. to Ship to what is outstanding.
            line.Quantity = quantity;
            line.QtyToShip = Math.Max(0, quantity - line.QuantityShipped);
        }

        if (command.QtyToShip is { } toShip)
        {
            Quantities(v, "qtyToShip", toShip);
            line.QtyToShip = toShip;
        }

        if (line.QtyToShip > line.OutstandingQuantity)
        {
            v.Add("qtyToShip", $"must not be more than the outstanding quantity ({Show(line.OutstandingQuantity)}).");
        }

        if (command.QtyToReceive is { } toReceive)
        {
            Quantities(v, "qtyToReceive", toReceive);
            if (toReceive > line.InTransitQuantity)
            {
                v.Add("qtyToReceive", $"must not be more than what was shipped and not yet received ({Show(line.InTransitQuantity)}).");
            }

            line.QtyToReceive = toReceive;
        }

        v.ThrowIfInvalid();
        line.LastModifiedUtc = now;
        line.Version++;
        if (line.Version == 1)
        {
            db.TransferLines.Add(line);
        }

        await TouchAsync(header, null, cancellationToken);
        return line;
    }

    /// <summary>
    /// BC numbers lines in steps of 10000 so that lines can go in between: a line added at the end gets the last
    /// number + 10000, a line inserted before another gets the number halfway to the line above it. Where two lines
    /// have no number left between them, BC refuses the insert rather than renumbering lines others may refer to.
    /// </summary>
    private async Task<int> NewLineNoAsync(Guid orderId, int? before, Validation v, CancellationToken cancellationToken)
    {
        var lines = db.TransferLines.Where(l => l.TransferOrderId == orderId);
        if (before is not { } next)
        {
            return (await lines.MaxAsync(l => (int?)l.LineNo, cancellationToken) ?? 0) + 10000;
        }

        if (!await lines.AnyAsync(l => l.LineNo == next, cancellationToken))
        {
            v.Add("insertBeforeLineNo", $"names no line of this order ({next}).");
            return 0;
        }

        var previous = await lines.Where(l => l.LineNo < next).MaxAsync(l => (int?)l.LineNo, cancellationToken) ?? 0;
        if (next - previous < 2)
        {
            v.Add("insertBeforeLineNo", "There is no room to insert a line here. Add the line at the end instead.");
            return 0;
        }

        return previous + (next - previous) / 2;
    }

    /// <summary><paramref name="expectedVersion"/> is the line's version (its ETag), optional as for every delete.</summary>
    public async Task DeleteLineAsync(Guid orderId, Guid lineId, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        db.ChangeTracker.Clear();
        var header = await LoadAsync(orderId, null, cancellationToken);
        var line = await db.TransferLines.SingleOrDefaultAsync(l => l.Id == lineId && l.TransferOrderId == header.Id, cancellationToken)
            ?? throw new NotFoundException("Transfer Line", lineId);
        if (expectedVersion is { } expected && expected != line.Version)
        {
            throw new ConcurrencyException("Transfer Line", expected, line.Version);
        }

        if (line.QuantityShipped != 0)
        {
            throw ValidationFailedException.For("quantityShipped", "A shipped line cannot be deleted.");
        }

        db.TransferLines.Remove(line);
        await TouchAsync(header, null, cancellationToken);
    }

    private async Task<Item?> ItemAsync(string number, Validation v)
    {
        var no = Codes.Normalize(number);
        var item = await db.Items.AsNoTracking().SingleOrDefaultAsync(i => i.Number == no);
        if (item is null)
        {
            v.Add("itemNumber", $"Item {no} does not exist.");
            return null;
        }

        if (item.Type != ItemType.Inventory)
        {
            // BC: Type must be equal to 'Inventory' in Item.
            v.Add("itemNumber", $"Item {no} is of type {BcEnum.ToWord(item.Type)}: only Inventory items can be transferred.");
            return null;
        }

        if (item.Blocked)
        {
            v.Add("itemNumber", $"Item {no} is blocked.");
            return null;
        }

        return item;
    }

    private static void Quantities(Validation v, string field, decimal value)
    {
        v.NotNegative(field, value);
        v.WithinRange(field, value); // beyond it the posting's amounts would overflow: a 400 here, not a 500 there
        if (decimal.Round(value, 5) != value)
        {
            v.Add(field, "may have at most 5 decimals.");
        }
    }

    private async Task<string?> DefaultInTransitAsync(CancellationToken cancellationToken)
    {
        var transit = await db.Locations.AsNoTracking().Where(l => l.UseAsInTransit).Select(l => l.Code).Take(2).ToListAsync(cancellationToken);
        return transit.Count == 1 ? transit[0] : null; // only when the choice is obvious
    }

    private async Task<TransferHeader> LoadAsync(Guid id, long? expectedVersion, CancellationToken cancellationToken)
    {
        var header = await db.TransferHeaders.SingleOrDefaultAsync(h => h.Id == id, cancellationToken)
            ?? throw new NotFoundException("Transfer Order", id);
        if (expectedVersion is { } expected && expected != header.Version)
        {
            throw new ConcurrencyException("Transfer Order", expected, header.Version);
        }

        return header;
    }

    /// <summary>
    /// Every change of the order or its lines bumps the order's version, and the save only succeeds while the order
    /// still has the version it was read with: two commands on one order (a line each, say) take turns, and a caller
    /// that sent a version (If-Match; the card's hidden fields) was already refused in <see cref="LoadAsync"/> or
    /// at the line when that version is stale.
    /// </summary>
    private async Task TouchAsync(TransferHeader header, long? expectedVersion, CancellationToken cancellationToken)
    {
        header.LastModifiedUtc = clock.GetUtcNow().UtcDateTime;
        header.Version++;
        await SaveAsync("Transfer Order", expectedVersion, cancellationToken);
    }

    private async Task SaveAsync(string entity, long? expectedVersion, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyException(entity, expectedVersion, null);
        }
        catch (DbUpdateException e) when (SaveErrors.IsUniqueViolation(e))
        {
            // Two lines added at once took the same line number: the order changed under this command.
            throw new ConcurrencyException(entity, expectedVersion, null);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
