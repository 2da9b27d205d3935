using Saas.Read.Inventory;
using Saas.Web.Components.Interactive.Documents;

namespace Saas.Web.Components.Pages.Transfers;

/// <summary>
/// A transfer line as the card's lines grid edits it and posts it back: quantities as typed (a value that does not
/// parse comes back as typed, next to its message), the saved line's version so that a line someone else changed
/// meanwhile is refused rather than overwritten, and the posted quantities for display.
/// </summary>
public sealed class TransferLineInput : IDocumentLine
{
    public Guid? Id { get; set; }
    public int LineNo { get; set; }
    public long? Version { get; set; }
    public int? InsertBeforeLineNo { get; set; }
    public string Key { get; set; } = "";
    public string? ItemNumber { get; set; }
    public string? Description { get; set; }
    public string? Quantity { get; set; }
    public string? QtyToShip { get; set; }
    public string? QtyToReceive { get; set; }
    public decimal QuantityShipped { get; set; }
    public decimal QuantityReceived { get; set; }

    public bool IsBlank => Id is null && string.IsNullOrWhiteSpace(ItemNumber) && string.IsNullOrWhiteSpace(Quantity);

    /// <summary>The prefix of this line's fields in validation messages.</summary>
    public string ErrorPrefix => Id is null ? $"newLines[{Key}]." : $"lines[{LineNo}].";

    public static TransferLineInput From(TransferLineRow row) => new()
    {
        Id = row.Id,
        LineNo = row.LineNo,
        Version = row.Version,
        ItemNumber = row.ItemNo,
        Description = row.Description,
        Quantity = Display.Quantity(row.Quantity),
        QtyToShip = Display.Quantity(row.QtyToShip),
        QtyToReceive = Display.Quantity(row.QtyToReceive),
        QuantityShipped = row.QuantityShipped,
        QuantityReceived = row.QuantityReceived,
    };
}
