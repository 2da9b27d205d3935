using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Saas.Write.Migrations;

/// <summary>
/// Hand-written model snapshot (EF's Design package is not available here): the model as of the last
/// migration. EF compares it with the current model when migrating, so a model change without a new
/// migration (and an updated snapshot) fails loudly; a test checks there are no pending changes.
/// </summary>
[DbContext(typeof(WriteDbContext))]
public sealed class WriteDbContextModelSnapshot : ModelSnapshot
{
    protected override void BuildModel(ModelBuilder modelBuilder)
    {
        modelBuilder.HasAnnotation("ProductVersion", "10.0.0");

        modelBuilder.Entity("Saas.Write.Inventory.Item", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<Guid>("Id").HasColumnName("id");
            b.Property<string>("Number").IsRequired().HasMaxLength(20).HasColumnName("number");
            b.Property<string>("DisplayName").IsRequired().HasMaxLength(100).HasColumnName("display_name");
            b.Property<string>("Type").IsRequired().HasMaxLength(20).HasColumnName("type");
            b.Property<string>("BaseUnitOfMeasureCode").IsRequired().HasMaxLength(10).HasColumnName("base_unit_of_measure_code");
            b.Property<decimal>("UnitPrice").HasColumnName("unit_price");
            b.Property<decimal>("UnitCost").HasColumnName("unit_cost");
            b.Property<string>("CostingMethod").IsRequired().HasMaxLength(20).HasColumnName("costing_method");
            b.Property<string>("ItemCategoryCode").IsRequired().HasMaxLength(20).HasColumnName("item_category_code");
            b.Property<bool>("Blocked").HasColumnName("blocked");
            b.Property<bool>("SalesBlocked").HasColumnName("sales_blocked");
            b.Property<bool>("PurchasingBlocked").HasColumnName("purchasing_blocked");
            b.Property<DateTime>("LastModifiedUtc").HasColumnName("last_modified_utc");
            b.Property<long>("Version").IsConcurrencyToken().HasColumnName("version");
            b.HasKey("TenantId", "Id").HasName("pk_items");
            b.HasIndex("TenantId", "Number").IsUnique().HasDatabaseName("ix_items_tenant_id_number");
            b.ToTable("items");
        });

        modelBuilder.Entity("Saas.Write.Sales.Customer", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<Guid>("Id").HasColumnName("id");
            b.Property<string>("Number").IsRequired().HasMaxLength(20).HasColumnName("number");
            b.Property<string>("DisplayName").IsRequired().HasMaxLength(100).HasColumnName("display_name");
            b.Property<string>("AddressLine1").IsRequired().HasMaxLength(100).HasColumnName("address_line1");
            b.Property<string>("AddressLine2").IsRequired().HasMaxLength(50).HasColumnName("address_line2");
            b.Property<string>("City").IsRequired().HasMaxLength(30).HasColumnName("city");
            b.Property<string>("State").IsRequired().HasMaxLength(30).HasColumnName("state");
            b.Property<string>("PostalCode").IsRequired().HasMaxLength(20).HasColumnName("postal_code");
            b.Property<string>("Country").IsRequired().HasMaxLength(10).HasColumnName("country");
            b.Property<string>("PhoneNumber").IsRequired().HasMaxLength(30).HasColumnName("phone_number");
            b.Property<string>("Email").IsRequired().HasMaxLength(80).HasColumnName("email");
            b.Property<string>("CurrencyCode").IsRequired().HasMaxLength(10).HasColumnName("currency_code");
            b.Property<string>("PaymentTermsCode").IsRequired().HasMaxLength(10).HasColumnName("payment_terms_code");
            b.Property<decimal>("CreditLimit").HasColumnName("credit_limit");
            b.Property<string>("Blocked").IsRequired().HasMaxLength(20).HasColumnName("blocked");
            b.Property<string>("ShippingAdvice").IsRequired().HasMaxLength(20).HasColumnName("shipping_advice");
            b.Property<DateTime>("LastModifiedUtc").HasColumnName("last_modified_utc");
            b.Property<long>("Version").IsConcurrencyToken().HasColumnName("version");
            b.HasKey("TenantId", "Id").HasName("pk_customers");
            b.HasIndex("TenantId", "Number").IsUnique().HasDatabaseName("ix_customers_tenant_id_number");
            b.ToTable("customers");
        });

        modelBuilder.Entity("Saas.Write.Purchasing.Vendor", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<Guid>("Id").HasColumnName("id");
            b.Property<string>("Number").IsRequired().HasMaxLength(20).HasColumnName("number");
            b.Property<string>("DisplayName").IsRequired().HasMaxLength(100).HasColumnName("display_name");
            b.Property<string>("AddressLine1").IsRequired().HasMaxLength(100).HasColumnName("address_line1");
            b.Property<string>("AddressLine2").IsRequired().HasMaxLength(50).HasColumnName("address_line2");
            b.Property<string>("City").IsRequired().HasMaxLength(30).HasColumnName("city");
            b.Property<string>("State").IsRequired().HasMaxLength(30).HasColumnName("state");
            b.Property<string>("PostalCode").IsRequired().HasMaxLength(20).HasColumnName("postal_code");
            b.Property<string>("Country").IsRequired().HasMaxLength(10).HasColumnName("country");
            b.Property<string>("PhoneNumber").IsRequired().HasMaxLength(30).HasColumnName("phone_number");
            b.Property<string>("Email").IsRequired().HasMaxLength(80).HasColumnName("email");
            b.Property<string>("CurrencyCode").IsRequired().HasMaxLength(10).HasColumnName("currency_code");
            b.Property<string>("PaymentTermsCode").IsRequired().HasMaxLength(10).HasColumnName("payment_terms_code");
            b.Property<string>("Blocked").IsRequired().HasMaxLength(20).HasColumnName("blocked");
            b.Property<DateTime>("LastModifiedUtc").HasColumnName("last_modified_utc");
            b.Property<long>("Version").IsConcurrencyToken().HasColumnName("version");
            b.HasKey("TenantId", "Id").HasName("pk_vendors");
            b.HasIndex("TenantId", "Number").IsUnique().HasDatabaseName("ix_vendors_tenant_id_number");
            b.ToTable("vendors");
        });

        modelBuilder.Entity("Saas.Write.Setup.Location", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<Guid>("Id").HasColumnName("id");
            b.Property<string>("Code").IsRequired().HasMaxLength(10).HasColumnName("code");
            b.Property<string>("DisplayName").IsRequired().HasMaxLength(100).HasColumnName("display_name");
            b.Property<string>("AddressLine1").IsRequired().HasMaxLength(100).HasColumnName("address_line1");
            b.Property<string>("AddressLine2").IsRequired().HasMaxLength(50).HasColumnName("address_line2");
            b.Property<string>("City").IsRequired().HasMaxLength(30).HasColumnName("city");
            b.Property<string>("State").IsRequired().HasMaxLength(30).HasColumnName("state");
            b.Property<string>("PostalCode").IsRequired().HasMaxLength(20).HasColumnName("postal_code");
            b.Property<string>("Country").IsRequired().HasMaxLength(10).HasColumnName("country");
            b.Property<bool>("UseAsInTransit").HasColumnName("use_as_in_transit");
            b.Property<DateTime>("LastModifiedUtc").HasColumnName("last_modified_utc");
            b.Property<long>("Version").IsConcurrencyToken().HasColumnName("version");
            b.HasKey("TenantId", "Id").HasName("pk_locations");
            b.HasIndex("TenantId", "Code").IsUnique().HasDatabaseName("ix_locations_tenant_id_code");
            b.ToTable("locations");
        });

        modelBuilder.Entity("Saas.Write.Setup.NoSeries", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<string>("Code").IsRequired().HasMaxLength(20).HasColumnName("code");
            b.Property<string>("Description").IsRequired().HasMaxLength(100).HasColumnName("description");
            b.Property<string>("StartingNo").IsRequired().HasMaxLength(20).HasColumnName("starting_no");
            b.Property<int>("IncrementBy").HasColumnName("increment_by");
            b.Property<string>("LastNoUsed").IsRequired().HasMaxLength(20).HasColumnName("last_no_used");
            b.Property<long>("Version").IsConcurrencyToken().HasColumnName("version");
            b.HasKey("TenantId", "Code").HasName("pk_no_series");
            b.ToTable("no_series");
        });

        modelBuilder.Entity("Saas.Write.Inventory.Catalog.ItemCategory", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<Guid>("Id").HasColumnName("id");
            b.Property<string>("Code").IsRequired().HasMaxLength(20).HasColumnName("code");
            b.Property<string>("DisplayName").IsRequired().HasMaxLength(100).HasColumnName("display_name");
            b.Property<string>("ParentCategory").IsRequired().HasMaxLength(20).HasColumnName("parent_category");
            b.Property<DateTime>("LastModifiedUtc").HasColumnName("last_modified_utc");
            b.Property<long>("Version").IsConcurrencyToken().HasColumnName("version");
            b.HasKey("TenantId", "Id").HasName("pk_item_categories");
            b.HasIndex("TenantId", "Code").IsUnique().HasDatabaseName("ix_item_categories_tenant_id_code");
            b.HasIndex("TenantId", "ParentCategory").HasDatabaseName("ix_item_categories_tenant_id_parent_category");
            b.ToTable("item_categories");
        });

        modelBuilder.Entity("Saas.Write.Inventory.Catalog.ItemAttribute", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<Guid>("Id").HasColumnName("id");
            b.Property<string>("Name").IsRequired().HasMaxLength(250).HasColumnName("name");
            b.Property<string>("NormalizedName").IsRequired().HasMaxLength(250).HasColumnName("normalized_name");
            b.Property<string>("Type").IsRequired().HasMaxLength(20).HasColumnName("type");
            b.Property<string>("OptionValues").IsRequired().HasColumnName("option_values");
            b.Property<string>("UnitOfMeasure").IsRequired().HasMaxLength(30).HasColumnName("unit_of_measure");
            b.Property<bool>("Blocked").HasColumnName("blocked");
            b.Property<DateTime>("LastModifiedUtc").HasColumnName("last_modified_utc");
            b.Property<long>("Version").IsConcurrencyToken().HasColumnName("version");
            b.HasKey("TenantId", "Id").HasName("pk_item_attributes");
            b.HasIndex("TenantId", "NormalizedName").IsUnique().HasDatabaseName("ix_item_attributes_tenant_id_normalized_name");
            b.ToTable("item_attributes");
        });

        modelBuilder.Entity("Saas.Write.Inventory.Catalog.ItemAttributeValue", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<Guid>("Id").HasColumnName("id");
            b.Property<string>("OwnerType").IsRequired().HasMaxLength(20).HasColumnName("owner_type");
            b.Property<Guid>("OwnerId").HasColumnName("owner_id");
            b.Property<Guid>("AttributeId").HasColumnName("attribute_id");
            b.Property<string>("Value").IsRequired().HasMaxLength(250).HasColumnName("value");
            b.Property<DateTime>("LastModifiedUtc").HasColumnName("last_modified_utc");
            b.Property<long>("Version").IsConcurrencyToken().HasColumnName("version");
            b.HasKey("TenantId", "Id").HasName("pk_item_attribute_values");
            b.HasIndex("TenantId", "OwnerType", "OwnerId", "AttributeId").IsUnique().HasDatabaseName("ix_item_attribute_values_owner_attribute");
            b.HasIndex("TenantId", "AttributeId").HasDatabaseName("ix_item_attribute_values_tenant_id_attribute_id");
            b.ToTable("item_attribute_values");
        });

        modelBuilder.Entity("Saas.Write.Inventory.Catalog.CatalogItem", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<Guid>("Id").HasColumnName("id");
            b.Property<string>("EntryNumber").IsRequired().HasMaxLength(20).HasColumnName("entry_number");
            b.Property<string>("DisplayName").IsRequired().HasMaxLength(100).HasColumnName("display_name");
            b.Property<string>("ManufacturerCode").IsRequired().HasMaxLength(10).HasColumnName("manufacturer_code");
            b.Property<string>("VendorNumber").IsRequired().HasMaxLength(20).HasColumnName("vendor_number");
            b.Property<string>("VendorItemNumber").IsRequired().HasMaxLength(50).HasColumnName("vendor_item_number");
            b.Property<string>("UnitOfMeasureCode").IsRequired().HasMaxLength(10).HasColumnName("unit_of_measure_code");
            b.Property<decimal>("UnitPrice").HasColumnName("unit_price");
            b.Property<decimal>("UnitCost").HasColumnName("unit_cost");
            b.Property<string>("ItemCategoryCode").IsRequired().HasMaxLength(20).HasColumnName("item_category_code");
            b.Property<Guid?>("ItemId").HasColumnName("item_id");
            b.Property<string>("ItemNumber").IsRequired().HasMaxLength(20).HasColumnName("item_number");
            b.Property<DateTime>("LastModifiedUtc").HasColumnName("last_modified_utc");
            b.Property<long>("Version").IsConcurrencyToken().HasColumnName("version");
            b.HasKey("TenantId", "Id").HasName("pk_catalog_items");
            b.HasIndex("TenantId", "EntryNumber").IsUnique().HasDatabaseName("ix_catalog_items_tenant_id_entry_number");
            b.ToTable("catalog_items");
        });

        modelBuilder.Entity("Saas.Write.Inventory.Catalog.ItemReference", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<Guid>("Id").HasColumnName("id");
            b.Property<Guid>("ItemId").HasColumnName("item_id");
            b.Property<string>("ReferenceType").IsRequired().HasMaxLength(20).HasColumnName("reference_type");
            b.Property<string>("ReferenceTypeNumber").IsRequired().HasMaxLength(30).HasColumnName("reference_type_number");
            b.Property<string>("ReferenceNumber").IsRequired().HasMaxLength(50).HasColumnName("reference_number");
            b.Property<string>("UnitOfMeasureCode").IsRequired().HasMaxLength(10).HasColumnName("unit_of_measure_code");
            b.Property<string>("Description").IsRequired().HasMaxLength(100).HasColumnName("description");
            b.Property<DateTime>("LastModifiedUtc").HasColumnName("last_modified_utc");
            b.Property<long>("Version").IsConcurrencyToken().HasColumnName("version");
            b.HasKey("TenantId", "Id").HasName("pk_item_references");
            b.HasIndex("TenantId", "ReferenceType", "ReferenceTypeNumber", "ReferenceNumber").IsUnique().HasDatabaseName("ix_item_references_reference");
            b.HasIndex("TenantId", "ItemId").HasDatabaseName("ix_item_references_tenant_id_item_id");
            b.ToTable("item_references");
        });

        modelBuilder.Entity("Saas.Write.Outbox.OutboxMessage", b =>
        {
            b.Property<long>("Id").ValueGeneratedOnAdd().HasColumnName("id");
            b.Property<long>("Id").HasAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
            b.Property<Guid>("MessageId").HasColumnName("message_id");
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<string>("Type").IsRequired().HasMaxLength(200).HasColumnName("type");
            b.Property<string>("Body").IsRequired().HasColumnName("body");
            b.Property<DateTime>("OccurredUtc").HasColumnName("occurred_utc");
            b.Property<int>("Attempts").HasColumnName("attempts");
            b.Property<DateTime>("NextAttemptUtc").HasColumnName("next_attempt_utc");
            b.Property<DateTime?>("PublishedUtc").HasColumnName("published_utc");
            b.Property<string>("LastError").HasMaxLength(2000).HasColumnName("last_error");
            b.Property<bool>("Parked").HasColumnName("parked");
            b.HasKey("Id").HasName("pk_outbox");
            b.HasIndex("MessageId").IsUnique().HasDatabaseName("ix_outbox_message_id");
            b.HasIndex("NextAttemptUtc", "Id").HasDatabaseName("ix_outbox_next_attempt_utc_id").HasFilter("published_utc IS NULL");
            b.ToTable("outbox");
        });

    }
}
