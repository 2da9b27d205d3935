using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Saas.Write.Common;
using Saas.Contracts;
using Saas.Tenancy.Context;
using Saas.Tenancy.Storage;
using Saas.Write.Finance;
using Saas.Write.Finance.Posting;
using Saas.Write.Finance.Setup;
using Saas.Write.Inventory;
using Saas.Write.Inventory.Catalog;
using Saas.Write.Inventory.Ledger;
using Saas.Write.Inventory.Transfers;
using Saas.Write.Outbox;
using Saas.Write.Purchasing;
using Saas.Write.Sales;
using Saas.Write.Setup;
using Saas.Write.Workspace;

namespace Saas.Write;

/// <summary>
/// The write model: master data, number series and the outbox, in the tenant's data database (pooled or
/// siloed). Every tenant-owned set is filtered by the tenant in scope; without one, queries throw.
/// </summary>
public sealed class WriteDbContext(DbContextOptions<WriteDbContext> options, TenantContext tenants, OutboxSignal signal)
    : DbContext(options), ITenantDbContext
{
    public const string HistoryTable = "__write_migrations";

    public Guid CurrentTenantId => tenants.TenantId;

    public DbSet<Item> Items => Set<Item>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Vendor> Vendors => Set<Vendor>();
    public DbSet<Location> Locations => Set<Location>();
    public DbSet<NoSeries> NoSeries => Set<NoSeries>();
    public DbSet<UnitOfMeasure> UnitsOfMeasure => Set<UnitOfMeasure>();
    public DbSet<ItemCategory> ItemCategories => Set<ItemCategory>();
    public DbSet<ItemAttribute> ItemAttributes => Set<ItemAttribute>();
    public DbSet<ItemAttributeValue> ItemAttributeValues => Set<ItemAttributeValue>();
    public DbSet<CatalogItem> CatalogItems => Set<CatalogItem>();
    public DbSet<ItemReference> ItemReferences => Set<ItemReference>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<GLAccount> GLAccounts => Set<GLAccount>();
    public DbSet<PostingGroup> PostingGroups => Set<PostingGroup>();
    public DbSet<GeneralPostingSetup> GeneralPostingSetups => Set<GeneralPostingSetup>();
    public DbSet<InventoryPostingSetup> InventoryPostingSetups => Set<InventoryPostingSetup>();
    public DbSet<VatPostingSetup> VatPostingSetups => Set<VatPostingSetup>();
    public DbSet<GeneralLedgerSetup> GeneralLedgerSetups => Set<GeneralLedgerSetup>();
    public DbSet<PostingCounters> PostingCounters => Set<PostingCounters>();
    public DbSet<CostAdjustmentEntryPoint> CostAdjustmentEntryPoints => Set<CostAdjustmentEntryPoint>();
    public DbSet<AverageItemTotals> AverageItemTotals => Set<AverageItemTotals>();
    public DbSet<ItemLedgerEntry> ItemLedgerEntries => Set<ItemLedgerEntry>();
    public DbSet<OpenItemEntry> OpenItemEntries => Set<OpenItemEntry>();
    public DbSet<ItemApplicationEntry> ItemApplicationEntries => Set<ItemApplicationEntry>();
    public DbSet<ValueEntry> ValueEntries => Set<ValueEntry>();
    public DbSet<GLEntry> GLEntries => Set<GLEntry>();
    public DbSet<GLRegister> GLRegisters => Set<GLRegister>();
    public DbSet<Inventory.Journals.ItemJournalBatch> ItemJournalBatches => Set<Inventory.Journals.ItemJournalBatch>();
    public DbSet<Inventory.Journals.ItemJournalBatchLine> ItemJournalBatchLines => Set<Inventory.Journals.ItemJournalBatchLine>();
    public DbSet<TransferHeader> TransferHeaders => Set<TransferHeader>();
    public DbSet<TransferLine> TransferLines => Set<TransferLine>();
    public DbSet<PostedTransferDocument> PostedTransferDocuments => Set<PostedTransferDocument>();
    public DbSet<PostedTransferLine> PostedTransferLines => Set<PostedTransferLine>();
    public DbSet<SavedView> SavedViews => Set<SavedView>();
    public DbSet<BackgroundJob> BackgroundJobs => Set<BackgroundJob>();

    /// <summary>
    /// Adds the event to the outbox of this unit of work; it commits with the next SaveChanges or not at all.
    /// Returns its message id, the read position of the change.
    /// </summary>
    private bool outboxAwaitsCommit;

    public Guid Enqueue(ITenantEvent message, DateTime nowUtc)
    {
        var row = OutboxMessage.For(message, nowUtc);
        Outbox.Add(row);
        return row.MessageId;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var outboxAdded = ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (outboxAdded && Database.CurrentTransaction is null)
        {
            signal.Notify();
        }
        else if (outboxAdded)
        {
            outboxAwaitsCommit = true;
        }

        return saved;
    }

    /// <summary>Called by <see cref="OutboxCommitSignal"/> when this context's transaction commits.</summary>
    internal void OnCommitted()
    {
        if (outboxAwaitsCommit)
        {
            outboxAwaitsCommit = false;
            signal.Notify();
        }
    }

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.AddInterceptors(OutboxCommitSignal.Instance);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite hands DateTimes back unspecified; every instant here is UTC, so say so on the way in.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Item>(item =>
        {
            item.ToTable("Items");
            item.HasKey(i => new { i.TenantId, i.Id });
            item.HasIndex(i => new { i.TenantId, i.Number }).IsUnique();
            item.Property(i => i.Number).HasMaxLength(Item.NumberLength);
            item.Property(i => i.DisplayName).HasMaxLength(Item.DisplayNameLength);
            item.Property(i => i.Type).HasConversion<string>().HasMaxLength(20);
            item.Property(i => i.BaseUnitOfMeasureCode).HasMaxLength(Item.UnitOfMeasureLength);
            item.Property(i => i.CostingMethod).HasConversion<string>().HasMaxLength(20);
            item.Property(i => i.ItemCategoryCode).HasMaxLength(Item.CategoryLength);
            item.Property(i => i.Version).IsConcurrencyToken();
            // Added to an existing table: the column default fills rows that were there before.
            item.Property(i => i.GenProdPostingGroup).HasMaxLength(PostingGroup.CodeLength).HasDefaultValue("");
            item.Property(i => i.InventoryPostingGroup).HasMaxLength(PostingGroup.CodeLength).HasDefaultValue("");
            item.Property(i => i.VatProdPostingGroup).HasMaxLength(PostingGroup.CodeLength).HasDefaultValue("");
        });

        modelBuilder.Entity<Customer>(customer =>
        {
            customer.ToTable("Customers");
            customer.HasKey(c => new { c.TenantId, c.Id });
            customer.HasIndex(c => new { c.TenantId, c.Number }).IsUnique();
            customer.Property(c => c.Number).HasMaxLength(Customer.NumberLength);
            customer.Property(c => c.DisplayName).HasMaxLength(Customer.DisplayNameLength);
            ConfigureAddress(customer);
            customer.Property(c => c.PhoneNumber).HasMaxLength(Customer.PhoneLength);
            customer.Property(c => c.Email).HasMaxLength(Customer.EmailLength);
            customer.Property(c => c.CurrencyCode).HasMaxLength(Customer.CurrencyLength);
            customer.Property(c => c.PaymentTermsCode).HasMaxLength(Customer.PaymentTermsLength);
            customer.Property(c => c.Blocked).HasConversion<string>().HasMaxLength(20);
            customer.Property(c => c.ShippingAdvice).HasConversion<string>().HasMaxLength(20);
            customer.Property(c => c.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<Vendor>(vendor =>
        {
            vendor.ToTable("Vendors");
            vendor.HasKey(v => new { v.TenantId, v.Id });
            vendor.HasIndex(v => new { v.TenantId, v.Number }).IsUnique();
            vendor.Property(v => v.Number).HasMaxLength(Vendor.NumberLength);
            vendor.Property(v => v.DisplayName).HasMaxLength(Vendor.DisplayNameLength);
            ConfigureAddress(vendor);
            vendor.Property(v => v.PhoneNumber).HasMaxLength(Vendor.PhoneLength);
            vendor.Property(v => v.Email).HasMaxLength(Vendor.EmailLength);
            vendor.Property(v => v.CurrencyCode).HasMaxLength(Vendor.CurrencyLength);
            vendor.Property(v => v.PaymentTermsCode).HasMaxLength(Vendor.PaymentTermsLength);
            vendor.Property(v => v.Blocked).HasConversion<string>().HasMaxLength(20);
            vendor.Property(v => v.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<Location>(location =>
        {
            location.ToTable("Locations");
            location.HasKey(l => new { l.TenantId, l.Id });
            location.HasIndex(l => new { l.TenantId, l.Code }).IsUnique();
            location.Property(l => l.Code).HasMaxLength(Location.CodeLength);
            location.Property(l => l.DisplayName).HasMaxLength(Location.DisplayNameLength);
            ConfigureAddress(location);
            location.Property(l => l.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<NoSeries>(series =>
        {
            series.ToTable("NoSeries");
            series.HasKey(s => new { s.TenantId, s.Code });
            series.Property(s => s.Code).HasMaxLength(Setup.NoSeries.CodeLength);
            series.Property(s => s.Description).HasMaxLength(Setup.NoSeries.DescriptionLength);
            series.Property(s => s.StartingNo).HasMaxLength(Setup.NoSeries.CodeLength);
            series.Property(s => s.LastNoUsed).HasMaxLength(Setup.NoSeries.CodeLength);
            series.Property(s => s.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<UnitOfMeasure>(unit =>
        {
            unit.ToTable("UnitsOfMeasure");
            unit.HasKey(u => new { u.TenantId, u.Code });
            unit.Property(u => u.Code).HasMaxLength(UnitOfMeasure.CodeLength);
            unit.Property(u => u.Description).HasMaxLength(UnitOfMeasure.DescriptionLength);
            unit.Property(u => u.InternationalStandardCode).HasMaxLength(UnitOfMeasure.InternationalStandardCodeLength);
        });

        ConfigureItemCatalog(modelBuilder);

        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("Outbox");
            outbox.HasKey(o => o.Id);
            outbox.Property(o => o.Id).ValueGeneratedOnAdd();
            outbox.HasIndex(o => o.MessageId).IsUnique();

            // The dispatcher's scan: only unpublished rows, so the index stays small however long rows are kept.
            outbox.HasIndex(o => new { o.NextAttemptUtc, o.Id }).HasFilter("published_utc IS NULL");
            outbox.Property(o => o.Type).HasMaxLength(OutboxMessage.TypeLength);
            outbox.Property(o => o.LastError).HasMaxLength(OutboxMessage.ErrorLength);
        });

        PostingModel.Configure(modelBuilder);
        Inventory.Journals.ItemJournalModel.Configure(modelBuilder);
        TransferModel.Configure(modelBuilder);
        WorkspaceModel.Configure(modelBuilder);
        modelBuilder.ApplyTenantQueryFilters(this);
        modelBuilder.ApplySnakeCaseNames();
    }

    /// <summary>Item categories, attributes and their values, catalog (nonstock) items and item references.</summary>
    private static void ConfigureItemCatalog(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ItemCategory>(category =>
        {
            category.ToTable("ItemCategories");
            category.HasKey(c => new { c.TenantId, c.Id });
            category.HasIndex(c => new { c.TenantId, c.Code }).IsUnique();

            // "Has children?" is asked on every delete and move.
            category.HasIndex(c => new { c.TenantId, c.ParentCategory });
            category.Property(c => c.Code).HasMaxLength(ItemCategory.CodeLength);
            category.Property(c => c.DisplayName).HasMaxLength(ItemCategory.DisplayNameLength);
            category.Property(c => c.ParentCategory).HasMaxLength(ItemCategory.CodeLength);
            category.Property(c => c.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<ItemAttribute>(attribute =>
        {
            attribute.ToTable("ItemAttributes");
            attribute.HasKey(a => new { a.TenantId, a.Id });
            attribute.HasIndex(a => new { a.TenantId, a.NormalizedName }).IsUnique();
            attribute.Property(a => a.Name).HasMaxLength(ItemAttribute.NameLength);
            attribute.Property(a => a.NormalizedName).HasMaxLength(ItemAttribute.NameLength);
            attribute.Property(a => a.Type).HasConversion<string>().HasMaxLength(20);
            attribute.Property(a => a.UnitOfMeasure).HasMaxLength(ItemAttribute.UnitOfMeasureLength);
            attribute.Ignore(a => a.Options);
            attribute.Property(a => a.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<ItemAttributeValue>(value =>
        {
            value.ToTable("ItemAttributeValues");
            value.HasKey(v => new { v.TenantId, v.Id });
            value.HasIndex(v => new { v.TenantId, v.OwnerType, v.OwnerId, v.AttributeId }).IsUnique()
                .HasDatabaseName("ix_item_attribute_values_owner_attribute"); // the default name passes PostgreSQL's 63 characters

            // "Is this attribute (or option) in use?" before a type or option change.
            value.HasIndex(v => new { v.TenantId, v.AttributeId });
            value.Property(v => v.OwnerType).HasConversion<string>().HasMaxLength(20);
            value.Property(v => v.Value).HasMaxLength(ItemAttribute.ValueLength);
            value.Property(v => v.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<CatalogItem>(item =>
        {
            item.ToTable("CatalogItems");
            item.HasKey(i => new { i.TenantId, i.Id });
            item.HasIndex(i => new { i.TenantId, i.EntryNumber }).IsUnique();
            item.Property(i => i.EntryNumber).HasMaxLength(CatalogItem.EntryNumberLength);
            item.Property(i => i.DisplayName).HasMaxLength(CatalogItem.DisplayNameLength);
            item.Property(i => i.ManufacturerCode).HasMaxLength(CatalogItem.ManufacturerCodeLength);
            item.Property(i => i.VendorNumber).HasMaxLength(CatalogItem.VendorNumberLength);
            item.Property(i => i.VendorItemNumber).HasMaxLength(CatalogItem.VendorItemNumberLength);
            item.Property(i => i.UnitOfMeasureCode).HasMaxLength(Item.UnitOfMeasureLength);
            item.Property(i => i.ItemCategoryCode).HasMaxLength(ItemCategory.CodeLength);
            item.Property(i => i.ItemNumber).HasMaxLength(Item.NumberLength);
            item.Property(i => i.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<ItemReference>(reference =>
        {
            reference.ToTable("ItemReferences");
            reference.HasKey(r => new { r.TenantId, r.Id });

            // One reference number names one item per type and type number; also the index of the look-up.
            reference.HasIndex(r => new { r.TenantId, r.ReferenceType, r.ReferenceTypeNumber, r.ReferenceNumber }).IsUnique()
                .HasDatabaseName("ix_item_references_reference"); // the default name passes PostgreSQL's 63 characters
            reference.HasIndex(r => new { r.TenantId, r.ItemId });
            reference.Property(r => r.ReferenceType).HasConversion<string>().HasMaxLength(20);
            reference.Property(r => r.ReferenceTypeNumber).HasMaxLength(ItemReference.ReferenceTypeNumberLength);
            reference.Property(r => r.ReferenceNumber).HasMaxLength(ItemReference.ReferenceNumberLength);
            reference.Property(r => r.UnitOfMeasureCode).HasMaxLength(Item.UnitOfMeasureLength);
            reference.Property(r => r.Description).HasMaxLength(ItemReference.DescriptionLength);
            reference.Property(r => r.Version).IsConcurrencyToken();
        });
    }

    private static void ConfigureAddress<T>(EntityTypeBuilder<T> entity)
        where T : class, IHasAddress
    {
        entity.Property(e => e.AddressLine1).HasMaxLength(AddressInput.AddressLine1Length);
        entity.Property(e => e.AddressLine2).HasMaxLength(AddressInput.AddressLine2Length);
        entity.Property(e => e.City).HasMaxLength(AddressInput.CityLength);
        entity.Property(e => e.State).HasMaxLength(AddressInput.StateLength);
        entity.Property(e => e.PostalCode).HasMaxLength(AddressInput.PostalCodeLength);
        entity.Property(e => e.Country).HasMaxLength(AddressInput.CountryLength);
    }
}
