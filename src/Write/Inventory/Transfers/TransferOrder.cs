using Saas.Tenancy.Storage;

namespace Saas.Write.Inventory.Transfers;

/// <summary>
/// A transfer order (BC table 5740): goods leave <see cref="TransferFromCode"/>, wait at the in-transit location
/// <see cref="InTransitCode"/> and arrive at <see cref="TransferToCode"/>. Deleted once everything is shipped and
/// received, as in BC; the posted shipments and receipts remain.
/// </summary>
public sealed class TransferHeader : ITenantOwned
{
    public const int NumberLength = 20;
    public const string NumberSeries = "TORD";

    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public string Number { get; set; } = "";
    public string TransferFromCode { get; set; } = "";
    public string TransferToCode { get; set; } = "";
    public string InTransitCode { get; set; } = "";

    /// <summary>The posting date of shipments.</summary>
    public DateOnly ShipmentDate { get; set; }

    /// <summary>The posting date of receipts; never before the shipment date.</summary>
    public DateOnly ReceiptDate { get; set; }

    public DateTime LastModifiedUtc { get; set; }
    public long Version { get; set; }
}

/// <summary>A transfer order line (BC table 5741) with BC's quantity fields.</summary>
public sealed class TransferLine : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public Guid TransferOrderId { get; set; }
    public int LineNo { get; set; }
    public Guid ItemId { get; set; }
    public string ItemNo { get; set; } = "";
    public string Description { get; set; } = "";
    public decimal Quantity { get; set; }
    public decimal QtyToShip { get; set; }
    public decimal QuantityShipped { get; set; }
    public decimal QtyToReceive { get; set; }
    public decimal QuantityReceived { get; set; }
    public DateTime LastModifiedUtc { get; set; }
    public long Version { get; set; }

    /// <summary>BC's Outstanding Quantity: what is still to be shipped.</summary>
    public decimal OutstandingQuantity => Quantity - QuantityShipped;

    /// <summary>Shipped and not yet received: what sits at the in-transit location for this line.</summary>
    public decimal InTransitQuantity => QuantityShipped - QuantityReceived;
}

/// <summary>A posted transfer shipment (BC table 5744) or receipt (5746): immutable, numbered gaplessly by its own series.</summary>
public sealed class PostedTransferDocument : ITenantOwned
{
    public const string ShipmentSeries = "TSHPT";
    public const string ReceiptSeries = "TRCPT";

    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public TransferDocumentType DocumentType { get; set; }
    public string Number { get; set; } = "";
    public string TransferOrderNo { get; set; } = "";
    public string TransferFromCode { get; set; } = "";
    public string TransferToCode { get; set; } = "";
    public string InTransitCode { get; set; } = "";
    public DateOnly PostingDate { get; set; }
    public string IdempotencyKey { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
}

public enum TransferDocumentType
{
    Shipment,
    Receipt,
}

/// <summary>
/// A line of a posted shipment or receipt. Shipment lines keep the in-transit entry they created (BC's "Item Shpt.
/// Entry No." role): receipts apply to it, so the goods arrive at exactly the cost they left with.
/// </summary>
public sealed class PostedTransferLine : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public Guid DocumentId { get; set; }
    public int LineNo { get; set; }
    public int TransferOrderLineNo { get; set; }
    public string ItemNo { get; set; } = "";
    public string Description { get; set; } = "";
    public decimal Quantity { get; set; }

    /// <summary>Shipments: the positive item ledger entry at the in-transit location; receipts: 0.</summary>
    public long InTransitEntryNo { get; set; }
}
