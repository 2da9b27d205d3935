using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Saas.Write.Common;

namespace Saas.Write.Finance.Setup.Editing;

public sealed record InventoryPostingSetupChange
{
    public string? LocationCode { get; init; }
    public string? InventoryPostingGroup { get; init; }
    public string? InventoryAccount { get; init; }
    public string? InventoryInterimAccount { get; init; }
}

/// <summary>The inventory posting setup (BC table 5813): location × inventory posting group. Changes apply from the next posting.</summary>
public sealed class InventoryPostingSetups(WriteDbContext db) : PostingSetupMatrix<InventoryPostingSetup, InventoryPostingSetupChange>(
    db, new("inventoryPostingSetups", "Inventory Posting Setup", "locationCode", "inventoryPostingGroup"))
{
    public static long VersionOf(InventoryPostingSetup s) =>
        SetupKeys.Version(s.LocationCode, s.InventoryPostingGroup, s.InventoryAccount, s.InventoryInterimAccount);

    private protected override (string First, string Second) KeyOf(InventoryPostingSetup s) => (s.LocationCode, s.InventoryPostingGroup);

    private protected override (string? First, string? Second) KeyOf(InventoryPostingSetupChange c) => (c.LocationCode, c.InventoryPostingGroup);

    private protected override InventoryPostingSetup NewRow(string first, string second) =>
        new() { TenantId = Db.CurrentTenantId, LocationCode = first, InventoryPostingGroup = second };

    private protected override Expression<Func<InventoryPostingSetup, bool>> HasKey(string first, string second) =>
        s => s.LocationCode == first && s.InventoryPostingGroup == second;

    private protected override IQueryable<InventoryPostingSetup> InKeyOrder(IQueryable<InventoryPostingSetup> rows) =>
        rows.OrderBy(s => s.LocationCode).ThenBy(s => s.InventoryPostingGroup);

    private protected override string Caption(InventoryPostingSetup s) => s.Describe();

    private protected override long Version(InventoryPostingSetup s) => VersionOf(s);

    private protected override async Task CheckKeyAsync(Validation v, InventoryPostingSetup s, CancellationToken cancellationToken)
    {
        // Blank location is a real row: BC posts items without a location through it.
        if (s.LocationCode.Length > 0 && !await Db.Locations.AnyAsync(l => l.Code == s.LocationCode, cancellationToken))
        {
            v.Add("locationCode", $"Location {s.LocationCode} does not exist.");
        }

        await CheckGroupAsync(v, "inventoryPostingGroup", PostingGroupKind.Inventory, s.InventoryPostingGroup, false, cancellationToken);
    }

    private protected override async Task ApplyAsync(Validation v, InventoryPostingSetup s, InventoryPostingSetupChange c, CancellationToken cancellationToken)
    {
        s.InventoryAccount = await AccountAsync(v, "inventoryAccount", c.InventoryAccount, s.InventoryAccount, cancellationToken);
        s.InventoryInterimAccount = await AccountAsync(v, "inventoryInterimAccount", c.InventoryInterimAccount, s.InventoryInterimAccount, cancellationToken);
    }
}
