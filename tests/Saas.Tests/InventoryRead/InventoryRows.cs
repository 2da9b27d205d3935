using Microsoft.Extensions.DependencyInjection;
using Saas.Read.Inventory;
using Saas.Tenancy.Storage;
using Saas.Tests.Infrastructure;
using Saas.Tests.Posting;

namespace Saas.Tests.InventoryRead;

/// <summary>One row of the inventory projection, or of the same sums taken from the write side's ledgers.</summary>
public sealed record OnHand(Guid ItemId, string LocationCode, decimal Quantity, decimal CostAmount)
{
    public override string ToString() => $"{ItemId} @ '{LocationCode}': {Quantity} / {CostAmount}";
}

internal static class InventoryRows
{
    /// <summary>The projection's rows of the tenant, in key order.</summary>
    public static Task<List<OnHand>> ProjectedAsync(PipelineApp app, Guid tenantId) =>
        app.InTenantAsync(tenantId, sp => sp.GetRequiredService<TenantDb>().ReadAsync(async s =>
            (await s.QueryAsync<ItemLocationInventory>(
                "SELECT item_id AS ItemId, location_code AS LocationCode, quantity AS Quantity, cost_amount AS CostAmount " +
                "FROM item_location_inventory WHERE tenant_id = @TenantId"))
            .Select(r => new OnHand(r.ItemId, r.LocationCode, r.Quantity, r.CostAmount))
            .OrderBy(r => r.ItemId).ThenBy(r => r.LocationCode, StringComparer.Ordinal).ToList()));

    /// <summary>What the projection must hold: Σ item ledger quantities and Σ value entry costs per item and location.</summary>
    public static List<OnHand> Expected(Ledgers ledgers)
    {
        var keys = ledgers.Items.Select(e => (e.ItemId, e.LocationCode))
            .Concat(ledgers.Values.Select(v => (v.ItemId, v.LocationCode)))
            .Distinct();
        return keys.Select(k => new OnHand(
                k.ItemId,
                k.LocationCode,
                ledgers.Items.Where(e => e.ItemId == k.ItemId && e.LocationCode == k.LocationCode).Sum(e => e.Quantity),
                ledgers.Values.Where(v => v.ItemId == k.ItemId && v.LocationCode == k.LocationCode).Sum(v => v.CostAmountExpected + v.CostAmountActual)))
            .OrderBy(r => r.ItemId).ThenBy(r => r.LocationCode, StringComparer.Ordinal).ToList();
    }
}
