using Saas.Read.Common;
using Saas.Read.Finance;
using Saas.Read.Inventory;
using Saas.Read.MasterData;
using Saas.Tenancy.Storage;
using Saas.Write.Finance.Setup;

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
    UnitOfMeasure,
    GeneralBusinessPostingGroup,
    GeneralProductPostingGroup,
    InventoryPostingGroup,
    VatBusinessPostingGroup,
    VatProductPostingGroup,
}

/// <summary>One choice of a lookup: the code that goes into the field and the description that identifies it.</summary>
public sealed record LookupChoice(string Code, string Description);

/// <summary>
/// The choices of a lookup, read from the read side of the circuit's company (RLS and the tenant filter apply as
/// on every list). Blocked records stay out, as BC's lookups on documents hide them; the field's own validation
/// still names them if typed. Setup code tables (units of measure, posting groups) have no read model: they are read
/// from their own tables through <see cref="TenantDb"/>, a connection per search, because a circuit lives long and
/// its events interleave at every await, which a shared DbContext does not survive.
/// </summary>
public sealed class Lookups(
    ItemQueries items, LocationQueries locations, ItemCategoryQueries categories, CustomerQueries customers,
    VendorQueries vendors, LedgerQueries ledger, TenantDb db)
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
            // The chart's own list query: searched and cut to a page in SQL, not the whole chart read per keystroke.
            LookupList.GLAccount => (await ledger.AccountsAsync(new ListQuery { Search = search, Top = Shown, Filters = NotBlocked }, cancellationToken))
                .Value.Select(a => new LookupChoice(a.Number, a.DisplayName)).ToList(),
            LookupList.UnitOfMeasure => await CodeTableAsync("units_of_measure", "", search, cancellationToken),
            _ when PostingGroupOf(list) is { } kind => await CodeTableAsync("posting_groups", "kind = @Kind AND", search, cancellationToken, kind.ToString()),
            _ => throw new ArgumentOutOfRangeException(nameof(list), list, "No such lookup."),
        };
    }

    public static PostingGroupKind? PostingGroupOf(LookupList list) => list switch
    {
        LookupList.GeneralBusinessPostingGroup => PostingGroupKind.GeneralBusiness,
        LookupList.GeneralProductPostingGroup => PostingGroupKind.GeneralProduct,
        LookupList.InventoryPostingGroup => PostingGroupKind.Inventory,
        LookupList.VatBusinessPostingGroup => PostingGroupKind.VatBusiness,
        LookupList.VatProductPostingGroup => PostingGroupKind.VatProduct,
        _ => null,
    };

    /// <summary>A code table (code + description) by code prefix or any part of the description, codes in order.</summary>
    private Task<IReadOnlyList<LookupChoice>> CodeTableAsync(string table, string kindPredicate, string? search, CancellationToken cancellationToken, string? kind = null)
    {
        var searchPredicate = search is null ? "" : @"AND (UPPER(code) LIKE @Prefix ESCAPE '\' OR UPPER(description) LIKE @Anywhere ESCAPE '\')";
        return db.ReadAsync<IReadOnlyList<LookupChoice>>(async s => (await s.QueryAsync<LookupChoice>(
            $"""
            SELECT code AS Code, description AS Description FROM {table}
            WHERE {kindPredicate} tenant_id = @TenantId {searchPredicate}
            ORDER BY code
            LIMIT {Shown}
            """,
            new { Kind = kind ?? "", Prefix = Like(search) + "%", Anywhere = "%" + Like(search) + "%" })).ToList(), cancellationToken);
    }

    /// <summary>The search as a LIKE pattern that matches itself only (its own % and _ escaped), upper-cased.</summary>
    private static string Like(string? search) =>
        (search ?? "").ToUpperInvariant().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    private static readonly IReadOnlyDictionary<string, string> NotBlocked = new Dictionary<string, string> { ["blocked"] = "No" };
}
