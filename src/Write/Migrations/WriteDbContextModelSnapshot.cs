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
            b.Property<string>("GenProdPostingGroup").IsRequired().HasMaxLength(20).HasDefaultValue("").HasColumnName("gen_prod_posting_group");
            b.Property<string>("InventoryPostingGroup").IsRequired().HasMaxLength(20).HasDefaultValue("").HasColumnName("inventory_posting_group");
            b.Property<string>("VatProdPostingGroup").IsRequired().HasMaxLength(20).HasDefaultValue("").HasColumnName("vat_prod_posting_group");
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

        modelBuilder.Entity("Saas.Write.Setup.UnitOfMeasure", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<string>("Code").IsRequired().HasMaxLength(10).HasColumnName("code");
            b.Property<string>("Description").IsRequired().HasMaxLength(50).HasColumnName("description");
            b.Property<string>("InternationalStandardCode").IsRequired().HasMaxLength(10).HasColumnName("international_standard_code");
            b.Property<DateTime>("LastModifiedUtc").HasColumnName("last_modified_utc");
            b.HasKey("TenantId", "Code").HasName("pk_units_of_measure");
            b.ToTable("units_of_measure");
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
            b.Property<Guid?>("ClaimId").HasColumnName("claim_id");
            b.HasKey("Id").HasName("pk_outbox");
            b.HasIndex("MessageId").IsUnique().HasDatabaseName("ix_outbox_message_id");
            b.HasIndex("NextAttemptUtc", "Id").HasDatabaseName("ix_outbox_next_attempt_utc_id").HasFilter("published_utc IS NULL");
            b.ToTable("outbox");
        });

        modelBuilder.Entity("Saas.Write.Finance.Setup.GLAccount", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<string>("Number").IsRequired().HasMaxLength(20).HasColumnName("number");
            b.Property<string>("Name").IsRequired().HasMaxLength(100).HasColumnName("name");
            b.Property<string>("IncomeBalance").IsRequired().HasMaxLength(20).HasColumnName("income_balance");
            b.Property<string>("Category").IsRequired().HasMaxLength(20).HasColumnName("category");
            b.Property<bool>("DirectPosting").HasColumnName("direct_posting");
            b.Property<bool>("Blocked").HasColumnName("blocked");
            b.HasKey("TenantId", "Number").HasName("pk_gl_accounts");
            b.ToTable("gl_accounts");
        });

        modelBuilder.Entity("Saas.Write.Finance.Setup.PostingGroup", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<string>("Kind").IsRequired().HasMaxLength(20).HasColumnName("kind");
            b.Property<string>("Code").IsRequired().HasMaxLength(20).HasColumnName("code");
            b.Property<string>("Description").IsRequired().HasMaxLength(100).HasColumnName("description");
            b.Property<string>("Account").IsRequired().HasMaxLength(20).HasColumnName("account");
            b.HasKey("TenantId", "Kind", "Code").HasName("pk_posting_groups");
            b.ToTable("posting_groups");
        });

        modelBuilder.Entity("Saas.Write.Finance.Setup.GeneralPostingSetup", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<string>("GenBusPostingGroup").IsRequired().HasMaxLength(20).HasColumnName("gen_bus_posting_group");
            b.Property<string>("GenProdPostingGroup").IsRequired().HasMaxLength(20).HasColumnName("gen_prod_posting_group");
            b.Property<string>("SalesAccount").IsRequired().HasMaxLength(20).HasColumnName("sales_account");
            b.Property<string>("SalesCreditMemoAccount").IsRequired().HasMaxLength(20).HasColumnName("sales_credit_memo_account");
            b.Property<string>("PurchaseAccount").IsRequired().HasMaxLength(20).HasColumnName("purchase_account");
            b.Property<string>("PurchaseCreditMemoAccount").IsRequired().HasMaxLength(20).HasColumnName("purchase_credit_memo_account");
            b.Property<string>("CogsAccount").IsRequired().HasMaxLength(20).HasColumnName("cogs_account");
            b.Property<string>("CogsInterimAccount").IsRequired().HasMaxLength(20).HasColumnName("cogs_interim_account");
            b.Property<string>("InventoryAdjustmentAccount").IsRequired().HasMaxLength(20).HasColumnName("inventory_adjustment_account");
            b.Property<string>("InventoryAccrualInterimAccount").IsRequired().HasMaxLength(20).HasColumnName("inventory_accrual_interim_account");
            b.Property<string>("DirectCostAppliedAccount").IsRequired().HasMaxLength(20).HasColumnName("direct_cost_applied_account");
            b.Property<string>("OverheadAppliedAccount").IsRequired().HasMaxLength(20).HasColumnName("overhead_applied_account");
            b.Property<string>("PurchaseVarianceAccount").IsRequired().HasMaxLength(20).HasColumnName("purchase_variance_account");
            b.HasKey("TenantId", "GenBusPostingGroup", "GenProdPostingGroup").HasName("pk_general_posting_setups");
            b.ToTable("general_posting_setups");
        });

        modelBuilder.Entity("Saas.Write.Finance.Setup.InventoryPostingSetup", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<string>("LocationCode").IsRequired().HasMaxLength(20).HasColumnName("location_code");
            b.Property<string>("InventoryPostingGroup").IsRequired().HasMaxLength(20).HasColumnName("inventory_posting_group");
            b.Property<string>("InventoryAccount").IsRequired().HasMaxLength(20).HasColumnName("inventory_account");
            b.Property<string>("InventoryInterimAccount").IsRequired().HasMaxLength(20).HasColumnName("inventory_interim_account");
            b.HasKey("TenantId", "LocationCode", "InventoryPostingGroup").HasName("pk_inventory_posting_setups");
            b.ToTable("inventory_posting_setups");
        });

        modelBuilder.Entity("Saas.Write.Finance.Setup.VatPostingSetup", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<string>("VatBusPostingGroup").IsRequired().HasMaxLength(20).HasColumnName("vat_bus_posting_group");
            b.Property<string>("VatProdPostingGroup").IsRequired().HasMaxLength(20).HasColumnName("vat_prod_posting_group");
            b.Property<decimal>("VatPercent").HasColumnName("vat_percent");
            b.Property<string>("CalculationType").IsRequired().HasMaxLength(20).HasColumnName("calculation_type");
            b.Property<string>("SalesVatAccount").IsRequired().HasMaxLength(20).HasColumnName("sales_vat_account");
            b.Property<string>("PurchaseVatAccount").IsRequired().HasMaxLength(20).HasColumnName("purchase_vat_account");
            b.Property<string>("ReverseChargeVatAccount").IsRequired().HasMaxLength(20).HasColumnName("reverse_charge_vat_account");
            b.HasKey("TenantId", "VatBusPostingGroup", "VatProdPostingGroup").HasName("pk_vat_posting_setups");
            b.ToTable("vat_posting_setups");
        });

        modelBuilder.Entity("Saas.Write.Finance.Setup.GeneralLedgerSetup", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<DateOnly?>("AllowPostingFrom").HasColumnName("allow_posting_from");
            b.Property<DateOnly?>("AllowPostingTo").HasColumnName("allow_posting_to");
            b.Property<DateOnly?>("InventoryClosedThrough").HasColumnName("inventory_closed_through");
            b.Property<bool>("ExpectedCostPostingToGL").HasColumnName("expected_cost_posting_to_gl");
            b.Property<bool>("AutomaticCostAdjustment").HasColumnName("automatic_cost_adjustment");
            b.Property<string>("AverageCostPeriod").IsRequired().HasMaxLength(10).HasColumnName("average_cost_period");
            b.Property<bool>("AllowNegativeInventory").HasColumnName("allow_negative_inventory");
            b.Property<long>("Version").IsConcurrencyToken().HasColumnName("version");
            b.HasKey("TenantId").HasName("pk_general_ledger_setups");
            b.ToTable("general_ledger_setups");
        });

        modelBuilder.Entity("Saas.Write.Finance.Posting.PostingCounters", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<long>("LastItemLedgerEntryNo").HasColumnName("last_item_ledger_entry_no");
            b.Property<long>("LastValueEntryNo").HasColumnName("last_value_entry_no");
            b.Property<long>("LastApplicationEntryNo").HasColumnName("last_application_entry_no");
            b.Property<long>("LastGLEntryNo").HasColumnName("last_gl_entry_no");
            b.Property<long>("LastRegisterNo").HasColumnName("last_register_no");
            b.Property<long>("LastTransactionNo").HasColumnName("last_transaction_no");
            b.HasKey("TenantId").HasName("pk_posting_counters");
            b.ToTable("posting_counters");
        });

        modelBuilder.Entity("Saas.Write.Finance.Posting.CostAdjustmentEntryPoint", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<Guid>("ItemId").HasColumnName("item_id");
            b.Property<DateOnly>("ValuationDate").HasColumnName("valuation_date");
            b.HasKey("TenantId", "ItemId").HasName("pk_cost_adjustment_entry_points");
            b.ToTable("cost_adjustment_entry_points");
        });

        modelBuilder.Entity("Saas.Write.Inventory.Ledger.AverageItemTotals", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<Guid>("ItemId").HasColumnName("item_id");
            b.Property<decimal>("Quantity").HasColumnName("quantity");
            b.Property<decimal>("CostAmount").HasColumnName("cost_amount");
            b.HasKey("TenantId", "ItemId").HasName("pk_average_item_totals");
            b.ToTable("average_item_totals");
        });

        modelBuilder.Entity("Saas.Write.Inventory.Ledger.ItemLedgerEntry", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<long>("EntryNo").HasColumnName("entry_no");
            b.Property<Guid>("ItemId").HasColumnName("item_id");
            b.Property<string>("ItemNo").IsRequired().HasMaxLength(20).HasColumnName("item_no");
            b.Property<DateOnly>("PostingDate").HasColumnName("posting_date");
            b.Property<string>("EntryType").IsRequired().HasMaxLength(20).HasColumnName("entry_type");
            b.Property<string>("DocumentNo").IsRequired().HasMaxLength(20).HasColumnName("document_no");
            b.Property<string>("Description").IsRequired().HasMaxLength(100).HasColumnName("description");
            b.Property<string>("LocationCode").IsRequired().HasMaxLength(10).HasColumnName("location_code");
            b.Property<decimal>("Quantity").HasColumnName("quantity");
            b.Property<bool>("Positive").HasColumnName("positive");
            b.Property<long>("AppliesToEntry").HasColumnName("applies_to_entry");
            b.Property<long>("CostSourceEntry").HasColumnName("cost_source_entry");
            b.Property<decimal>("UnappliedUnitCost").HasColumnName("unapplied_unit_cost");
            b.Property<string>("GenBusPostingGroup").IsRequired().HasMaxLength(20).HasColumnName("gen_bus_posting_group");
            b.Property<string>("GenProdPostingGroup").IsRequired().HasMaxLength(20).HasColumnName("gen_prod_posting_group");
            b.Property<string>("InventoryPostingGroup").IsRequired().HasMaxLength(20).HasColumnName("inventory_posting_group");
            b.Property<long>("RegisterNo").HasColumnName("register_no");
            b.HasKey("TenantId", "EntryNo").HasName("pk_item_ledger_entries");
            b.HasIndex("TenantId", "DocumentNo").HasDatabaseName("ix_item_ledger_entries_tenant_id_document_no");
            b.HasIndex("TenantId", "CostSourceEntry").HasDatabaseName("ix_item_ledger_entries_tenant_id_cost_source_entry");
            b.HasIndex("TenantId", "ItemId", "EntryNo").HasDatabaseName("ix_item_ledger_entries_tenant_id_item_id_entry_no");
            b.HasIndex("TenantId", "ItemId", "PostingDate").HasDatabaseName("ix_item_ledger_entries_tenant_id_item_id_posting_date");
            b.ToTable("item_ledger_entries");
        });

        modelBuilder.Entity("Saas.Write.Inventory.Ledger.OpenItemEntry", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<long>("EntryNo").HasColumnName("entry_no");
            b.Property<Guid>("ItemId").HasColumnName("item_id");
            b.Property<string>("LocationCode").IsRequired().HasMaxLength(10).HasColumnName("location_code");
            b.Property<bool>("Positive").HasColumnName("positive");
            b.Property<DateOnly>("PostingDate").HasColumnName("posting_date");
            b.Property<decimal>("RemainingQuantity").HasColumnName("remaining_quantity");
            b.HasKey("TenantId", "EntryNo").HasName("pk_open_item_entries");
            b.HasIndex("TenantId", "ItemId", "LocationCode", "Positive", "PostingDate", "EntryNo").HasDatabaseName("ix_open_item_entries_application_order");
            b.ToTable("open_item_entries");
        });

        modelBuilder.Entity("Saas.Write.Inventory.Ledger.ItemApplicationEntry", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<long>("EntryNo").HasColumnName("entry_no");
            b.Property<Guid>("ItemId").HasColumnName("item_id");
            b.Property<long>("InboundEntryNo").HasColumnName("inbound_entry_no");
            b.Property<long>("OutboundEntryNo").HasColumnName("outbound_entry_no");
            b.Property<long>("ItemLedgerEntryNo").HasColumnName("item_ledger_entry_no");
            b.Property<decimal>("Quantity").HasColumnName("quantity");
            b.Property<DateOnly>("PostingDate").HasColumnName("posting_date");
            b.HasKey("TenantId", "EntryNo").HasName("pk_item_application_entries");
            b.HasIndex("TenantId", "InboundEntryNo").HasDatabaseName("ix_item_application_entries_tenant_id_inbound_entry_no");
            b.HasIndex("TenantId", "ItemId", "EntryNo").HasDatabaseName("ix_item_application_entries_tenant_id_item_id_entry_no");
            b.HasIndex("TenantId", "OutboundEntryNo").HasDatabaseName("ix_item_application_entries_tenant_id_outbound_entry_no");
            b.ToTable("item_application_entries");
        });

        modelBuilder.Entity("Saas.Write.Inventory.Ledger.ValueEntry", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<long>("EntryNo").HasColumnName("entry_no");
            b.Property<long>("ItemLedgerEntryNo").HasColumnName("item_ledger_entry_no");
            b.Property<Guid>("ItemId").HasColumnName("item_id");
            b.Property<string>("ItemNo").IsRequired().HasMaxLength(20).HasColumnName("item_no");
            b.Property<DateOnly>("PostingDate").HasColumnName("posting_date");
            b.Property<DateOnly>("ValuationDate").HasColumnName("valuation_date");
            b.Property<string>("EntryType").IsRequired().HasMaxLength(20).HasColumnName("entry_type");
            b.Property<string>("ItemLedgerEntryType").IsRequired().HasMaxLength(20).HasColumnName("item_ledger_entry_type");
            b.Property<string>("DocumentNo").IsRequired().HasMaxLength(20).HasColumnName("document_no");
            b.Property<string>("LocationCode").IsRequired().HasMaxLength(10).HasColumnName("location_code");
            b.Property<decimal>("ItemLedgerEntryQuantity").HasColumnName("item_ledger_entry_quantity");
            b.Property<decimal>("InvoicedQuantity").HasColumnName("invoiced_quantity");
            b.Property<decimal>("ValuedQuantity").HasColumnName("valued_quantity");
            b.Property<decimal>("CostAmountExpected").HasColumnName("cost_amount_expected");
            b.Property<decimal>("CostAmountActual").HasColumnName("cost_amount_actual");
            b.Property<decimal>("SalesAmountActual").HasColumnName("sales_amount_actual");
            b.Property<bool>("Adjustment").HasColumnName("adjustment");
            b.Property<string>("GenBusPostingGroup").IsRequired().HasMaxLength(20).HasColumnName("gen_bus_posting_group");
            b.Property<string>("GenProdPostingGroup").IsRequired().HasMaxLength(20).HasColumnName("gen_prod_posting_group");
            b.Property<string>("InventoryPostingGroup").IsRequired().HasMaxLength(20).HasColumnName("inventory_posting_group");
            b.Property<long>("RegisterNo").HasColumnName("register_no");
            b.HasKey("TenantId", "EntryNo").HasName("pk_value_entries");
            b.HasIndex("TenantId", "ItemId", "EntryNo").HasDatabaseName("ix_value_entries_tenant_id_item_id_entry_no");
            b.HasIndex("TenantId", "ItemId", "ValuationDate").HasDatabaseName("ix_value_entries_tenant_id_item_id_valuation_date");
            b.HasIndex("TenantId", "DocumentNo").HasDatabaseName("ix_value_entries_tenant_id_document_no");
            b.HasIndex("TenantId", "ItemLedgerEntryNo").HasDatabaseName("ix_value_entries_tenant_id_item_ledger_entry_no");
            b.ToTable("value_entries");
        });

        modelBuilder.Entity("Saas.Write.Finance.Posting.GLEntry", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<long>("EntryNo").HasColumnName("entry_no");
            b.Property<long>("TransactionNo").HasColumnName("transaction_no");
            b.Property<string>("GLAccountNo").IsRequired().HasMaxLength(20).HasColumnName("gl_account_no");
            b.Property<DateOnly>("PostingDate").HasColumnName("posting_date");
            b.Property<string>("DocumentNo").IsRequired().HasMaxLength(20).HasColumnName("document_no");
            b.Property<string>("Description").IsRequired().HasMaxLength(100).HasColumnName("description");
            b.Property<decimal>("Amount").HasColumnName("amount");
            b.Property<long>("ValueEntryNo").HasColumnName("value_entry_no");
            b.Property<string>("SourceCode").IsRequired().HasMaxLength(10).HasColumnName("source_code");
            b.Property<long>("RegisterNo").HasColumnName("register_no");
            b.HasKey("TenantId", "EntryNo").HasName("pk_gl_entries");
            b.HasIndex("TenantId", "DocumentNo").HasDatabaseName("ix_gl_entries_tenant_id_document_no");
            b.HasIndex("TenantId", "GLAccountNo", "PostingDate").HasDatabaseName("ix_gl_entries_tenant_id_gl_account_no_posting_date");
            b.HasIndex("TenantId", "ValueEntryNo").HasDatabaseName("ix_gl_entries_tenant_id_value_entry_no");
            b.HasIndex("TenantId", "PostingDate").HasDatabaseName("ix_gl_entries_tenant_id_posting_date");
            b.ToTable("gl_entries");
        });

        modelBuilder.Entity("Saas.Write.Finance.Posting.GLRegister", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<long>("No").HasColumnName("no");
            b.Property<long>("TransactionNo").HasColumnName("transaction_no");
            b.Property<string>("SourceCode").IsRequired().HasMaxLength(10).HasColumnName("source_code");
            b.Property<string>("IdempotencyKey").HasMaxLength(100).HasColumnName("idempotency_key");
            b.Property<long>("FromGLEntryNo").HasColumnName("from_gl_entry_no");
            b.Property<long>("ToGLEntryNo").HasColumnName("to_gl_entry_no");
            b.Property<long>("FromItemLedgerEntryNo").HasColumnName("from_item_ledger_entry_no");
            b.Property<long>("ToItemLedgerEntryNo").HasColumnName("to_item_ledger_entry_no");
            b.Property<long>("FromValueEntryNo").HasColumnName("from_value_entry_no");
            b.Property<long>("ToValueEntryNo").HasColumnName("to_value_entry_no");
            b.Property<long>("FromApplicationEntryNo").HasColumnName("from_application_entry_no");
            b.Property<long>("ToApplicationEntryNo").HasColumnName("to_application_entry_no");
            b.Property<DateTime>("CreatedUtc").HasColumnName("created_utc");
            b.Property<string>("RequestHash").HasMaxLength(64).HasColumnName("request_hash");
            b.HasKey("TenantId", "No").HasName("pk_gl_registers");
            b.HasIndex("TenantId", "IdempotencyKey").IsUnique().HasDatabaseName("ix_gl_registers_tenant_id_idempotency_key");
            b.ToTable("gl_registers");
        });

            modelBuilder.Entity("Saas.Write.Inventory.Journals.ItemJournalBatch", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<Guid>("Id").HasColumnName("id");
            b.Property<string>("Template").IsRequired().HasMaxLength(20).HasColumnName("template");
            b.Property<string>("Code").IsRequired().HasMaxLength(10).HasColumnName("code");
            b.Property<string>("DisplayName").IsRequired().HasMaxLength(100).HasColumnName("display_name");
            b.Property<DateTime>("LastModifiedUtc").HasColumnName("last_modified_utc");
            b.Property<long>("Version").IsConcurrencyToken().HasColumnName("version");
            b.HasKey("TenantId", "Id").HasName("pk_item_journal_batches");
            b.HasIndex("TenantId", "Template", "Code").IsUnique().HasDatabaseName("ix_item_journal_batches_tenant_id_template_code");
            b.ToTable("item_journal_batches");
        });

        modelBuilder.Entity("Saas.Write.Inventory.Journals.ItemJournalBatchLine", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<Guid>("Id").HasColumnName("id");
            b.Property<Guid>("BatchId").HasColumnName("batch_id");
            b.Property<int>("LineNumber").HasColumnName("line_number");
            b.Property<string>("EntryType").IsRequired().HasMaxLength(20).HasColumnName("entry_type");
            b.Property<string>("ItemNumber").IsRequired().HasMaxLength(20).HasColumnName("item_number");
            b.Property<string>("LocationCode").IsRequired().HasMaxLength(10).HasColumnName("location_code");
            b.Property<string>("NewLocationCode").IsRequired().HasMaxLength(10).HasColumnName("new_location_code");
            b.Property<DateOnly>("PostingDate").HasColumnName("posting_date");
            b.Property<string>("DocumentNumber").IsRequired().HasMaxLength(20).HasColumnName("document_number");
            b.Property<string>("Description").IsRequired().HasMaxLength(100).HasColumnName("description");
            b.Property<decimal>("Quantity").HasColumnName("quantity");
            b.Property<decimal?>("UnitCost").HasColumnName("unit_cost");
            b.Property<long?>("AppliesToEntry").HasColumnName("applies_to_entry");
            b.Property<decimal>("QuantityCalculated").HasColumnName("quantity_calculated");
            b.Property<decimal?>("QuantityPhysInventory").HasColumnName("quantity_phys_inventory");
            b.Property<decimal>("InventoryValueCalculated").HasColumnName("inventory_value_calculated");
            b.Property<decimal>("UnitCostCalculated").HasColumnName("unit_cost_calculated");
            b.Property<decimal?>("InventoryValueRevalued").HasColumnName("inventory_value_revalued");
            b.Property<decimal?>("UnitCostRevalued").HasColumnName("unit_cost_revalued");
            b.Property<DateTime>("LastModifiedUtc").HasColumnName("last_modified_utc");
            b.Property<long>("Version").IsConcurrencyToken().HasColumnName("version");
            b.HasKey("TenantId", "Id").HasName("pk_item_journal_batch_lines");
            b.HasIndex("TenantId", "BatchId", "LineNumber").IsUnique().HasDatabaseName("ix_item_journal_batch_lines_tenant_id_batch_id_line_number");
            b.ToTable("item_journal_batch_lines");
        });

        modelBuilder.Entity("Saas.Write.Inventory.Transfers.TransferHeader", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<Guid>("Id").HasColumnName("id");
            b.Property<string>("Number").IsRequired().HasMaxLength(20).HasColumnName("number");
            b.Property<string>("TransferFromCode").IsRequired().HasMaxLength(10).HasColumnName("transfer_from_code");
            b.Property<string>("TransferToCode").IsRequired().HasMaxLength(10).HasColumnName("transfer_to_code");
            b.Property<string>("InTransitCode").IsRequired().HasMaxLength(10).HasColumnName("in_transit_code");
            b.Property<DateOnly>("ShipmentDate").HasColumnName("shipment_date");
            b.Property<DateOnly>("ReceiptDate").HasColumnName("receipt_date");
            b.Property<DateTime>("LastModifiedUtc").HasColumnName("last_modified_utc");
            b.Property<long>("Version").IsConcurrencyToken().HasColumnName("version");
            b.HasKey("TenantId", "Id").HasName("pk_transfer_headers");
            b.HasIndex("TenantId", "Number").IsUnique().HasDatabaseName("ix_transfer_headers_tenant_id_number");
            b.ToTable("transfer_headers");
        });

        modelBuilder.Entity("Saas.Write.Inventory.Transfers.TransferLine", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<Guid>("Id").HasColumnName("id");
            b.Property<Guid>("TransferOrderId").HasColumnName("transfer_order_id");
            b.Property<int>("LineNo").HasColumnName("line_no");
            b.Property<Guid>("ItemId").HasColumnName("item_id");
            b.Property<string>("ItemNo").IsRequired().HasMaxLength(20).HasColumnName("item_no");
            b.Property<string>("Description").IsRequired().HasMaxLength(100).HasColumnName("description");
            b.Property<decimal>("Quantity").HasColumnName("quantity");
            b.Property<decimal>("QtyToShip").HasColumnName("qty_to_ship");
            b.Property<decimal>("QuantityShipped").HasColumnName("quantity_shipped");
            b.Property<decimal>("QtyToReceive").HasColumnName("qty_to_receive");
            b.Property<decimal>("QuantityReceived").HasColumnName("quantity_received");
            b.Property<DateTime>("LastModifiedUtc").HasColumnName("last_modified_utc");
            b.Property<long>("Version").IsConcurrencyToken().HasColumnName("version");
            b.HasKey("TenantId", "Id").HasName("pk_transfer_lines");
            b.HasIndex("TenantId", "TransferOrderId", "LineNo").IsUnique().HasDatabaseName("ix_transfer_lines_tenant_id_transfer_order_id_line_no");
            b.ToTable("transfer_lines");
        });

        modelBuilder.Entity("Saas.Write.Inventory.Transfers.PostedTransferDocument", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<Guid>("Id").HasColumnName("id");
            b.Property<string>("DocumentType").IsRequired().HasMaxLength(20).HasColumnName("document_type");
            b.Property<string>("Number").IsRequired().HasMaxLength(20).HasColumnName("number");
            b.Property<string>("TransferOrderNo").IsRequired().HasMaxLength(20).HasColumnName("transfer_order_no");
            b.Property<string>("TransferFromCode").IsRequired().HasMaxLength(10).HasColumnName("transfer_from_code");
            b.Property<string>("TransferToCode").IsRequired().HasMaxLength(10).HasColumnName("transfer_to_code");
            b.Property<string>("InTransitCode").IsRequired().HasMaxLength(10).HasColumnName("in_transit_code");
            b.Property<DateOnly>("PostingDate").HasColumnName("posting_date");
            b.Property<string>("IdempotencyKey").IsRequired().HasMaxLength(100).HasColumnName("idempotency_key");
            b.Property<DateTime>("CreatedUtc").HasColumnName("created_utc");
            b.HasKey("TenantId", "Id").HasName("pk_posted_transfer_documents");
            b.HasIndex("TenantId", "DocumentType", "Number").IsUnique().HasDatabaseName("ix_posted_transfer_documents_tenant_id_document_type_number");
            b.HasIndex("TenantId", "TransferOrderNo").HasDatabaseName("ix_posted_transfer_documents_tenant_id_transfer_order_no");
            b.ToTable("posted_transfer_documents");
        });

        modelBuilder.Entity("Saas.Write.Inventory.Transfers.PostedTransferLine", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<Guid>("Id").HasColumnName("id");
            b.Property<Guid>("DocumentId").HasColumnName("document_id");
            b.Property<int>("LineNo").HasColumnName("line_no");
            b.Property<int>("TransferOrderLineNo").HasColumnName("transfer_order_line_no");
            b.Property<string>("ItemNo").IsRequired().HasMaxLength(20).HasColumnName("item_no");
            b.Property<string>("Description").IsRequired().HasMaxLength(100).HasColumnName("description");
            b.Property<decimal>("Quantity").HasColumnName("quantity");
            b.Property<long>("InTransitEntryNo").HasColumnName("in_transit_entry_no");
            b.HasKey("TenantId", "Id").HasName("pk_posted_transfer_lines");
            b.HasIndex("TenantId", "DocumentId", "LineNo").IsUnique().HasDatabaseName("ix_posted_transfer_lines_tenant_id_document_id_line_no");
            b.ToTable("posted_transfer_lines");
        });

        modelBuilder.Entity("Saas.Write.Workspace.SavedView", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<Guid>("Id").HasColumnName("id");
            b.Property<Guid>("UserId").HasColumnName("user_id");
            b.Property<string>("List").IsRequired().HasMaxLength(100).HasColumnName("list");
            b.Property<string>("Name").IsRequired().HasMaxLength(50).HasColumnName("name");
            b.Property<string>("Query").IsRequired().HasMaxLength(2000).HasColumnName("query");
            b.Property<DateTime>("CreatedUtc").HasColumnName("created_utc");
            b.HasKey("TenantId", "Id").HasName("pk_saved_views");
            b.HasIndex("TenantId", "UserId", "List", "Name").IsUnique().HasDatabaseName("ix_saved_views_tenant_id_user_id_list_name");
            b.ToTable("saved_views");
        });

        modelBuilder.Entity("Saas.Write.Workspace.BackgroundJob", b =>
        {
            b.Property<Guid>("TenantId").HasColumnName("tenant_id");
            b.Property<Guid>("Id").HasColumnName("id");
            b.Property<Guid>("UserId").HasColumnName("user_id");
            b.Property<string>("Kind").IsRequired().HasMaxLength(50).HasColumnName("kind");
            b.Property<string>("Status").IsRequired().HasMaxLength(20).HasColumnName("status");
            b.Property<long>("Processed").HasColumnName("processed");
            b.Property<long?>("Total").HasColumnName("total");
            b.Property<string>("Message").HasMaxLength(500).HasColumnName("message");
            b.Property<string>("ResultFile").HasMaxLength(200).HasColumnName("result_file");
            b.Property<DateTime>("StartedUtc").HasColumnName("started_utc");
            b.Property<DateTime?>("FinishedUtc").HasColumnName("finished_utc");
            b.HasKey("TenantId", "Id").HasName("pk_background_jobs");
            b.HasIndex("TenantId", "UserId", "StartedUtc").HasDatabaseName("ix_background_jobs_tenant_id_user_id_started_utc");
            b.ToTable("background_jobs");
        });
    }
}
