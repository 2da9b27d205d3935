using Microsoft.EntityFrameworkCore;
using Saas.Write.Setup;

namespace Saas.Write.Inventory.Transfers;

/// <summary>Transfer orders and their posted shipments and receipts (keys start with the tenant, as everywhere).</summary>
internal static class TransferModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<TransferHeader>(e =>
        {
            e.ToTable("TransferHeaders");
            e.HasKey(x => new { x.TenantId, x.Id });
            e.HasIndex(x => new { x.TenantId, x.Number }).IsUnique();
            e.Property(x => x.Number).HasMaxLength(TransferHeader.NumberLength);
            e.Property(x => x.TransferFromCode).HasMaxLength(Location.CodeLength);
            e.Property(x => x.TransferToCode).HasMaxLength(Location.CodeLength);
            e.Property(x => x.InTransitCode).HasMaxLength(Location.CodeLength);
            e.Property(x => x.Version).IsConcurrencyToken();
        });

        model.Entity<TransferLine>(e =>
        {
            e.ToTable("TransferLines");
            e.HasKey(x => new { x.TenantId, x.Id });
            e.HasIndex(x => new { x.TenantId, x.TransferOrderId, x.LineNo }).IsUnique();
            e.Property(x => x.ItemNo).HasMaxLength(Item.NumberLength);
            e.Property(x => x.Description).HasMaxLength(Item.DisplayNameLength);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.OutstandingQuantity);
            e.Ignore(x => x.InTransitQuantity);
        });

        model.Entity<PostedTransferDocument>(e =>
        {
            e.ToTable("PostedTransferDocuments");
            e.HasKey(x => new { x.TenantId, x.Id });
            e.HasIndex(x => new { x.TenantId, x.DocumentType, x.Number }).IsUnique();

            // Receipts find the in-transit entries of an order's shipments through it.
            e.HasIndex(x => new { x.TenantId, x.TransferOrderNo });
            e.Property(x => x.DocumentType).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Number).HasMaxLength(TransferHeader.NumberLength);
            e.Property(x => x.TransferOrderNo).HasMaxLength(TransferHeader.NumberLength);
            e.Property(x => x.TransferFromCode).HasMaxLength(Location.CodeLength);
            e.Property(x => x.TransferToCode).HasMaxLength(Location.CodeLength);
            e.Property(x => x.InTransitCode).HasMaxLength(Location.CodeLength);
            e.Property(x => x.IdempotencyKey).HasMaxLength(Finance.Posting.GLRegister.IdempotencyKeyLength);
        });

        model.Entity<PostedTransferLine>(e =>
        {
            e.ToTable("PostedTransferLines");
            e.HasKey(x => new { x.TenantId, x.Id });
            e.HasIndex(x => new { x.TenantId, x.DocumentId, x.LineNo }).IsUnique();
            e.Property(x => x.ItemNo).HasMaxLength(Item.NumberLength);
            e.Property(x => x.Description).HasMaxLength(Item.DisplayNameLength);
        });
    }
}
