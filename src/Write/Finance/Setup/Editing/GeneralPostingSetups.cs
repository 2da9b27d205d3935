using System.Linq.Expressions;
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
public sealed class GeneralPostingSetups(WriteDbContext db) : PostingSetupMatrix<GeneralPostingSetup, GeneralPostingSetupChange>(
    db, new("generalPostingSetups", "General Posting Setup", "generalBusinessPostingGroup", "generalProductPostingGroup"))
{
    public static long VersionOf(GeneralPostingSetup s) =>
        SetupKeys.Version([s.GenBusPostingGroup, s.GenProdPostingGroup, .. GeneralPostingSetupFields.Accounts(s).Select(a => a.Value)]);

    private protected override (string First, string Second) KeyOf(GeneralPostingSetup s) => (s.GenBusPostingGroup, s.GenProdPostingGroup);

    private protected override (string? First, string? Second) KeyOf(GeneralPostingSetupChange c) => (c.GenBusPostingGroup, c.GenProdPostingGroup);

    private protected override GeneralPostingSetup NewRow(string first, string second) =>
        new() { TenantId = Db.CurrentTenantId, GenBusPostingGroup = first, GenProdPostingGroup = second };

    private protected override Expression<Func<GeneralPostingSetup, bool>> HasKey(string first, string second) =>
        s => s.GenBusPostingGroup == first && s.GenProdPostingGroup == second;

    private protected override IQueryable<GeneralPostingSetup> InKeyOrder(IQueryable<GeneralPostingSetup> rows) =>
        rows.OrderBy(s => s.GenBusPostingGroup).ThenBy(s => s.GenProdPostingGroup);

    private protected override string Caption(GeneralPostingSetup s) => s.Describe();

    private protected override long Version(GeneralPostingSetup s) => VersionOf(s);

    private protected override async Task CheckKeyAsync(Validation v, GeneralPostingSetup s, CancellationToken cancellationToken)
    {
        // Blank business group is a real row (journals post without one); the product group is always named.
        await CheckGroupAsync(v, "generalBusinessPostingGroup", PostingGroupKind.GeneralBusiness, s.GenBusPostingGroup, true, cancellationToken);
        await CheckGroupAsync(v, "generalProductPostingGroup", PostingGroupKind.GeneralProduct, s.GenProdPostingGroup, false, cancellationToken);
    }

    private protected override async Task ApplyAsync(Validation v, GeneralPostingSetup s, GeneralPostingSetupChange c, CancellationToken cancellationToken)
    {
        s.SalesAccount = await AccountAsync(v, "salesAccount", c.SalesAccount, s.SalesAccount, cancellationToken);
        s.SalesCreditMemoAccount = await AccountAsync(v, "salesCreditMemoAccount", c.SalesCreditMemoAccount, s.SalesCreditMemoAccount, cancellationToken);
        s.PurchaseAccount = await AccountAsync(v, "purchaseAccount", c.PurchaseAccount, s.PurchaseAccount, cancellationToken);
        s.PurchaseCreditMemoAccount = await AccountAsync(v, "purchaseCreditMemoAccount", c.PurchaseCreditMemoAccount, s.PurchaseCreditMemoAccount, cancellationToken);
        s.CogsAccount = await AccountAsync(v, "cogsAccount", c.CogsAccount, s.CogsAccount, cancellationToken);
        s.CogsInterimAccount = await AccountAsync(v, "cogsInterimAccount", c.CogsInterimAccount, s.CogsInterimAccount, cancellationToken);
        s.InventoryAdjustmentAccount = await AccountAsync(v, "inventoryAdjustmentAccount", c.InventoryAdjustmentAccount, s.InventoryAdjustmentAccount, cancellationToken);
        s.InventoryAccrualInterimAccount = await AccountAsync(
            v, "inventoryAccrualInterimAccount", c.InventoryAccrualInterimAccount, s.InventoryAccrualInterimAccount, cancellationToken);
        s.DirectCostAppliedAccount = await AccountAsync(v, "directCostAppliedAccount", c.DirectCostAppliedAccount, s.DirectCostAppliedAccount, cancellationToken);
        s.OverheadAppliedAccount = await AccountAsync(v, "overheadAppliedAccount", c.OverheadAppliedAccount, s.OverheadAppliedAccount, cancellationToken);
        s.PurchaseVarianceAccount = await AccountAsync(v, "purchaseVarianceAccount", c.PurchaseVarianceAccount, s.PurchaseVarianceAccount, cancellationToken);
    }
}
