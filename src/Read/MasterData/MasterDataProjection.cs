using Saas.Contracts;
using Saas.Contracts.MasterData;
using Saas.Read.Inventory;
using Saas.Tenancy.Storage;

namespace Saas.Read.MasterData;

/// <summary>
/// The one code path that turns master-data snapshots into read rows, used by the consumer and by the
/// rebuild alike. An upsert only wins with a higher version, so late or repeated deliveries cannot
/// overwrite newer data and delivery order does not matter.
/// </summary>
public static class MasterDataProjection
{
    public static Task ProjectAsync(TenantSqlSession session, ITenantEvent message) => message switch
    {
        ItemChanged item => UpsertItemAsync(session, item),
        CustomerChanged customer => UpsertCustomerAsync(session, customer),
        VendorChanged vendor => UpsertVendorAsync(session, vendor),
        LocationChanged location => UpsertLocationAsync(session, location),
        _ when ItemCatalogProjection.Handles(message) => ItemCatalogProjection.ProjectAsync(session, message),
        _ => throw new ArgumentException($"{message.GetType().Name} is not a master-data event.", nameof(message)),
    };

    public static Task UpsertItemAsync(TenantSqlSession session, ItemChanged e)
    {
        EnsureSameTenant(session, e);
        return session.ExecuteAsync(
            """
            INSERT INTO item_list (tenant_id, id, number, display_name, type, base_unit_of_measure_code, unit_price, unit_cost,
                costing_method, item_category_code, blocked, sales_blocked, purchasing_blocked, last_modified_utc, version)
            VALUES (@TenantId, @ItemId, @Number, @DisplayName, @Type, @BaseUnitOfMeasureCode, @UnitPrice, @UnitCost,
                @CostingMethod, @ItemCategoryCode, @Blocked, @SalesBlocked, @PurchasingBlocked, @LastModifiedUtc, @Version)
            ON CONFLICT (tenant_id, id) DO UPDATE SET
                number = excluded.number, display_name = excluded.display_name, type = excluded.type,
                base_unit_of_measure_code = excluded.base_unit_of_measure_code, unit_price = excluded.unit_price,
                unit_cost = excluded.unit_cost, costing_method = excluded.costing_method,
                item_category_code = excluded.item_category_code, blocked = excluded.blocked,
                sales_blocked = excluded.sales_blocked, purchasing_blocked = excluded.purchasing_blocked,
                last_modified_utc = excluded.last_modified_utc, version = excluded.version
            WHERE item_list.version < excluded.version
            """,
            new
            {
                e.ItemId, e.Number, e.DisplayName, e.Type, e.BaseUnitOfMeasureCode, e.UnitPrice, e.UnitCost, e.CostingMethod,
                e.ItemCategoryCode, e.Blocked, e.SalesBlocked, e.PurchasingBlocked, LastModifiedUtc = Utc(e.LastModifiedUtc), e.Version,
            });
    }

    public static Task UpsertCustomerAsync(TenantSqlSession session, CustomerChanged e)
    {
        EnsureSameTenant(session, e);
        return session.ExecuteAsync(
            """
            INSERT INTO customer_list (tenant_id, id, number, display_name, address_line1, address_line2, city, state, postal_code,
                country, phone_number, email, currency_code, payment_terms_code, credit_limit, blocked, shipping_advice,
                last_modified_utc, version)
            VALUES (@TenantId, @CustomerId, @Number, @DisplayName, @AddressLine1, @AddressLine2, @City, @State, @PostalCode,
                @Country, @PhoneNumber, @Email, @CurrencyCode, @PaymentTermsCode, @CreditLimit, @Blocked, @ShippingAdvice,
                @LastModifiedUtc, @Version)
            ON CONFLICT (tenant_id, id) DO UPDATE SET
                number = excluded.number, display_name = excluded.display_name, address_line1 = excluded.address_line1,
                address_line2 = excluded.address_line2, city = excluded.city, state = excluded.state,
                postal_code = excluded.postal_code, country = excluded.country, phone_number = excluded.phone_number,
                email = excluded.email, currency_code = excluded.currency_code, payment_terms_code = excluded.payment_terms_code,
                credit_limit = excluded.credit_limit, blocked = excluded.blocked, shipping_advice = excluded.shipping_advice,
                last_modified_utc = excluded.last_modified_utc, version = excluded.version
            WHERE customer_list.version < excluded.version
            """,
            new
            {
                e.CustomerId, e.Number, e.DisplayName, e.AddressLine1, e.AddressLine2, e.City, e.State, e.PostalCode, e.Country,
                e.PhoneNumber, e.Email, e.CurrencyCode, e.PaymentTermsCode, e.CreditLimit, e.Blocked, e.ShippingAdvice,
                LastModifiedUtc = Utc(e.LastModifiedUtc), e.Version,
            });
    }

    public static Task UpsertVendorAsync(TenantSqlSession session, VendorChanged e)
    {
        EnsureSameTenant(session, e);
        return session.ExecuteAsync(
            """
            INSERT INTO vendor_list (tenant_id, id, number, display_name, address_line1, address_line2, city, state, postal_code,
                country, phone_number, email, currency_code, payment_terms_code, blocked, last_modified_utc, version)
            VALUES (@TenantId, @VendorId, @Number, @DisplayName, @AddressLine1, @AddressLine2, @City, @State, @PostalCode,
                @Country, @PhoneNumber, @Email, @CurrencyCode, @PaymentTermsCode, @Blocked, @LastModifiedUtc, @Version)
            ON CONFLICT (tenant_id, id) DO UPDATE SET
                number = excluded.number, display_name = excluded.display_name, address_line1 = excluded.address_line1,
                address_line2 = excluded.address_line2, city = excluded.city, state = excluded.state,
                postal_code = excluded.postal_code, country = excluded.country, phone_number = excluded.phone_number,
                email = excluded.email, currency_code = excluded.currency_code, payment_terms_code = excluded.payment_terms_code,
                blocked = excluded.blocked, last_modified_utc = excluded.last_modified_utc, version = excluded.version
            WHERE vendor_list.version < excluded.version
            """,
            new
            {
                e.VendorId, e.Number, e.DisplayName, e.AddressLine1, e.AddressLine2, e.City, e.State, e.PostalCode, e.Country,
                e.PhoneNumber, e.Email, e.CurrencyCode, e.PaymentTermsCode, e.Blocked, LastModifiedUtc = Utc(e.LastModifiedUtc), e.Version,
            });
    }

    public static Task UpsertLocationAsync(TenantSqlSession session, LocationChanged e)
    {
        EnsureSameTenant(session, e);
        return session.ExecuteAsync(
            """
            INSERT INTO location_list (tenant_id, id, code, display_name, address_line1, address_line2, city, state, postal_code,
                country, use_as_in_transit, last_modified_utc, version)
            VALUES (@TenantId, @LocationId, @Code, @DisplayName, @AddressLine1, @AddressLine2, @City, @State, @PostalCode,
                @Country, @UseAsInTransit, @LastModifiedUtc, @Version)
            ON CONFLICT (tenant_id, id) DO UPDATE SET
                code = excluded.code, display_name = excluded.display_name, address_line1 = excluded.address_line1,
                address_line2 = excluded.address_line2, city = excluded.city, state = excluded.state,
                postal_code = excluded.postal_code, country = excluded.country, use_as_in_transit = excluded.use_as_in_transit,
                last_modified_utc = excluded.last_modified_utc, version = excluded.version
            WHERE location_list.version < excluded.version
            """,
            new
            {
                e.LocationId, e.Code, e.DisplayName, e.AddressLine1, e.AddressLine2, e.City, e.State, e.PostalCode, e.Country,
                e.UseAsInTransit, LastModifiedUtc = Utc(e.LastModifiedUtc), e.Version,
            });
    }

    /// <summary>Deletes the tenant's master-data read rows (the first step of a rebuild).</summary>
    public static async Task DeleteAllAsync(TenantSqlSession session)
    {
        foreach (var table in new[] { "item_list", "customer_list", "vendor_list", "location_list" })
        {
            await session.ExecuteAsync($"DELETE FROM {table} WHERE tenant_id = @TenantId");
        }
    }

    // The session stamps @TenantId from the tenant in scope; an event of another tenant must never be
    // written under it (the consume filter already refuses such messages; this is the second wall).
    private static void EnsureSameTenant(TenantSqlSession session, ITenantEvent e)
    {
        if (e.TenantId != session.TenantId)
        {
            throw new InvalidOperationException(
                $"{e.GetType().Name} of tenant {e.TenantId} refused while tenant {session.TenantId} is in scope.");
        }
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
