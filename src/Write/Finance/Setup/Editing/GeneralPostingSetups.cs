using Microsoft.EntityFrameworkCore;
using Saas.Write.Common;

namespace Saas.Write.Finance.Setup.Editing;

/// <summary>A general posting setup row: the key on create, any account field; null leaves a field as it is.</summary>
public sealed record GeneralPostingSetupChange
{
    public string? GenBusPostingGroup { get; init; }
    public string? GenProdPostingGroup { get; init; }
    public string? SalesAccount { get; init; }
    public string? SalesCreditMemoAccount { get; init; }
    public string? PurchaseAccount { get; init; }
    public string? PurchaseCreditMemoAccount { get; init; }
    public string? CogsAccount { get; init; }
    public string? CogsInterimAccount { get; init; }
    public string? InventoryAdjustmentAccount { get; init; }
    public string? InventoryAccrualInterimAccount { get; init; }
    public string? DirectCostAppliedAccount { get; init; }
    public string? OverheadAppliedAccount { get; init; }
    public string? PurchaseVarianceAccount { get; init; }
}

/// <summary>
/// The general posting setup matrix (BC table 252). Posting reads the row when it posts, so a change applies from
/// the next posting on; posted entries keep the accounts they were posted to.
/// </summary>
public sealed class GeneralPostingSetups(WriteDbContext db)
{
    public Guid IdOf(GeneralPostingSetup s) => SetupKeys.Id(db.CurrentTenantId, "generalPostingSetups", s.GenBusPostingGroup, s.GenProdPostingGroup);

    public static long VersionOf(GeneralPostingSetup s) =>
        SetupKeys.Version([s.GenBusPostingGroup, s.GenProdPostingGroup, .. GeneralPostingSetupFields.Accounts(s).Select(a => a.Value)]);

    public async Task<List<GeneralPostingSetup>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.GeneralPostingSetups.AsNoTracking().OrderBy(s => s.GenBusPostingGroup).ThenBy(s => s.GenProdPostingGroup).ToListAsync(cancellationToken);

    public async Task<GeneralPostingSetup?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken)).SingleOrDefault(s => IdOf(s) == id);

    public Task<GeneralPostingSetup> CreateAsync(GeneralPostingSetupChange change, CancellationToken cancellationToken = default) =>
        SetupLock.RunAsync(db, () => CreateCoreAsync(change, cancellationToken), cancellationToken);

    private async Task<GeneralPostingSetup> CreateCoreAsync(GeneralPostingSetupChange change, CancellationToken cancellationToken = default)
    {
        var v = new Validation();
        var setup = new GeneralPostingSetup
        {
            TenantId = db.CurrentTenantId,
            GenBusPostingGroup = Codes.Normalize(change.GenBusPostingGroup),
            GenProdPostingGroup = Codes.Normalize(change.GenProdPostingGroup),
        };

        // Blank business group is a real row (journals post without one); the product group is always named.
        await PostingSetupKeys.GroupAsync(db, v, "generalBusinessPostingGroup", PostingGroupKind.GeneralBusiness, setup.GenBusPostingGroup, true, cancellationToken);
        await PostingSetupKeys.GroupAsync(db, v, "generalProductPostingGroup", PostingGroupKind.GeneralProduct, setup.GenProdPostingGroup, false, cancellationToken);
        await ApplyAsync(v, setup, change, cancellationToken);
        v.ThrowIfInvalid();

        var message = $"{setup.Describe()} already exists.";
        if (await db.GeneralPostingSetups.AnyAsync(
                s => s.GenBusPostingGroup == setup.GenBusPostingGroup && s.GenProdPostingGroup == setup.GenProdPostingGroup, cancellationToken))
        {
            throw new ConflictException("generalProductPostingGroup", message);
        }

        db.GeneralPostingSetups.Add(setup);
        await WriteSaves.SaveNewAsync(db, "generalProductPostingGroup", message, cancellationToken);
        return setup;
    }

    public Task<GeneralPostingSetup> UpdateAsync(Guid id, long? expectedVersion, GeneralPostingSetupChange change, CancellationToken cancellationToken = default) =>
        SetupLock.RunAsync(db, () => UpdateCoreAsync(id, expectedVersion, change, cancellationToken), cancellationToken);

    private async Task<GeneralPostingSetup> UpdateCoreAsync(Guid id, long? expectedVersion, GeneralPostingSetupChange change, CancellationToken cancellationToken = default)
    {
        var setup = (await db.GeneralPostingSetups.ToListAsync(cancellationToken)).SingleOrDefault(s => IdOf(s) == id)
            ?? throw new NotFoundException("General Posting Setup", id);
        SetupKeys.CheckVersion(setup.Describe(), expectedVersion, VersionOf(setup));
        var v = new Validation();
        PostingSetupKeys.Unchanged(v, "generalBusinessPostingGroup", change.GenBusPostingGroup, setup.GenBusPostingGroup);
        PostingSetupKeys.Unchanged(v, "generalProductPostingGroup", change.GenProdPostingGroup, setup.GenProdPostingGroup);
        await ApplyAsync(v, setup, change, cancellationToken);
        v.ThrowIfInvalid();
        await db.SaveChangesAsync(cancellationToken);
        return setup;
    }

    public Task DeleteAsync(Guid id, CancellationToken cancellationToken = default) =>
        SetupLock.RunAsync(db, () => DeleteCoreAsync(id, cancellationToken), cancellationToken);

    private async Task DeleteCoreAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var setup = (await db.GeneralPostingSetups.ToListAsync(cancellationToken)).SingleOrDefault(s => IdOf(s) == id)
            ?? throw new NotFoundException("General Posting Setup", id);
        db.GeneralPostingSetups.Remove(setup);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task ApplyAsync(Validation v, GeneralPostingSetup s, GeneralPostingSetupChange c, CancellationToken cancellationToken)
    {
        s.SalesAccount = await PostingSetupKeys.AccountAsync(db, v, "salesAccount", c.SalesAccount, s.SalesAccount, cancellationToken);
        s.SalesCreditMemoAccount = await PostingSetupKeys.AccountAsync(db, v, "salesCreditMemoAccount", c.SalesCreditMemoAccount, s.SalesCreditMemoAccount, cancellationToken);
        s.PurchaseAccount = await PostingSetupKeys.AccountAsync(db, v, "purchaseAccount", c.PurchaseAccount, s.PurchaseAccount, cancellationToken);
        s.PurchaseCreditMemoAccount = await PostingSetupKeys.AccountAsync(db, v, "purchaseCreditMemoAccount", c.PurchaseCreditMemoAccount, s.PurchaseCreditMemoAccount, cancellationToken);
        s.CogsAccount = await PostingSetupKeys.AccountAsync(db, v, "cogsAccount", c.CogsAccount, s.CogsAccount, cancellationToken);
        s.CogsInterimAccount = await PostingSetupKeys.AccountAsync(db, v, "cogsInterimAccount", c.CogsInterimAccount, s.CogsInterimAccount, cancellationToken);
        s.InventoryAdjustmentAccount = await PostingSetupKeys.AccountAsync(db, v, "inventoryAdjustmentAccount", c.InventoryAdjustmentAccount, s.InventoryAdjustmentAccount, cancellationToken);
        s.InventoryAccrualInterimAccount = await PostingSetupKeys.AccountAsync(db, v, "inventoryAccrualInterimAccount", c.InventoryAccrualInterimAccount, s.InventoryAccrualInterimAccount, cancellationToken);
        s.DirectCostAppliedAccount = await PostingSetupKeys.AccountAsync(db, v, "directCostAppliedAccount", c.DirectCostAppliedAccount, s.DirectCostAppliedAccount, cancellationToken);
        s.OverheadAppliedAccount = await PostingSetupKeys.AccountAsync(db, v, "overheadAppliedAccount", c.OverheadAppliedAccount, s.OverheadAppliedAccount, cancellationToken);
        s.PurchaseVarianceAccount = await PostingSetupKeys.AccountAsync(db, v, "purchaseVarianceAccount", c.PurchaseVarianceAccount, s.PurchaseVarianceAccount, cancellationToken);
    }
}

/// <summary>Key and account checks the three posting setup matrices share.</summary>
internal static class PostingSetupKeys
{
    public static async Task GroupAsync(
        WriteDbContext db, Validation v, string field, PostingGroupKind kind, string code, bool blankAllowed, CancellationToken cancellationToken)
    {
        if (code.Length == 0)
        {
            if (!blankAllowed)
            {
                v.Add(field, "is required.");
            }

            return;
        }

        if (!await db.PostingGroups.AnyAsync(g => g.Kind == kind && g.Code == code, cancellationToken))
        {
            v.Add(field, $"{PostingGroups.Caption(kind)} {code} does not exist.");
        }
    }

    /// <summary>The setup's key is its identity: a different combination is a new row, not a change of this one.</summary>
    public static void Unchanged(Validation v, string field, string? given, string current)
    {
        if (given is not null && Codes.Normalize(given) != current)
        {
            v.Add(field, "cannot be changed; delete this row and create the new combination.");
        }
    }

    /// <summary>The field's new value (checked), or the current one when the change leaves it alone. Empty clears it.</summary>
    public static async Task<string> AccountAsync(
        WriteDbContext db, Validation v, string field, string? given, string current, CancellationToken cancellationToken)
    {
        if (given is null)
        {
            return current;
        }

        var number = Codes.Normalize(given);
        await SetupAccountFields.CheckAsync(db, v, field, number, cancellationToken);
        return number;
    }
}
