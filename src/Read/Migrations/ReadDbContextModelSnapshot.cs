using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Saas.Read.Migrations;

/// <summary>
/// Hand-written model snapshot (EF's Design package is not available here): the model as of the last
/// migration. EF compares it with the current model when migrating, so a model change without a new
/// migration (and an updated snapshot) fails loudly; a test checks there are no pending changes.
/// </summary>
[DbContext(typeof(ReadDbContext))]
public sealed class ReadDbContextModelSnapshot : ModelSnapshot
{
    protected override void BuildModel(ModelBuilder modelBuilder)
    {
        modelBuilder.HasAnnotation("ProductVersion", "10.0.0");

        modelBuilder.Entity("Saas.Read.MasterData.ItemRow", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<Guid>("Id").HasColumnName("id");
            b.Property<string>("Number").IsRequired().HasColumnName("number");
            b.Property<string>("DisplayName").IsRequired().HasColumnName("display_name");
            b.Property<string>("Type").IsRequired().HasColumnName("type");
            b.Property<string>("BaseUnitOfMeasureCode").IsRequired().HasColumnName("base_unit_of_measure_code");
            b.Property<decimal>("UnitPrice").HasColumnName("unit_price");
            b.Property<decimal>("UnitCost").HasColumnName("unit_cost");
            b.Property<string>("CostingMethod").IsRequired().HasColumnName("costing_method");
            b.Property<string>("ItemCategoryCode").IsRequired().HasColumnName("item_category_code");
            b.Property<bool>("Blocked").HasColumnName("blocked");
            b.Property<bool>("SalesBlocked").HasColumnName("sales_blocked");
            b.Property<bool>("PurchasingBlocked").HasColumnName("purchasing_blocked");
            b.Property<DateTime>("LastModifiedUtc").HasColumnName("last_modified_utc");
            b.Property<long>("Version").HasColumnName("version");
            b.HasKey("TenantId", "Id").HasName("pk_item_list");
            b.HasIndex("TenantId", "Number").HasDatabaseName("ix_item_list_tenant_id_number");
            b.ToTable("item_list");
        });

        modelBuilder.Entity("Saas.Read.MasterData.CustomerRow", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<Guid>("Id").HasColumnName("id");
            b.Property<string>("Number").IsRequired().HasColumnName("number");
            b.Property<string>("DisplayName").IsRequired().HasColumnName("display_name");
            b.Property<string>("AddressLine1").IsRequired().HasColumnName("address_line1");
            b.Property<string>("AddressLine2").IsRequired().HasColumnName("address_line2");
            b.Property<string>("City").IsRequired().HasColumnName("city");
            b.Property<string>("State").IsRequired().HasColumnName("state");
            b.Property<string>("PostalCode").IsRequired().HasColumnName("postal_code");
            b.Property<string>("Country").IsRequired().HasColumnName("country");
            b.Property<string>("PhoneNumber").IsRequired().HasColumnName("phone_number");
            b.Property<string>("Email").IsRequired().HasColumnName("email");
            b.Property<string>("CurrencyCode").IsRequired().HasColumnName("currency_code");
            b.Property<string>("PaymentTermsCode").IsRequired().HasColumnName("payment_terms_code");
            b.Property<decimal>("CreditLimit").HasColumnName("credit_limit");
            b.Property<string>("Blocked").IsRequired().HasColumnName("blocked");
            b.Property<string>("ShippingAdvice").IsRequired().HasColumnName("shipping_advice");
            b.Property<DateTime>("LastModifiedUtc").HasColumnName("last_modified_utc");
            b.Property<long>("Version").HasColumnName("version");
            b.HasKey("TenantId", "Id").HasName("pk_customer_list");
            b.HasIndex("TenantId", "Number").HasDatabaseName("ix_customer_list_tenant_id_number");
            b.ToTable("customer_list");
        });

        modelBuilder.Entity("Saas.Read.MasterData.VendorRow", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<Guid>("Id").HasColumnName("id");
            b.Property<string>("Number").IsRequired().HasColumnName("number");
            b.Property<string>("DisplayName").IsRequired().HasColumnName("display_name");
            b.Property<string>("AddressLine1").IsRequired().HasColumnName("address_line1");
            b.Property<string>("AddressLine2").IsRequired().HasColumnName("address_line2");
            b.Property<string>("City").IsRequired().HasColumnName("city");
            b.Property<string>("State").IsRequired().HasColumnName("state");
            b.Property<string>("PostalCode").IsRequired().HasColumnName("postal_code");
            b.Property<string>("Country").IsRequired().HasColumnName("country");
            b.Property<string>("PhoneNumber").IsRequired().HasColumnName("phone_number");
            b.Property<string>("Email").IsRequired().HasColumnName("email");
            b.Property<string>("CurrencyCode").IsRequired().HasColumnName("currency_code");
            b.Property<string>("PaymentTermsCode").IsRequired().HasColumnName("payment_terms_code");
            b.Property<string>("Blocked").IsRequired().HasColumnName("blocked");
            b.Property<DateTime>("LastModifiedUtc").HasColumnName("last_modified_utc");
            b.Property<long>("Version").HasColumnName("version");
            b.HasKey("TenantId", "Id").HasName("pk_vendor_list");
            b.HasIndex("TenantId", "Number").HasDatabaseName("ix_vendor_list_tenant_id_number");
            b.ToTable("vendor_list");
        });

        modelBuilder.Entity("Saas.Read.MasterData.LocationRow", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<Guid>("Id").HasColumnName("id");
            b.Property<string>("Code").IsRequired().HasColumnName("code");
            b.Property<string>("DisplayName").IsRequired().HasColumnName("display_name");
            b.Property<string>("AddressLine1").IsRequired().HasColumnName("address_line1");
            b.Property<string>("AddressLine2").IsRequired().HasColumnName("address_line2");
            b.Property<string>("City").IsRequired().HasColumnName("city");
            b.Property<string>("State").IsRequired().HasColumnName("state");
            b.Property<string>("PostalCode").IsRequired().HasColumnName("postal_code");
            b.Property<string>("Country").IsRequired().HasColumnName("country");
            b.Property<bool>("UseAsInTransit").HasColumnName("use_as_in_transit");
            b.Property<DateTime>("LastModifiedUtc").HasColumnName("last_modified_utc");
            b.Property<long>("Version").HasColumnName("version");
            b.HasKey("TenantId", "Id").HasName("pk_location_list");
            b.HasIndex("TenantId", "Code").HasDatabaseName("ix_location_list_tenant_id_code");
            b.ToTable("location_list");
        });

        modelBuilder.Entity("Saas.Read.Inventory.ItemCategoryRow", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<Guid>("Id").HasColumnName("id");
            b.Property<string>("Code").IsRequired().HasColumnName("code");
            b.Property<string>("DisplayName").IsRequired().HasColumnName("display_name");
            b.Property<string>("ParentCategory").IsRequired().HasColumnName("parent_category");
            b.Property<bool>("Deleted").HasColumnName("deleted");
            b.Property<DateTime>("LastModifiedUtc").HasColumnName("last_modified_utc");
            b.Property<long>("Version").HasColumnName("version");
            b.HasKey("TenantId", "Id").HasName("pk_item_category_list");
            b.HasIndex("TenantId", "Code").HasDatabaseName("ix_item_category_list_tenant_id_code");
            b.ToTable("item_category_list");
        });

        modelBuilder.Entity("Saas.Read.Inventory.ItemAttributeRow", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<Guid>("Id").HasColumnName("id");
            b.Property<string>("Name").IsRequired().HasColumnName("name");
            b.Property<string>("Type").IsRequired().HasColumnName("type");
            b.Property<string>("OptionValues").IsRequired().HasColumnName("option_values");
            b.Property<string>("UnitOfMeasure").IsRequired().HasColumnName("unit_of_measure");
            b.Property<bool>("Blocked").HasColumnName("blocked");
            b.Property<DateTime>("LastModifiedUtc").HasColumnName("last_modified_utc");
            b.Property<long>("Version").HasColumnName("version");
            b.HasKey("TenantId", "Id").HasName("pk_item_attribute_list");
            b.HasIndex("TenantId", "Name").HasDatabaseName("ix_item_attribute_list_tenant_id_name");
            b.ToTable("item_attribute_list");
        });

        modelBuilder.Entity("Saas.Read.Inventory.ItemAttributeValueRow", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<Guid>("Id").HasColumnName("id");
            b.Property<string>("OwnerType").IsRequired().HasColumnName("owner_type");
            b.Property<Guid>("OwnerId").HasColumnName("owner_id");
            b.Property<Guid>("AttributeId").HasColumnName("attribute_id");
            b.Property<string>("Value").IsRequired().HasColumnName("value");
            b.Property<bool>("Deleted").HasColumnName("deleted");
            b.Property<DateTime>("LastModifiedUtc").HasColumnName("last_modified_utc");
            b.Property<long>("Version").HasColumnName("version");
            b.HasKey("TenantId", "Id").HasName("pk_item_attribute_value_list");
            b.HasIndex("TenantId", "OwnerId").HasDatabaseName("ix_item_attribute_value_list_tenant_id_owner_id");
            b.ToTable("item_attribute_value_list");
        });

        modelBuilder.Entity("Saas.Read.Inventory.CatalogItemRow", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<Guid>("Id").HasColumnName("id");
            b.Property<string>("EntryNumber").IsRequired().HasColumnName("entry_number");
            b.Property<string>("DisplayName").IsRequired().HasColumnName("display_name");
            b.Property<string>("ManufacturerCode").IsRequired().HasColumnName("manufacturer_code");
            b.Property<string>("VendorNumber").IsRequired().HasColumnName("vendor_number");
            b.Property<string>("VendorItemNumber").IsRequired().HasColumnName("vendor_item_number");
            b.Property<string>("UnitOfMeasureCode").IsRequired().HasColumnName("unit_of_measure_code");
            b.Property<decimal>("UnitPrice").HasColumnName("unit_price");
            b.Property<decimal>("UnitCost").HasColumnName("unit_cost");
            b.Property<string>("ItemCategoryCode").IsRequired().HasColumnName("item_category_code");
            b.Property<Guid?>("ItemId").HasColumnName("item_id");
            b.Property<string>("ItemNumber").IsRequired().HasColumnName("item_number");
            b.Property<DateTime>("LastModifiedUtc").HasColumnName("last_modified_utc");
            b.Property<long>("Version").HasColumnName("version");
            b.HasKey("TenantId", "Id").HasName("pk_catalog_item_list");
            b.HasIndex("TenantId", "EntryNumber").HasDatabaseName("ix_catalog_item_list_tenant_id_entry_number");
            b.ToTable("catalog_item_list");
        });

        modelBuilder.Entity("Saas.Read.Inventory.ItemReferenceRow", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<Guid>("Id").HasColumnName("id");
            b.Property<Guid>("ItemId").HasColumnName("item_id");
            b.Property<string>("ReferenceType").IsRequired().HasColumnName("reference_type");
            b.Property<string>("ReferenceTypeNumber").IsRequired().HasColumnName("reference_type_number");
            b.Property<string>("ReferenceNumber").IsRequired().HasColumnName("reference_number");
            b.Property<string>("UnitOfMeasureCode").IsRequired().HasColumnName("unit_of_measure_code");
            b.Property<string>("Description").IsRequired().HasColumnName("description");
            b.Property<bool>("Deleted").HasColumnName("deleted");
            b.Property<DateTime>("LastModifiedUtc").HasColumnName("last_modified_utc");
            b.Property<long>("Version").HasColumnName("version");
            b.HasKey("TenantId", "Id").HasName("pk_item_reference_list");
            b.HasIndex("TenantId", "ReferenceNumber").HasDatabaseName("ix_item_reference_list_tenant_id_reference_number");
            b.ToTable("item_reference_list");
        });

        modelBuilder.Entity("Saas.Read.Inventory.ItemLocationInventoryRow", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<Guid>("ItemId").HasColumnName("item_id");
            b.Property<string>("LocationCode").IsRequired().HasColumnName("location_code");
            b.Property<decimal>("Quantity").HasColumnName("quantity");
            b.Property<decimal>("CostAmount").HasColumnName("cost_amount");
            b.HasKey("TenantId", "ItemId", "LocationCode").HasName("pk_item_location_inventory");
            b.ToTable("item_location_inventory");
        });

        modelBuilder.Entity("Saas.Read.Inventory.InventoryProjectedRegisterRow", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<long>("RegisterNo").HasColumnName("register_no");
            b.HasKey("TenantId", "RegisterNo").HasName("pk_inventory_projected_register");
            b.ToTable("inventory_projected_register");
        });

        modelBuilder.Entity("Saas.Read.MasterData.InboxRow", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<Guid>("MessageId").HasColumnName("message_id");
            b.Property<string>("Consumer").IsRequired().HasMaxLength(100).HasColumnName("consumer");
            b.Property<DateTime>("ProcessedUtc").HasColumnName("processed_utc");
            b.HasKey("TenantId", "MessageId", "Consumer").HasName("pk_inbox");
            b.ToTable("inbox");
        });

    }
}
