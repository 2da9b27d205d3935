using Microsoft.EntityFrameworkCore;
using Saas.Write.Common;
using static Saas.Write.Inventory.Transfers.TransferLocations;
using Saas.Write.Finance.Posting;
using Saas.Write.Inventory.Ledger;
using Saas.Write.Setup;

namespace Saas.Write.Inventory.Transfers;

/// <summary>What a shipment or receipt posted: the posted document, and whether the order is now complete (and gone).</summary>
public sealed record TransferPosted(Guid DocumentId, string DocumentNo, bool AlreadyPosted, bool OrderDeleted, Guid? ReadPosition);

/// <summary>
/// Posts a transfer order's Qty. to Ship (from-location → in-transit) or Qty. to Receive (in-transit → to-location)
/// through <see cref="ItemPostingEngine"/>, in one transaction with the posted document, its number (from its own
/// series, so a failed posting uses none) and the order's new quantities. A receipt applies to the in-transit entries
/// its order's shipments created, so the goods arrive at the cost they left with, later cost changes included.
/// </summary>
public sealed class TransferPosting(WriteDbContext db, NumberSeries numbers, ItemPostingEngine engine, TimeProvider clock)
{
    public Task<TransferPosted> ShipAsync(Guid orderId, string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
        RunAsync(orderId, TransferDocumentType.Shipment, idempotencyKey, cancellationToken);

    public Task<TransferPosted> ReceiveAsync(Guid orderId, string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
        RunAsync(orderId, TransferDocumentType.Receipt, idempotencyKey, cancellationToken);

    private Task<TransferPosted> RunAsync(Guid orderId, TransferDocumentType type, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var key = string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim();
        var v = new Validation();
        v.MaxLength("idempotencyKey", key, GLRegister.IdempotencyKeyLength);
        v.ThrowIfInvalid();
        return PostingTransaction.RunAsync(
            db,
            () => PostAsync(orderId, type, key, cancellationToken),
            commit: result => !result.AlreadyPosted,
            cancellationToken);
    }

    private async Task<TransferPosted> PostAsync(Guid orderId, TransferDocumentType type, string? key, CancellationToken cancellationToken)
    {
        // Taking the order's row first makes two postings of one order take turns: the second reads the lines and
        // in-transit entries the first left (nothing left to receive is a plain "nothing to post", not an entry error).
        var locked = await db.TransferHeaders.Where(h => h.Id == orderId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.Version, h => h.Version + 1), cancellationToken);

        // After the lock: a retry whose first attempt completed the order (and deleted it) still gets its document;
        // the same key for another order or action is refused.
        var requestHash = PostingIdempotency.Hash(type == TransferDocumentType.Shipment ? "transferOrder.ship" : "transferOrder.receive", new { orderId });
        if (key is not null && await PostingIdempotency.EarlierAsync(db, key, requestHash, cancellationToken) is not null
            && await EarlierAsync(key, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        if (locked == 0)
        {
            throw new NotFoundException("Transfer Order", orderId);
        }

        var header = await db.TransferHeaders.SingleAsync(h => h.Id == orderId, cancellationToken);
        var lines = await db.TransferLines.Where(l => l.TransferOrderId == orderId).OrderBy(l => l.LineNo).ToListAsync(cancellationToken);
        var v = new Validation();
        await TransferLocations.CheckAsync(db, header, v, cancellationToken);
        v.ThrowIfInvalid();

        var shipping = type == TransferDocumentType.Shipment;
        var toPost = lines.Where(l => shipping ? l.QtyToShip > 0 : l.QtyToReceive > 0).ToList();
        if (toPost.Count == 0)
        {
            throw ValidationFailedException.For(shipping ? "qtyToShip" : "qtyToReceive", "There is nothing to post: no line has a quantity to " + (shipping ? "ship." : "receive."));
        }

        var postingDate = shipping ? header.ShipmentDate : header.ReceiptDate;
        var postingLines = new List<ItemPostingLine>();
        var sources = new List<TransferLine>();
        var inTransit = shipping ? null : await InTransitEntriesAsync(header.Number, cancellationToken);
        foreach (var line in toPost)
        {
            var field = $"transferLines[{line.LineNo}].";
            if (shipping)
            {
                if (line.QtyToShip > line.OutstandingQuantity)
                {
                    throw ValidationFailedException.For(field + "qtyToShip", $"must not be more than the outstanding quantity ({Show(line.OutstandingQuantity)}).");
                }

                postingLines.Add(Line(line, header.TransferFromCode, header.InTransitCode, line.QtyToShip, postingDate, null));
                sources.Add(line);
                continue;
            }

            if (line.QtyToReceive > line.InTransitQuantity)
            {
                throw ValidationFailedException.For(field + "qtyToReceive", $"must not be more than what was shipped and not yet received ({Show(line.InTransitQuantity)}).");
            }

            // Oldest shipment first; each part applies to the in-transit entry that shipment created.
            var left = line.QtyToReceive;
            foreach (var (entryNo, remaining, shippedOn) in inTransit![line.LineNo])
            {
                if (shippedOn > postingDate)
                {
                    throw ValidationFailedException.For("receiptDate", $"must not be before the shipment it receives ({shippedOn:yyyy-MM-dd}).");
                }

                var take = Math.Min(left, remaining);
                postingLines.Add(Line(line, header.InTransitCode, header.TransferToCode, take, postingDate, entryNo));
                sources.Add(line);
                left -= take;
                if (left == 0)
                {
                    break;
                }
            }

            if (left > 0)
            {
                throw ValidationFailedException.For(field + "qtyToReceive", $"{Show(left)} of it is not in transit at {header.InTransitCode}.");
            }
        }

        var series = shipping ? PostedTransferDocument.ShipmentSeries : PostedTransferDocument.ReceiptSeries;
        var number = await numbers.TakeNextAsync(series, "number",
            async candidate => !await db.PostedTransferDocuments.AnyAsync(d => d.DocumentType == type && d.Number == candidate, cancellationToken),
            cancellationToken);
        PostingResult result;
        try
        {
            result = await engine.PostAsync(
                new ItemPosting { SourceCode = ItemPosting.TransferSourceCode, DocumentNo = number, IdempotencyKey = key, RequestHash = requestHash, Lines = postingLines },
                cancellationToken);
        }
        catch (ValidationFailedException e)
        {
            throw InOrderTerms(e, sources, shipping);
        }

        if (result.AlreadyPosted)
        {
            // A retry with the same key raced us past the check above; the first one's document stands.
            return await EarlierAsync(key!, cancellationToken)
                ?? throw new IdempotencyKeyReusedException(PostingIdempotency.Field, $"Idempotency key '{key}' was already used by another posting.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var document = new PostedTransferDocument
        {
            TenantId = db.CurrentTenantId,
            Id = Guid.CreateVersion7(now),
            DocumentType = type,
            Number = number,
            TransferOrderNo = header.Number,
            TransferFromCode = header.TransferFromCode,
            TransferToCode = header.TransferToCode,
            InTransitCode = header.InTransitCode,
            PostingDate = postingDate,
            IdempotencyKey = key ?? "",
            CreatedUtc = now,
        };
        db.PostedTransferDocuments.Add(document);

        // The engine writes, per transfer line, the outbound entry and then the inbound one.
        var inbound = result.ItemLedgerEntries.Where(e => e.Positive).ToList();
        var lineNo = 0;
        for (var i = 0; i < postingLines.Count; i++)
        {
            var source = sources[i];
            if (!shipping && i > 0 && sources[i - 1] == source)
            {
                continue; // one receipt line per order line, however many shipments it came from
            }

            var quantity = shipping ? postingLines[i].Quantity : source.QtyToReceive;
            db.PostedTransferLines.Add(new PostedTransferLine
            {
                TenantId = db.CurrentTenantId,
                Id = Guid.CreateVersion7(now),
                DocumentId = document.Id,
                LineNo = lineNo += 10000,
                TransferOrderLineNo = source.LineNo,
                ItemNo = source.ItemNo,
                Description = source.Description,
                Quantity = quantity,
                InTransitEntryNo = shipping ? inbound[i].EntryNo : 0,
            });
        }

        foreach (var line in toPost)
        {
            if (shipping)
            {
                line.QuantityShipped += line.QtyToShip;
                line.QtyToShip = line.OutstandingQuantity;
                line.QtyToReceive = line.InTransitQuantity;
            }
            else
            {
                line.QuantityReceived += line.QtyToReceive;
                line.QtyToReceive = line.InTransitQuantity;
            }

            line.LastModifiedUtc = now;
            line.Version++;
        }

        // BC deletes a transfer order once everything on it has been shipped and received.
        var complete = !shipping && lines.All(l => l.Quantity == l.QuantityReceived);
        if (complete)
        {
            db.TransferLines.RemoveRange(lines);
            db.TransferHeaders.Remove(header);
        }
        else
        {
            header.LastModifiedUtc = now;
            header.Version++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return new TransferPosted(document.Id, document.Number, false, complete, result.ReadPosition);
    }

    private static ItemPostingLine Line(TransferLine line, string from, string to, decimal quantity, DateOnly date, long? appliesTo) => new()
    {
        EntryType = ItemLedgerEntryType.Transfer,
        ItemNo = line.ItemNo,
        LocationCode = from,
        NewLocationCode = to,
        PostingDate = date,
        Description = line.Description,
        Quantity = quantity,
        AppliesToEntry = appliesTo,
    };

    /// <summary>The open in-transit entries of the order's shipments by order line, oldest first: one read for all lines.</summary>
    private async Task<ILookup<int, (long EntryNo, decimal Remaining, DateOnly ShippedOn)>> InTransitEntriesAsync(string orderNo, CancellationToken cancellationToken)
    {
        var shipped = await (
            from d in db.PostedTransferDocuments
            join l in db.PostedTransferLines on d.Id equals l.DocumentId
            where d.DocumentType == TransferDocumentType.Shipment && d.TransferOrderNo == orderNo
            select new { l.TransferOrderLineNo, l.InTransitEntryNo }).ToListAsync(cancellationToken);
        var entryNos = shipped.Select(s => s.InTransitEntryNo).ToList();
        var open = await db.OpenItemEntries.AsNoTracking()
            .Where(o => entryNos.Contains(o.EntryNo) && o.Positive && o.RemainingQuantity > 0)
            .ToDictionaryAsync(o => o.EntryNo, cancellationToken);
        return shipped.Where(s => open.ContainsKey(s.InTransitEntryNo)).OrderBy(s => s.InTransitEntryNo)
            .ToLookup(s => s.TransferOrderLineNo, s => (s.InTransitEntryNo, open[s.InTransitEntryNo].RemainingQuantity, open[s.InTransitEntryNo].PostingDate));
    }

    /// <summary>The document an earlier posting with this idempotency key created, if any.</summary>
    private async Task<TransferPosted?> EarlierAsync(string key, CancellationToken cancellationToken) =>
        await db.PostedTransferDocuments.AsNoTracking().Where(d => d.IdempotencyKey == key)
            .Select(d => new TransferPosted(d.Id, d.Number, true, false, null))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The engine names its own lines and fields (lines[3].quantity, lines[3].locationCode); the caller knows the order's:
    /// the line's quantity to ship or receive and item number (transferLines[20000].qtyToShip), and the header's
    /// locations and dates, which the engine lines were made from.
    /// </summary>
    private static ValidationFailedException InOrderTerms(ValidationFailedException e, List<TransferLine> sources, bool shipping) =>
        e.WithFieldsRenamed(field =>
        {
            if (!(field.StartsWith("lines[", StringComparison.Ordinal) && field.IndexOf(']') is var end and > 6
                && int.TryParse(field[6..end], out var index) && index < sources.Count))
            {
                return field;
            }

            var line = $"transferLines[{sources[index].LineNo}]";
            return field[(end + 1)..] switch
            {
                ".itemNo" => line + ".itemNumber",
                ".quantity" => line + (shipping ? ".qtyToShip" : ".qtyToReceive"),
                ".locationCode" => shipping ? "transferFromCode" : "inTransitCode",
                ".newLocationCode" => shipping ? "inTransitCode" : "transferToCode",
                ".postingDate" => shipping ? "shipmentDate" : "receiptDate",
                var rest => line + rest,
            };
        });
}
