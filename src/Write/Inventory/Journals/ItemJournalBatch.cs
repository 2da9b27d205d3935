using Microsoft.EntityFrameworkCore;
using Saas.Tenancy.Storage;
using Saas.Write.Inventory.Ledger;

namespace Saas.Write.Inventory.Journals;

/// <summary>
/// BC's Item Journal Batch (table 233): a named set of stored journal lines under one template. Every company
/// starts with a DEFAULT batch per template (<see cref="ItemJournalBatches.SeedDefaultsAsync"/>).
/// </summary>
public sealed class ItemJournalBatch : ITenantOwned
{
    // BC: Name Code[10], Description Text[100].
    public const int CodeLength = 10;
    public const int DisplayNameLength = 100;
    public const string DefaultCode = "DEFAULT";

    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public ItemJournalTemplate Template { get; set; }
    public string Code { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public DateTime LastModifiedUtc { get; set; }
    public long Version { get; set; }
}

/// <summary>
/// A stored line of an item journal batch (BC's Item Journal Line, table 83), numbered 10000, 20000, … as BC does.
/// Which fields matter depends on the batch's template: quantities (Item, Reclassification), calculated and
/// counted quantities (Phys. Inventory), calculated and revalued inventory value (Revaluation).
/// </summary>
public sealed class ItemJournalBatchLine : ITenantOwned
{
    public const int LineNumberStep = 10000;

    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public Guid BatchId { get; set; }
    public int LineNumber { get; set; }
    public ItemLedgerEntryType EntryType { get; set; } = ItemLedgerEntryType.PositiveAdjmt;
    public string ItemNumber { get; set; } = "";
    public string LocationCode { get; set; } = "";
    public string NewLocationCode { get; set; } = "";
    public DateOnly PostingDate { get; set; }
    public string DocumentNumber { get; set; } = "";
    public string Description { get; set; } = "";
    public decimal Quantity { get; set; }
    public decimal? UnitCost { get; set; }
    public long? AppliesToEntry { get; set; }

    /// <summary>Phys. Inventory: BC's Qty. (Calculated) and Qty. (Phys. Inventory).</summary>
    public decimal QuantityCalculated { get; set; }

    public decimal? QuantityPhysInventory { get; set; }

    /// <summary>Revaluation: BC's Inventory Value (Calculated), Unit Cost (Calculated) and their revalued counterparts.</summary>
    public decimal InventoryValueCalculated { get; set; }

    public decimal UnitCostCalculated { get; set; }
    public decimal? InventoryValueRevalued { get; set; }
    public decimal? UnitCostRevalued { get; set; }

    public DateTime LastModifiedUtc { get; set; }
    public long Version { get; set; }
}

internal static class ItemJournalModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ItemJournalBatch>(batch =>
        {
            batch.ToTable("ItemJournalBatches");
            batch.HasKey(b => new { b.TenantId, b.Id });
            batch.HasIndex(b => new { b.TenantId, b.Template, b.Code }).IsUnique();
            batch.Property(b => b.Template).HasConversion<string>().HasMaxLength(20);
            batch.Property(b => b.Code).HasMaxLength(ItemJournalBatch.CodeLength);
            batch.Property(b => b.DisplayName).HasMaxLength(ItemJournalBatch.DisplayNameLength);
            batch.Property(b => b.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<ItemJournalBatchLine>(line =>
        {
            line.ToTable("ItemJournalBatchLines");
            line.HasKey(l => new { l.TenantId, l.Id });
            line.HasIndex(l => new { l.TenantId, l.BatchId, l.LineNumber }).IsUnique();
            line.Property(l => l.EntryType).HasConversion<string>().HasMaxLength(20);
            line.Property(l => l.ItemNumber).HasMaxLength(Item.NumberLength);
            line.Property(l => l.LocationCode).HasMaxLength(10);
            line.Property(l => l.NewLocationCode).HasMaxLength(10);
            line.Property(l => l.DocumentNumber).HasMaxLength(ItemLedgerEntry.DocumentNoLength);
            line.Property(l => l.Description).HasMaxLength(ItemLedgerEntry.DescriptionLength);
            line.Property(l => l.Version).IsConcurrencyToken();
        });
    }
}
