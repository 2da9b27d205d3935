using Microsoft.EntityFrameworkCore;
using Saas.Write.Finance.Posting;
using Saas.Write.Finance.Setup;
using Saas.Write.Inventory.Ledger;

namespace Saas.Write.Finance;

/// <summary>The finance setup and ledger tables of the write model (keys start with the tenant, as everywhere).</summary>
internal static class PostingModel
{
    private const int Code = 20;

    public static void Configure(ModelBuilder model)
    {
        model.Entity<GLAccount>(e =>
        {
            e.ToTable("GLAccounts");
            e.HasKey(x => new { x.TenantId, x.Number });
            e.Property(x => x.Number).HasMaxLength(GLAccount.NumberLength);
            e.Property(x => x.Name).HasMaxLength(GLAccount.NameLength);
            e.Property(x => x.IncomeBalance).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Category).HasConversion<string>().HasMaxLength(20);
        });

        model.Entity<PostingGroup>(e =>
        {
            e.ToTable("PostingGroups");
            e.HasKey(x => new { x.TenantId, x.Kind, x.Code });
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Code).HasMaxLength(PostingGroup.CodeLength);
            e.Property(x => x.Description).HasMaxLength(PostingGroup.DescriptionLength);
            e.Property(x => x.Account).HasMaxLength(Code);
        });

        model.Entity<GeneralPostingSetup>(e =>
        {
            e.ToTable("GeneralPostingSetups");
            e.HasKey(x => new { x.TenantId, x.GenBusPostingGroup, x.GenProdPostingGroup });
            foreach (var p in e.Metadata.GetProperties().Where(p => p.ClrType == typeof(string)))
            {
                p.SetMaxLength(Code);
            }
        });

        model.Entity<InventoryPostingSetup>(e =>
        {
            e.ToTable("InventoryPostingSetups");
            e.HasKey(x => new { x.TenantId, x.LocationCode, x.InventoryPostingGroup });
            foreach (var p in e.Metadata.GetProperties().Where(p => p.ClrType == typeof(string)))
            {
                p.SetMaxLength(Code);
            }
        });

        model.Entity<VatPostingSetup>(e =>
        {
            e.ToTable("VatPostingSetups");
            e.HasKey(x => new { x.TenantId, x.VatBusPostingGroup, x.VatProdPostingGroup });
            foreach (var p in e.Metadata.GetProperties().Where(p => p.ClrType == typeof(string)))
            {
                p.SetMaxLength(Code);
            }

            e.Property(x => x.CalculationType).HasConversion<string>().HasMaxLength(20);
        });

        model.Entity<GeneralLedgerSetup>(e =>
        {
            e.ToTable("GeneralLedgerSetups");
            e.HasKey(x => x.TenantId);
            e.Property(x => x.AverageCostPeriod).HasConversion<string>().HasMaxLength(10);
            e.Property(x => x.Version).IsConcurrencyToken();
        });

        model.Entity<PostingCounters>(e =>
        {
            e.ToTable("PostingCounters");
            e.HasKey(x => x.TenantId);
        });

        model.Entity<CostAdjustmentEntryPoint>(e =>
        {
            e.ToTable("CostAdjustmentEntryPoints");
            e.HasKey(x => new { x.TenantId, x.ItemId });
        });

        model.Entity<AverageItemTotals>(e =>
        {
            e.ToTable("AverageItemTotals");
            e.HasKey(x => new { x.TenantId, x.ItemId });
        });

        model.Entity<ItemLedgerEntry>(e =>
        {
            e.ToTable("ItemLedgerEntries");
            e.HasKey(x => new { x.TenantId, x.EntryNo });
            e.Property(x => x.EntryNo).ValueGeneratedNever();
            e.Property(x => x.ItemNo).HasMaxLength(Code);
            e.Property(x => x.EntryType).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.DocumentNo).HasMaxLength(ItemLedgerEntry.DocumentNoLength);
            e.Property(x => x.Description).HasMaxLength(ItemLedgerEntry.DescriptionLength);
            e.Property(x => x.LocationCode).HasMaxLength(10);
            e.Property(x => x.GenBusPostingGroup).HasMaxLength(Code);
            e.Property(x => x.GenProdPostingGroup).HasMaxLength(Code);
            e.Property(x => x.InventoryPostingGroup).HasMaxLength(Code);
            e.HasIndex(x => new { x.TenantId, x.ItemId, x.EntryNo });
            e.HasIndex(x => new { x.TenantId, x.DocumentNo });
            e.HasIndex(x => new { x.TenantId, x.CostSourceEntry });
            e.HasIndex(x => new { x.TenantId, x.ItemId, x.PostingDate }); // Average items: entries from a period on (ADR 008)
        });

        model.Entity<OpenItemEntry>(e =>
        {
            e.ToTable("OpenItemEntries");
            e.HasKey(x => new { x.TenantId, x.EntryNo });
            e.Property(x => x.EntryNo).ValueGeneratedNever();
            e.Property(x => x.LocationCode).HasMaxLength(10);
            // In application order, so that a posting reads the front of one side as an index range (ADR 010).
            e.HasIndex(x => new { x.TenantId, x.ItemId, x.LocationCode, x.Positive, x.PostingDate, x.EntryNo })
                .HasDatabaseName("ix_open_item_entries_application_order"); // the default name passes PostgreSQL's 63 characters
        });

        model.Entity<ItemApplicationEntry>(e =>
        {
            e.ToTable("ItemApplicationEntries");
            e.HasKey(x => new { x.TenantId, x.EntryNo });
            e.Property(x => x.EntryNo).ValueGeneratedNever();
            e.HasIndex(x => new { x.TenantId, x.ItemId, x.EntryNo });
            e.HasIndex(x => new { x.TenantId, x.InboundEntryNo });
            e.HasIndex(x => new { x.TenantId, x.OutboundEntryNo });
        });

        model.Entity<ValueEntry>(e =>
        {
            e.ToTable("ValueEntries");
            e.HasKey(x => new { x.TenantId, x.EntryNo });
            e.Property(x => x.EntryNo).ValueGeneratedNever();
            e.Property(x => x.ItemNo).HasMaxLength(Code);
            e.Property(x => x.EntryType).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.ItemLedgerEntryType).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.DocumentNo).HasMaxLength(ItemLedgerEntry.DocumentNoLength);
            e.Property(x => x.LocationCode).HasMaxLength(10);
            e.Property(x => x.GenBusPostingGroup).HasMaxLength(Code);
            e.Property(x => x.GenProdPostingGroup).HasMaxLength(Code);
            e.Property(x => x.InventoryPostingGroup).HasMaxLength(Code);
            e.HasIndex(x => new { x.TenantId, x.ItemId, x.EntryNo });
            e.HasIndex(x => new { x.TenantId, x.ItemLedgerEntryNo });
            e.HasIndex(x => new { x.TenantId, x.ItemId, x.ValuationDate }); // Average items: the value before a period (ADR 008)
            e.HasIndex(x => new { x.TenantId, x.DocumentNo }); // Navigate
        });

        model.Entity<GLEntry>(e =>
        {
            e.ToTable("GLEntries");
            e.HasKey(x => new { x.TenantId, x.EntryNo });
            e.Property(x => x.EntryNo).ValueGeneratedNever();
            e.Property(x => x.GLAccountNo).HasMaxLength(GLAccount.NumberLength);
            e.Property(x => x.DocumentNo).HasMaxLength(ItemLedgerEntry.DocumentNoLength);
            e.Property(x => x.Description).HasMaxLength(ItemLedgerEntry.DescriptionLength);
            e.Property(x => x.SourceCode).HasMaxLength(GLRegister.SourceCodeLength);
            e.HasIndex(x => new { x.TenantId, x.GLAccountNo, x.PostingDate });
            e.HasIndex(x => new { x.TenantId, x.PostingDate });
            e.HasIndex(x => new { x.TenantId, x.DocumentNo }); // Navigate
            e.HasIndex(x => new { x.TenantId, x.ValueEntryNo }); // a value entry's G/L entries
        });

        model.Entity<GLRegister>(e =>
        {
            e.ToTable("GLRegisters");
            e.HasKey(x => new { x.TenantId, x.No });
            e.Property(x => x.No).ValueGeneratedNever();
            e.Property(x => x.SourceCode).HasMaxLength(GLRegister.SourceCodeLength);
            e.Property(x => x.IdempotencyKey).HasMaxLength(GLRegister.IdempotencyKeyLength);
            e.Property(x => x.RequestHash).HasMaxLength(PostingIdempotency.HashLength);
            e.HasIndex(x => new { x.TenantId, x.IdempotencyKey }).IsUnique();
        });
    }
}
