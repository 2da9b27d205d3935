using Saas.Read.Common;
using Saas.Read.Finance;
using Saas.Read.Inventory;
using Saas.Read.MasterData;

namespace Saas.Web.Components.Interactive;

/// <summary>The lists a code field can look up (BC's TableRelation of the field).</summary>
public enum LookupList
{
    Item,
    Location,
    InTransitLocation,
    ItemCategory,
    Customer,
    Vendor,
    GLAccount,
}

/// <summary>One choice of a lookup: the code that goes into the field and the description that identifies it.</summary>
public sealed record LookupChoice(string Code, string Description);

/// <summary>
/// The choices of a lookup, read from the read side of the circuit's company (RLS and the tenant filter apply as
/// on every list). Blocked records stay out, as BC's lookups on documents hide them; the field's own validation
/// still names them if typed.
/// </summary>
public sealed class Lookups(
    ItemQueries items, LocationQueries locations, ItemCategoryQueries categories, CustomerQueries customers,
    VendorQueries vendors, LedgerQueries ledger)
{
    /// <summary>As many choices as a lookup shows at once; typing narrows them.</summary>
    public const int Shown = 8;

    public async Task<IReadOnlyList<LookupChoice>> SearchAsync(LookupList list, string? text, CancellationToken cancellationToken = default)
    {
        var search = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        return list switch
        {
            LookupList.Item => (await items.ListAsync(new ItemListQuery { Search = search, Top = Shown, Blocked = false }, cancellationToken))
                .Value.Select(i => new LookupChoice(i.Number, i.DisplayName)).ToList(),
            LookupList.Location or LookupList.InTransitLocation =>
                (await locations.ListAsync(new LocationListQuery { Search = search, Top = Shown, UseAsInTransit = list == LookupList.InTransitLocation }, cancellationToken))
                .Value.Select(l => new LookupChoice(l.Code, l.DisplayName)).ToList(),
            LookupList.ItemCategory => (await categories.ListAsync(new ItemCategoryListQuery { Search = search, Top = Shown }, cancellationToken))
                .Value.Select(c => new LookupChoice(c.Code, c.DisplayName)).ToList(),
            LookupList.Customer => (await customers.ListAsync(new CustomerListQuery { Search = search, Top = Shown }, cancellationToken))
                .Value.Select(c => new LookupChoice(c.Number, c.DisplayName)).ToList(),
            LookupList.Vendor => (await vendors.ListAsync(new VendorListQuery { Search = search, Top = Shown }, cancellationToken))
                .Value.Select(v => new LookupChoice(v.Number, v.DisplayName)).ToList(),
            LookupList.GLAccount => (await ledger.AccountsAsync(cancellationToken))
                .Where(a => !a.Blocked && (search is null || Contains(a.Number, search) || Contains(a.DisplayName, search)))
                .Take(Shown).Select(a => new LookupChoice(a.Number, a.DisplayName)).ToList(),
            _ => throw new ArgumentOutOfRangeException(nameof(list), list, "No such lookup."),
        };
    }

    private static bool Contains(string value, string search) => value.Contains(search, StringComparison.OrdinalIgnoreCase);
}
