using Saas.Tenancy.Storage;

namespace Saas.Write.Finance.Setup;

/// <summary>A G/L account of the chart of accounts (BC table 15, posting accounts only: no totalling lines yet).</summary>
public sealed class GLAccount : ITenantOwned
{
    // BC: No. Code[20], Name Text[100].
    public const int NumberLength = 20;
    public const int NameLength = 100;

    public Guid TenantId { get; set; }
    public string Number { get; set; } = "";
    public string Name { get; set; } = "";
    public IncomeBalance IncomeBalance { get; set; }
    public AccountCategory Category { get; set; }

    /// <summary>BC's "Direct Posting": false for accounts only the posting engine may post to (inventory, payables).</summary>
    public bool DirectPosting { get; set; }

    public bool Blocked { get; set; }
}

public enum IncomeBalance
{
    [Common.BcWord("Income Statement", "Income_x0020_Statement", "IncomeStatement")]
    IncomeStatement,

    [Common.BcWord("Balance Sheet", "Balance_x0020_Sheet", "BalanceSheet")]
    BalanceSheet,
}

/// <summary>BC's account categories (the subcategories come later with financial reporting).</summary>
public enum AccountCategory
{
    Assets,
    Liabilities,
    Equity,
    Income,

    [Common.BcWord("Cost of Goods Sold", "Cost_x0020_of_x0020_Goods_x0020_Sold", "CostOfGoodsSold")]
    CostOfGoodsSold,

    Expense,
}
