using Saas.Read.Common;
using Saas.Read.Inventory;
using Saas.Read.MasterData;

namespace Saas.Web.Components.Interactive;

/// <summary>What the Item Availability FactBox of a document line shows (BC's "Item Details" FactBox, the part we have).</summary>
public sealed record ItemAvailability(string ItemNumber, string Description, string BaseUnitOfMeasureCode, string LocationCode, decimal AtLocation, decimal Inventory);

/// <summary>Reads a line's item availability from the read side of the circuit's company.</summary>
public sealed class ItemAvailabilityFacts(ItemQueries items, InventoryQueries inventory)
{
    public async Task<ItemAvailability?> ForAsync(string? itemNumber, string? locationCode, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(itemNumber))
        {
            return null;
        }

        var number = itemNumber.Trim();
        var item = (await items.ListAsync(new ItemListQuery { Search = number, Top = Lookups.Shown }, cancellationToken)).Value
            .FirstOrDefault(i => string.Equals(i.Number, number, StringComparison.OrdinalIgnoreCase));
        if (item is null)
        {
            return null;
        }

        var byLocation = (await inventory.ByLocationAsync(item.Id, new ListQuery { Top = ListQuery.MaxTop }, null, cancellationToken)).Value;
        var location = locationCode ?? "";
        return new ItemAvailability(
            item.Number, item.DisplayName, item.BaseUnitOfMeasureCode, location,
            byLocation.Where(l => string.Equals(l.LocationCode, location, StringComparison.OrdinalIgnoreCase)).Sum(l => l.Quantity),
            byLocation.Sum(l => l.Quantity));
    }
}
