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
public sealed class InventoryPostingSetups(WriteDbContext db)
{
    public Guid IdOf(InventoryPostingSetup s) => SetupKeys.Id(db.CurrentTenantId, "inventoryPostingSetups", s.LocationCode, s.InventoryPostingGroup);

    public static long VersionOf(InventoryPostingSetup s) =>
        SetupKeys.Version(s.LocationCode, s.InventoryPostingGroup, s.InventoryAccount, s.InventoryInterimAccount);

    public async Task<List<InventoryPostingSetup>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.InventoryPostingSetups.AsNoTracking().OrderBy(s => s.LocationCode).ThenBy(s => s.InventoryPostingGroup).ToListAsync(cancellationToken);

    public async Task<InventoryPostingSetup?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken)).SingleOrDefault(s => IdOf(s) == id);

    public Task<InventoryPostingSetup> CreateAsync(InventoryPostingSetupChange change, CancellationToken cancellationToken = default) =>
        SetupLock.RunAsync(db, () => CreateCoreAsync(change, cancellationToken), cancellationToken);

    private async Task<InventoryPostingSetup> CreateCoreAsync(InventoryPostingSetupChange change, CancellationToken cancellationToken = default)
    {
        var v = new Validation();
        var setup = new InventoryPostingSetup
        {
            TenantId = db.CurrentTenantId,
            LocationCode = Codes.Normalize(change.LocationCode),
            InventoryPostingGroup = Codes.Normalize(change.InventoryPostingGroup),
        };

        // Blank location is a real row: BC posts items without a location through it.
        if (setup.LocationCode.Length > 0 && !await db.Locations.AnyAsync(l => l.Code == setup.LocationCode, cancellationToken))
        {
            v.Add("locationCode", $"Location {setup.LocationCode} does not exist.");
        }

        await PostingSetupKeys.GroupAsync(db, v, "inventoryPostingGroup", PostingGroupKind.Inventory, setup.InventoryPostingGroup, false, cancellationToken);
        await ApplyAsync(v, setup, change, cancellationToken);
        v.ThrowIfInvalid();

        var message = $"{setup.Describe()} already exists.";
        if (await db.InventoryPostingSetups.AnyAsync(
                s => s.LocationCode == setup.LocationCode && s.InventoryPostingGroup == setup.InventoryPostingGroup, cancellationToken))
        {
            throw new ConflictException("inventoryPostingGroup", message);
        }

        db.InventoryPostingSetups.Add(setup);
        await WriteSaves.SaveNewAsync(db, "inventoryPostingGroup", message, cancellationToken);
        return setup;
    }

    public Task<InventoryPostingSetup> UpdateAsync(Guid id, long? expectedVersion, InventoryPostingSetupChange change, CancellationToken cancellationToken = default) =>
        SetupLock.RunAsync(db, () => UpdateCoreAsync(id, expectedVersion, change, cancellationToken), cancellationToken);

    private async Task<InventoryPostingSetup> UpdateCoreAsync(Guid id, long? expectedVersion, InventoryPostingSetupChange change, CancellationToken cancellationToken = default)
    {
        var setup = (await db.InventoryPostingSetups.ToListAsync(cancellationToken)).SingleOrDefault(s => IdOf(s) == id)
            ?? throw new NotFoundException("Inventory Posting Setup", id);
        SetupKeys.CheckVersion(setup.Describe(), expectedVersion, VersionOf(setup));
        var v = new Validation();
        PostingSetupKeys.Unchanged(v, "locationCode", change.LocationCode, setup.LocationCode);
        PostingSetupKeys.Unchanged(v, "inventoryPostingGroup", change.InventoryPostingGroup, setup.InventoryPostingGroup);
        await ApplyAsync(v, setup, change, cancellationToken);
        v.ThrowIfInvalid();
        await db.SaveChangesAsync(cancellationToken);
        return setup;
    }

    public Task DeleteAsync(Guid id, CancellationToken cancellationToken = default) =>
        SetupLock.RunAsync(db, () => DeleteCoreAsync(id, cancellationToken), cancellationToken);

    private async Task DeleteCoreAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var setup = (await db.InventoryPostingSetups.ToListAsync(cancellationToken)).SingleOrDefault(s => IdOf(s) == id)
            ?? throw new NotFoundException("Inventory Posting Setup", id);
        db.InventoryPostingSetups.Remove(setup);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task ApplyAsync(Validation v, InventoryPostingSetup s, InventoryPostingSetupChange c, CancellationToken cancellationToken)
    {
        s.InventoryAccount = await PostingSetupKeys.AccountAsync(db, v, "inventoryAccount", c.InventoryAccount, s.InventoryAccount, cancellationToken);
        s.InventoryInterimAccount = await PostingSetupKeys.AccountAsync(db, v, "inventoryInterimAccount", c.InventoryInterimAccount, s.InventoryInterimAccount, cancellationToken);
    }
}
