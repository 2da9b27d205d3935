using Microsoft.EntityFrameworkCore;
using Saas.Read.Inventory;
using Saas.Read.MasterData;
using Saas.Tenancy.Storage;

namespace Saas.Read;

/// <summary>
/// Owns the read tables' schema (migrations, and row-level security derived from it). Never queried:
/// queries and projections go through Dapper and <see cref="TenantDb"/>.
/// </summary>
/// <remarks>
/// Text columns have no length limits: the write side enforces them, and a read table must accept whatever
/// the write side produced, even after a write-side length grows. Number indexes are not unique either:
/// events of different items can arrive out of order while a number moves from one item to another.
/// </remarks>
public sealed class ReadDbContext(DbContextOptions<ReadDbContext> options) : DbContext(options)
{
    public const string HistoryTable = "__read_migrations";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ItemRow>(item =>
        {
            item.ToTable("ItemList");
            item.HasKey(i => new { i.TenantId, i.Id });
            item.HasIndex(i => new { i.TenantId, i.Number });
        });

        modelBuilder.Entity<CustomerRow>(customer =>
        {
            customer.ToTable("CustomerList");
            customer.HasKey(c => new { c.TenantId, c.Id });
            customer.HasIndex(c => new { c.TenantId, c.Number });
        });

        modelBuilder.Entity<VendorRow>(vendor =>
        {
            vendor.ToTable("VendorList");
            vendor.HasKey(v => new { v.TenantId, v.Id });
            vendor.HasIndex(v => new { v.TenantId, v.Number });
        });

        modelBuilder.Entity<LocationRow>(location =>
        {
            location.ToTable("LocationList");
            location.HasKey(l => new { l.TenantId, l.Id });
            location.HasIndex(l => new { l.TenantId, l.Code });
        });

        modelBuilder.Entity<ItemCategoryRow>(category =>
        {
            category.ToTable("ItemCategoryList");
            category.HasKey(c => new { c.TenantId, c.Id });
            category.HasIndex(c => new { c.TenantId, c.Code });
        });

        modelBuilder.Entity<ItemAttributeRow>(attribute =>
        {
            attribute.ToTable("ItemAttributeList");
            attribute.HasKey(a => new { a.TenantId, a.Id });
            attribute.HasIndex(a => new { a.TenantId, a.Name });
            attribute.Ignore(a => a.Options);
        });

        modelBuilder.Entity<ItemAttributeValueRow>(value =>
        {
            value.ToTable("ItemAttributeValueList");
            value.HasKey(v => new { v.TenantId, v.Id });
            value.HasIndex(v => new { v.TenantId, v.OwnerId });
        });

        modelBuilder.Entity<CatalogItemRow>(item =>
        {
            item.ToTable("CatalogItemList");
            item.HasKey(i => new { i.TenantId, i.Id });
            item.HasIndex(i => new { i.TenantId, i.EntryNumber });
        });

        modelBuilder.Entity<ItemReferenceRow>(reference =>
        {
            reference.ToTable("ItemReferenceList");
            reference.HasKey(r => new { r.TenantId, r.Id });
            reference.HasIndex(r => new { r.TenantId, r.ReferenceNumber });
        });

        modelBuilder.Entity<ItemLocationInventoryRow>(inventory =>
        {
            inventory.ToTable("ItemLocationInventory");
            inventory.HasKey(i => new { i.TenantId, i.ItemId, i.LocationCode });
        });

        modelBuilder.Entity<InventoryProjectedRegisterRow>(register =>
        {
            register.ToTable("InventoryProjectedRegister");
            register.HasKey(r => new { r.TenantId, r.RegisterNo });
        });

        modelBuilder.Entity<InboxRow>(inbox =>
        {
            inbox.ToTable("Inbox");
            inbox.HasKey(i => new { i.TenantId, i.MessageId, i.Consumer });
            inbox.Property(i => i.Consumer).HasMaxLength(InboxRow.ConsumerLength);
        });

        modelBuilder.ApplySnakeCaseNames();
    }
}
