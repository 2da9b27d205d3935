using Microsoft.EntityFrameworkCore;
using Saas.Write.Common;

namespace Saas.Write.Finance.Setup.Editing;

/// <summary>
/// BC's TableRelation and CheckGLAcc on every account field of the posting setup: the account must exist and not be
/// blocked (the model keeps posting accounts only, so "must be a Posting account" always holds). The error names
/// the field and the account, so the page can show it next to the field.
/// </summary>
public static class SetupAccountFields
{
    public static async Task CheckAsync(WriteDbContext db, Validation validation, string field, string number, CancellationToken cancellationToken)
    {
        if (number.Length == 0)
        {
            return;
        }

        if (number.Length > GLAccount.NumberLength)
        {
            validation.Add(field, $"must be at most {GLAccount.NumberLength} characters long (it is {number.Length}).");
            return;
        }

        var account = await db.GLAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Number == number, cancellationToken);
        if (account is null)
        {
            validation.Add(field, $"G/L Account {number} does not exist.");
        }
        else if (account.Blocked)
        {
            validation.Add(field, $"G/L Account {number} is blocked.");
        }
    }

    /// <summary>Every setup row that names <paramref name="number"/>, described as BC's messages describe them.</summary>
    public static async Task<List<string>> WhereUsedAsync(WriteDbContext db, string number, CancellationToken cancellationToken)
    {
        var uses = new List<string>();
        foreach (var s in await db.GeneralPostingSetups.AsNoTracking().ToListAsync(cancellationToken))
        {
            uses.AddRange(GeneralPostingSetupFields.Accounts(s).Where(f => f.Value == number).Select(f => $"{s.Describe()} ({f.Caption})"));
        }

        foreach (var s in await db.InventoryPostingSetups.AsNoTracking().ToListAsync(cancellationToken))
        {
            if (s.InventoryAccount == number)
            {
                uses.Add($"{s.Describe()} (Inventory Account)");
            }

            if (s.InventoryInterimAccount == number)
            {
                uses.Add($"{s.Describe()} (Inventory Account (Interim))");
            }
        }

        foreach (var s in await db.VatPostingSetups.AsNoTracking().ToListAsync(cancellationToken))
        {
            var name = $"VAT Posting Setup {GeneralPostingSetup.Show(s.VatBusPostingGroup)} × {GeneralPostingSetup.Show(s.VatProdPostingGroup)}";
            foreach (var (caption, value) in new[]
                     {
                         ("Sales VAT Account", s.SalesVatAccount), ("Purchase VAT Account", s.PurchaseVatAccount),
                         ("Reverse Chrg. VAT Acc.", s.ReverseChargeVatAccount),
                     })
            {
                if (value == number)
                {
                    uses.Add($"{name} ({caption})");
                }
            }
        }

        foreach (var g in await db.PostingGroups.AsNoTracking().Where(g => g.Account == number).ToListAsync(cancellationToken))
        {
            uses.Add(g.Kind == PostingGroupKind.Customer
                ? $"Customer Posting Group {g.Code} (Receivables Account)"
                : $"Vendor Posting Group {g.Code} (Payables Account)");
        }

        return uses;
    }
}

/// <summary>The account fields of the general posting setup with BC's captions and the API's names, in BC's order.</summary>
public static class GeneralPostingSetupFields
{
    public static IReadOnlyList<(string Field, string Caption, string Value)> Accounts(GeneralPostingSetup s) =>
    [
        ("salesAccount", "Sales Account", s.SalesAccount),
        ("salesCreditMemoAccount", "Sales Credit Memo Account", s.SalesCreditMemoAccount),
        ("purchaseAccount", "Purch. Account", s.PurchaseAccount),
        ("purchaseCreditMemoAccount", "Purch. Credit Memo Account", s.PurchaseCreditMemoAccount),
        ("cogsAccount", "COGS Account", s.CogsAccount),
        ("cogsInterimAccount", "COGS Account (Interim)", s.CogsInterimAccount),
        ("inventoryAdjustmentAccount", "Inventory Adjmt. Account", s.InventoryAdjustmentAccount),
        ("inventoryAccrualInterimAccount", "Invt. Accrual Acc. (Interim)", s.InventoryAccrualInterimAccount),
        ("directCostAppliedAccount", "Direct Cost Applied Account", s.DirectCostAppliedAccount),
        ("overheadAppliedAccount", "Overhead Applied Account", s.OverheadAppliedAccount),
        ("purchaseVarianceAccount", "Purchase Variance Account", s.PurchaseVarianceAccount),
    ];
}
